// Runs botbuilder's CloudAdapter.process on the shared node:http server: an express-like request and response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from '../../src/log.js';
import { type RouteHandler, readBody, sendJson } from '../../src/server/http-server.js';
import { activityProblem } from './activity-schema.js';

/** The request shape CloudAdapter.process reads: a parsed JSON body, headers and method. */
export interface BridgeRequest {
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  method?: string;
}

/** The response methods CloudAdapter.process calls: status(), header(), send(), end(). */
export class BridgeResponse {
  private code = 200;
  private readonly headers: Record<string, string> = {};
  private body: string | undefined;

  constructor(private readonly res: ServerResponse) {}

  /** botbuilder's Response type asks for it (streaming upgrades); plain HTTP never uses it. */
  get socket(): unknown {
    return this.res.socket;
  }

  status(code: number): this {
    this.code = code;
    return this;
  }

  header(name: string, value: unknown): this {
    this.headers[name.toLowerCase()] = String(value);
    return this;
  }

  send(body: unknown): this {
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      this.body = String(body);
      this.headers['content-type'] ??= 'text/plain; charset=utf-8';
    } else if (body !== undefined) {
      this.body = JSON.stringify(body);
      this.headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    return this;
  }

  end(): void {
    if (this.res.headersSent) return;
    if (this.body !== undefined) this.headers['content-length'] = String(Buffer.byteLength(this.body));
    this.res.writeHead(this.code, this.headers);
    this.res.end(this.body);
  }
}

export interface BridgeOptions {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** With authentication on, a request without a token is refused here, before botbuilder logs it to stderr. */
  authRequired: boolean;
}

export function messagesRoute(o: BridgeOptions): RouteHandler {
  return async (req, res) => {
    if (o.authRequired && !req.headers.authorization) {
      o.logger.warn({ ip: req.socket.remoteAddress }, 'Teams request without Authorization header refused');
      req.resume();
      sendJson(res, 401, { error: 'unauthorized' });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (err) {
      const status = (err as { status?: number }).status ?? 400;
      sendJson(res, status, { error: status === 413 ? 'request body too large' : 'invalid JSON' });
      return;
    }
    const problem = activityProblem(body);
    if (problem) {
      o.logger.warn({ problem }, 'Teams activity refused: not an activity this bot can read');
      sendJson(res, 400, { error: 'invalid activity' });
      return;
    }
    const request: BridgeRequest = { body: body as Record<string, unknown>, headers: req.headers, method: req.method };
    await o.adapter.process(request, new BridgeResponse(res), (ctx) => o.bot.run(ctx));
  };
}
