// How the Slack WebClient reaches Slack: its `fetch` option served by undici's pooled request API.
import { Agent, request } from 'undici';

type RequestBody = NonNullable<Parameters<typeof request>[1]>['body'];

export interface SlackTransport {
  fetch: typeof fetch;
  close(): Promise<void>;
}

/**
 * A fetch for @slack/web-api. WebClient calls fetch once per API call and reads only status, headers and the text
 * body; the global fetch builds WHATWG streams around every request and response, which made each chat.update
 * cost ~0.4 ms of CPU. undici's request API on a keep-alive pool does the same HTTP for ~0.2 ms (`npm run bench`).
 * Redirects are not followed (WebClient asks for redirect: 'error'; a 3xx reaches it as a non-200 and fails).
 */
export function createSlackTransport(timeoutMs = 10_000): SlackTransport {
  // The timeout lives here rather than in WebClient's `timeout`, which arms an AbortSignal.timeout per call (a
  // transferable object, a timer and listeners: ~5% of a click's CPU in the profile); undici's own timers are cheap.
  const dispatcher = new Agent({
    keepAliveTimeout: 30_000,
    connections: 64,
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const slackFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : input;
    let sentHeaders = init.headers as Record<string, string> | undefined;
    let sentBody = init.body as RequestBody;
    if (init.body instanceof FormData) {
      // A file upload (files.uploadV2) comes as Node's own FormData, which this undici's request cannot stream:
      // encoded to multipart bytes here, with the boundary in the content type.
      const encoded = new Request('http://encode.invalid/', { method: 'POST', body: init.body });
      sentHeaders = { ...sentHeaders, 'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data' };
      sentBody = Buffer.from(await encoded.arrayBuffer());
    }
    const res = await request(url, {
      dispatcher,
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      headers: sentHeaders,
      body: sentBody,
      signal: init.signal ?? undefined,
    });
    const body = await res.body.arrayBuffer();
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const v of [value].flat()) headers.append(name, v);
    }
    // A Response for 204/304 must not carry a body.
    const empty = res.statusCode === 204 || res.statusCode === 304;
    return new Response(empty ? null : body, { status: res.statusCode, headers });
  };
  return {
    fetch: slackFetch as typeof fetch,
    close: () => dispatcher.close(),
  };
}
