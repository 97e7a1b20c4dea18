// The assembled app over HTTP: health, readiness (store and Redis), Prometheus metrics.
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { InProcessScheduler } from '../../src/reminders/in-process-scheduler.js';
import { createStore } from '../../src/store/create-store.js';
import { silentAnswers } from '../helpers/engine.js';

async function start(env: Record<string, string> = {}) {
  const r = parseConfig({ STORE_URL: 'memory://', PORT: '0', HOST: '127.0.0.1', ...env });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  // The in-process scheduler keeps this about the endpoint: BullMQ would wait for the (unreachable) Redis.
  const store = await createStore('memory://');
  const logger = silentLogger();
  const scheduler = new InProcessScheduler({ store, clock: new ManualClock('2026-11-23'), logger, intervalMs: 0 });
  const app = await createApp({ config: r.config, logger, answers: silentAnswers, platforms: [], store, scheduler });
  const port = await app.listen();
  return { app, base: `http://127.0.0.1:${port}` };
}

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

  it('is not ready when the reminder queue Redis cannot be reached', async () => {
    const s = await start({ REDIS_URL: 'redis://127.0.0.1:1' });
    app = s.app;
    const ready = await fetch(`${s.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', redis: { ok: false } });
  });
});
