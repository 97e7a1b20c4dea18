// The assembled app over HTTP: health, readiness (store and the reminder queue's Redis), Prometheus metrics.
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { InProcessScheduler } from '../../src/reminders/in-process-scheduler.js';
import type { PlatformPlugin } from '../../src/server/platform.js';
import { createStore } from '../../src/store/create-store.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { storeBackends, uniquePrefix } from '../helpers/backends.js';
import { silentAnswers } from '../helpers/engine.js';
import { waitUntil } from '../helpers/replicas.js';
import { describeSkipIf } from '../helpers/skip.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

async function start(env: Record<string, string> = {}, platforms: PlatformPlugin[] = []) {
  const r = parseConfig({ STORE_URL: 'memory://', PORT: '0', HOST: '127.0.0.1', ...env });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  // The in-process scheduler keeps this about the endpoint: BullMQ would wait for the (unreachable) Redis.
  const store = await createStore('memory://');
  const logger = silentLogger();
  const scheduler = new InProcessScheduler({ store, clock: new ManualClock('2026-11-23'), logger, intervalMs: 0 });
  const app = await createApp({ config: r.config, logger, answers: silentAnswers, platforms, store, scheduler });
  const port = await app.listen();
  return { app, base: `http://127.0.0.1:${port}` };
}

/** The app with the real BullMQ scheduler on the Redis at redisUrl (memory store, a queue name of its own). */
const startOnRedis = (redisUrl: string) =>
  startTestApp({ REDIS_URL: redisUrl, STORE_PREFIX: uniquePrefix().slice(0, -1) }, { platforms: [] });

describe('app endpoints', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('reports health with store kind and platforms, readiness, and metrics', async () => {
    const s = await start();
    app = s.app;
    expect(await (await fetch(`${s.base}/healthz`)).json()).toEqual({ status: 'ok', store: 'memory', platforms: {} });
    const ready = await fetch(`${s.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: { ok: true } });
    await fetch(`${s.base}/nope`);
    const metrics = await (await fetch(`${s.base}/metrics`)).text();
    expect(metrics).toContain('overname_http_requests_total{route="/healthz",status="200"} 1');
    expect(metrics).toContain('overname_http_requests_total{route="unmatched",status="404"} 1');
    expect(metrics).toContain('process_resident_memory_bytes');
  });

  it('reports a platform as true when live, "simulated" when only a local stand-in talks to it, false when off', async () => {
    const plugin = (name: string, enabled: boolean, simulates?: string[]): PlatformPlugin => ({
      name,
      enabled: () => enabled,
      attach: async () => undefined,
      ...(simulates ? { simulates: () => simulates } : {}),
    });
    const s = await start({}, [
      plugin('slack', true),
      plugin('teams', true),
      plugin('fax', false),
      // A disabled platform stays false, whatever a stand-in claims.
      plugin('stand-in', true, ['teams', 'fax']),
    ]);
    app = s.app;
    const health = (await (await fetch(`${s.base}/healthz`)).json()) as { platforms: unknown };
    expect(health).toEqual({
      status: 'ok',
      store: 'memory',
      platforms: { slack: true, teams: 'simulated', fax: false, 'stand-in': true },
    });
    expect(s.app.platforms).toEqual(health.platforms);
  });
});

describe("start-up while the reminder queue's Redis is unreachable", () => {
  it('serves /healthz, reports not ready, and closes cleanly', async () => {
    // The real BullMQ scheduler: start-up used to wait for Redis forever, without ever listening.
    // Nothing listens on port 1: every connection attempt is refused.
    const app = await startOnRedis('redis://127.0.0.1:1');
    const base = app.url;
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not ready', store: { ok: true }, redis: { ok: false } });
    } finally {
      await app.close();
    }
  });
});

const redis = storeBackends().find((b) => b.name === 'redis')!;

describeSkipIf(redis.skip, 'readiness of the reminder queue on real Redis', () => {
  let app: TestApp | undefined;
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    try {
      await proxy?.resume();
    } finally {
      await app?.close();
      await proxy?.close();
      app = undefined;
      proxy = undefined;
    }
  });

  it("follows the queue's own connection: not ready while Redis is cut off, ready again when it is back", async () => {
    proxy = await TcpProxy.start(process.env.REDIS_URL!);
    app = await startOnRedis(proxy.urlFor(process.env.REDIS_URL!));
    const base = app.url;
    const readiness = async () => {
      const res = await fetch(`${base}/readyz`);
      return { status: res.status, body: (await res.json()) as { redis?: { ok: boolean } } };
    };

    // The worker connects in the background after start-up.
    await waitUntil('readyz', async () => (await readiness()).status === 200, { timeoutMs: 15_000 });
    const connections = proxy.accepted;
    for (let i = 0; i < 5; i++) expect(await readiness()).toMatchObject({ status: 200, body: { redis: { ok: true } } });
    // Probes ride on BullMQ's connection: five of them opened none.
    expect(proxy.accepted).toBe(connections);

    await proxy.pause();
    const down = await waitUntil('readyz to report Redis down', async () => {
      const r = await readiness();
      return r.status === 503 && r;
    });
    expect(down.body).toMatchObject({ status: 'not ready', redis: { ok: false } });

    await proxy.resume();
    await waitUntil('readyz to recover', async () => (await readiness()).status === 200, { timeoutMs: 15_000 });
  });

  it('starts while Redis is cut off and turns ready when it answers', async () => {
    proxy = await TcpProxy.start(process.env.REDIS_URL!);
    await proxy.pause();
    app = await startOnRedis(proxy.urlFor(process.env.REDIS_URL!));
    const base = app.url;
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    await proxy.resume();
    await waitUntil('readyz once Redis answers', async () => (await fetch(`${base}/readyz`)).status === 200, {
      timeoutMs: 15_000,
    });
  });

  // Closing takes about 6 s (the queue's 5 s grace, then force); before, it hung until the timeout.
  it('shuts down within its grace time when Redis went away while it ran', { timeout: 20_000 }, async () => {
    proxy = await TcpProxy.start(process.env.REDIS_URL!);
    app = await startOnRedis(proxy.urlFor(process.env.REDIS_URL!));
    const base = app.url;
    const status = async () => (await fetch(`${base}/readyz`)).status;
    await waitUntil('readyz', async () => (await status()) === 200, { timeoutMs: 15_000 });
    await proxy.pause();
    await waitUntil('readyz to report Redis down', async () => (await status()) === 503);
    // BullMQ's own close waits for connections that lost Redis to end, which may never happen.
    await app.close();
    app = undefined;
  });
});
