// The shared HTTP server: routing, body limits and a graceful close that lets in-flight requests finish.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createHttpServer, type HttpServer, readBody, sendJson } from '../../src/server/http-server.js';

describe('http server', () => {
  let server: HttpServer | undefined;
  afterEach(async () => {
    await server?.close(100);
    server = undefined;
  });

  it('routes exact and prefix paths, and answers 404/405 as JSON', async () => {
    server = createHttpServer(silentLogger());
    server.route('GET', '/a', (_q, r) => sendJson(r, 200, { a: 1 }));
    server.route('POST', '/p/*', (q, r) => sendJson(r, 200, { path: q.url }));
    const port = await server.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/a`)).json()).toEqual({ a: 1 });
    expect(await (await fetch(`${base}/p/x/y`, { method: 'POST' })).json()).toEqual({ path: '/p/x/y' });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/a`, { method: 'DELETE' })).status).toBe(405);
  });

  it('turns a handler error into a 500 without crashing', async () => {
    server = createHttpServer(silentLogger());
    server.route('GET', '/boom', () => {
      throw new Error('boom');
    });
    const port = await server.listen(0, '127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${port}/boom`)).status).toBe(500);
  });

  it('finishes a request that is in flight when close() is called', async () => {
    server = createHttpServer(silentLogger());
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    server.route('GET', '/slow', async (_q, r) => {
      await gate;
      sendJson(r, 200, { finished: true });
    });
    const port = await server.listen(0, '127.0.0.1');
    const pending = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 50));
    const closing = server.close(5_000);
    setTimeout(release, 100);
    expect(await pending).toEqual({ finished: true });
    await closing;
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
    server = undefined;
  });

  it('refuses bodies over the limit', async () => {
    server = createHttpServer(silentLogger());
    server.route('POST', '/in', async (q, r) => {
      try {
        await readBody(q, 10);
        sendJson(r, 200, {});
      } catch (err) {
        sendJson(r, (err as { status?: number }).status ?? 500, {});
      }
    });
    const port = await server.listen(0, '127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${port}/in`, { method: 'POST', body: 'x'.repeat(100) })).status).toBe(413);
  });

  it('cuts off clients that trickle their headers or their body in', async () => {
    server = createHttpServer(silentLogger(), undefined, { headersMs: 300, requestMs: 500, checkEveryMs: 100 });
    server.route('POST', '/in', async (q, r) => {
      await readBody(q);
      sendJson(r, 200, {});
    });
    const port = await server.listen(0, '127.0.0.1');
    const closedAfter = (first: string, drip: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(first));
        let answer = '';
        socket.on('data', (d) => {
          answer += String(d);
        });
        // Keeps dripping a byte at a time until the server hangs up; the test's own timeout bounds the wait.
        const drip1 = setInterval(() => socket.writable && socket.write(drip), 50);
        socket.on('close', () => {
          clearInterval(drip1);
          resolve(answer);
        });
        socket.on('error', () => {});
      });
    // Headers that never end, then a body that never ends: both end in a 408 and a closed socket.
    expect(await closedAfter('POST /in HTTP/1.1\r\nHost: x\r\n', 'X')).toMatch(/^HTTP\/1\.1 408/);
    const body = 'POST /in HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n';
    expect(await closedAfter(body, 'x')).toMatch(/^HTTP\/1\.1 408/);
  });
});
