// A loopback proxy in front of the fake Slack Web API with one path per replica: logs who called what when, and
// holds chosen calls (a replica "stuck" mid-post) until released, dropping any whose caller gave up or died.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GateCall {
  replica: string;
  method: string;
  channel?: string;
  thread?: string;
  text: string;
  /** When the call arrived at the gate, and when it was forwarded (after a hold). */
  at: number;
  forwardedAt?: number;
}

interface Held {
  call: GateCall;
  raw: string;
  headers: Record<string, string>;
  res: ServerResponse;
  gone: boolean;
}

type HoldRule = (call: GateCall) => boolean;

export class SlackGate {
  /** Every call that reached the fake, in order of forwarding. */
  readonly forwarded: GateCall[] = [];
  private held: Held[] = [];
  private rule: HoldRule = () => false;
  private base = '';

  private constructor(
    private readonly server: Server,
    /** The fake's API base, e.g. http://127.0.0.1:1234/api/ */
    private readonly target: string,
  ) {}

  static async start(target: string): Promise<SlackGate> {
    let gate: SlackGate | undefined;
    const server = createServer((req, res) => void gate!.handle(req, res));
    gate = new SlackGate(server, target);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    gate.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return gate;
  }

  /** The SLACK_API_URL for one replica. */
  url(replica: string): string {
    return `${this.base}/${replica}/api/`;
  }

  /** From now on, calls matching the rule wait at the gate (until released, or their caller goes away). */
  hold(rule: HoldRule): void {
    this.rule = rule;
  }

  /** Calls waiting at the gate whose caller is still there. */
  waiting(filter: HoldRule = () => true): GateCall[] {
    return this.held.filter((h) => !h.gone && filter(h.call)).map((h) => h.call);
  }

  /** Stops holding, forwards what still waits and matches `forward`, and drops the rest unanswered. */
  async release(forward: HoldRule = () => true): Promise<void> {
    this.rule = () => false;
    const held = this.held.splice(0);
    await Promise.all(
      held.map((h) => {
        if (h.gone) return undefined;
        if (forward(h.call)) return this.forward(h);
        h.res.destroy();
        return undefined;
      }),
    );
  }

  async close(): Promise<void> {
    for (const h of this.held) h.res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const m = /^\/([^/]+)\/api\/([^?]+)/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const args = parseArgs(raw, req.headers['content-type']);
    const call: GateCall = {
      replica: m[1]!,
      method: m[2]!,
      channel: typeof args.channel === 'string' ? args.channel : undefined,
      thread: typeof args.thread_ts === 'string' && args.thread_ts ? args.thread_ts : undefined,
      text: typeof args.text === 'string' ? args.text : '',
      at: Date.now(),
    };
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'authorization']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const held: Held = { call, raw, headers, res, gone: false };
    if (!this.rule(call)) return this.forward(held);
    // The caller timed out or its process died: Slack never saw this request, so it must never be forwarded.
    res.once('close', () => {
      if (!res.writableEnded) held.gone = true;
    });
    this.held.push(held);
  }

  private async forward(h: Held): Promise<void> {
    h.call.forwardedAt = Date.now();
    this.forwarded.push(h.call);
    try {
      const r = await fetch(`${this.target}${h.call.method}`, { method: 'POST', headers: h.headers, body: h.raw });
      const body = await r.text();
      const headers: Record<string, string> = { 'content-type': r.headers.get('content-type') ?? 'application/json' };
      const retryAfter = r.headers.get('retry-after');
      if (retryAfter) headers['retry-after'] = retryAfter;
      h.res.writeHead(r.status, headers).end(body);
    } catch {
      h.res.destroy();
    }
  }
}

/** The Web API client sends form fields (objects as JSON strings); JSON bodies are accepted too. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw || '{}') as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
