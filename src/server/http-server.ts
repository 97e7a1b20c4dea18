// The one HTTP server every platform shares: a small route table, in-flight tracking and graceful close.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServer {
  readonly server: Server;
  /** Exact path match; a path ending in "/*" matches the prefix. */
  route(method: string, path: string, handler: RouteHandler): void;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then closes idle connections. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Slack and Teams send a small request at once; a client that trickles its headers or body in holds a socket and
 * must be cut off. Node checks these deadlines every `checkEveryMs`.
 */
export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 15_000, checkEveryMs: 1_000 };

export function createHttpServer(logger: Logger, metrics?: Metrics, timeouts = DEFAULT_TIMEOUTS): HttpServer {
  const routes: { method: string; path: string; prefix: boolean; handler: RouteHandler }[] = [];
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const options = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: timeouts.checkEveryMs,
  };
  const server = createServer(options, (req, res) => {
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    const path = (req.url ?? '/').split('?')[0]!;
    const match = routes.find(
      (r) => (r.method === req.method || r.method === '*') && (r.prefix ? path.startsWith(r.path) : r.path === path),
    );
    // Label by route pattern, not raw URL: raw paths would let clients create unbounded label sets.
    res.on('finish', () =>
      metrics?.requests.inc({ route: match?.path ?? 'unmatched', status: String(res.statusCode) }),
    );
    if (!match) {
      const known = routes.some((r) => (r.prefix ? path.startsWith(r.path) : r.path === path));
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    // Through then(): a handler that throws synchronously must still become a 500, not an uncaught exception.
    Promise.resolve()
      .then(() => match.handler(req, res))
      .catch((err: unknown) => {
        logger.error({ err, path }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
  });
  // Slack retries after 3 s and Teams shows an error after ~15 s; long keep-alives only delay shutdown.
  server.keepAliveTimeout = 5_000;

  return {
    server,
    route(method, path, handler) {
      const prefix = path.endsWith('/*');
      routes.push({ method, path: prefix ? path.slice(0, -1) : path, prefix, handler });
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Reads a request body with a size cap; a platform never sends megabytes, an attacker might. */
export async function readBodyBuffer(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return (await readBodyBuffer(req, limit)).toString('utf8');
}

const tooLarge = () => Object.assign(new Error('request body too large'), { status: 413 });
