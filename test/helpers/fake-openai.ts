// A local OpenAI-compatible chat completions server on 127.0.0.1, so tests drive the real openai client over HTTP.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/v1/chat/completions" or "/openai/deployments/x/chat/completions?api-version=…". */
  url: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    [key: string]: unknown;
  };
}

export interface FakeReply {
  status?: number;
  /** Sent as the assistant message content of a chat completion. */
  content?: string;
  /** Sent as-is instead of a chat completion (for error bodies). */
  body?: unknown;
  delayMs?: number;
}

export type FakeHandler = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAI {
  /** Base URL for the OpenAI client, ending in /v1. */
  baseURL: string;
  /** Server origin, for Azure's endpoint option. */
  origin: string;
  requests: RecordedRequest[];
  /** How many replies the fake has finished so far, delays included. */
  answered(): number;
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
}

export function chatCompletion(content: string, model = 'fake-model'): unknown {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

/** The passage ids the engine put in the user message: what a well-behaved model may cite. */
export function passageIds(request: RecordedRequest): string[] {
  const user = request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/\[passage id="([^"]+)"/g)].map((m) => m[1] as string);
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  let handler: FakeHandler = () => ({ status: 500, body: { error: { message: 'no handler set' } } });
  const requests: RecordedRequest[] = [];
  /** Replies the fake finished (delays included), whether or not the client still waited for them. */
  let answered = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? JSON.parse(text) : {},
      };
      requests.push(recorded);
      try {
        const reply = await handler(recorded);
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        answered++;
        if (res.destroyed) return;
        const payload = reply.body ?? chatCompletion(reply.content ?? '', recorded.body.model);
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: String(err) } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseURL: `${origin}/v1`,
    origin,
    requests,
    answered: () => answered,
    handle(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
