// The daily retention run as the app wires it: a timer in the process without Redis (once per day, however often it
// ticks or restarts), one BullMQ job scheduler with Redis (however many replicas start), and a bad RETENTION_MONTHS.
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { connectionOf } from '../../src/reminders/bullmq-scheduler.js';
import {
  type BullMqDailyRetention,
  RETENTION_PATTERN,
  RETENTION_SCHEDULER_ID,
} from '../../src/retention/bullmq-daily.js';
import type { InProcessDailyRetention } from '../../src/retention/daily.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { storeBackends, uniquePrefix } from '../helpers/backends.js';
import { names, people, validForm } from '../helpers/engine.js';
import { captureLog } from '../helpers/log-capture.js';
import { waitUntil } from '../helpers/replicas.js';
import { describeSkipIf } from '../helpers/skip.js';

const HOUR = 3_600_000;
const redis = storeBackends().find((b) => b.name === 'redis')!;

/** A case started and cancelled through the app's engine at the app's clock; its id. */
async function cancelledCase(app: TestApp, clientName: string): Promise<string> {
  const r = await app.engine.submitStart({
    platform: 'playground',
    workspace: 'W1',
    conversation: 'C1',
    user: people.requester,
    values: { ...validForm, clientName } as never,
    names,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  await app.engine.handleAction({
    platform: 'playground',
    user: people.requester,
    caseId: r.caseId,
    action: 'cancel',
    payload: {},
  });
  await app.engine.idle();
  return r.caseId;
}

async function metric(app: TestApp, name: string): Promise<string[]> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  return text.split('\n').filter((l) => l.startsWith(name));
}

describe('daily retention without Redis', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    vi.useRealTimers();
  });

  it('runs on its hourly timer once per calendar day, also across a restart the same day', async () => {
    // Only the interval timers are fake: the store, HTTP and the engine's own waits keep real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const log = captureLog();
    const dir = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/overname-ret-`);
    const env = { STORE_URL: `sqlite://${dir}/r.sqlite`, RETENTION_MONTHS: '24' };
    const app = await startTestApp(env, { start: '2024-06-03T10:00:00+02:00', logger: log.logger });
    apps.push(app);
    const old = await cancelledCase(app, 'Klant Oud Timer');
    app.clock.set('2026-12-01T10:00:00+01:00');
    const recent = await cancelledCase(app, 'Klant Recent Timer');
    const daily = app.daily as InProcessDailyRetention;
    const runs = () => log.lines.filter((l) => l.msg === 'retention: run finished');

    await vi.advanceTimersByTimeAsync(HOUR - 1);
    await daily.idle();
    expect(runs()).toHaveLength(0);
    expect(await app.engine.repo.caseData(old)).toBeDefined();

    await vi.advanceTimersByTimeAsync(1);
    await daily.idle();
    expect(runs()).toHaveLength(1);
    expect(await app.engine.repo.caseData(old)).toBeUndefined();
    expect(await app.engine.repo.caseData(recent)).toBeDefined();
    expect(await metric(app, 'overname_retention_deleted_cases_total')).toEqual([
      'overname_retention_deleted_cases_total{status="cancelled"} 1',
    ]);
    const line = log.lines.find((l) => l.msg === 'retention: deleted case')!;
    expect(line).toMatchObject({ caseId: old, status: 'cancelled', facts: 2 });
    expect(JSON.stringify(line)).not.toContain('Klant Oud');

    // Later the same day: the timer ticks, the day's run is done.
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    await daily.idle();
    expect(runs()).toHaveLength(1);

    // A restart the same day does not run it again (the day's claim is in the store).
    await app.close();
    apps.pop();
    const again = await startTestApp(env, { start: '2026-12-01T18:00:00+01:00', logger: log.logger });
    apps.push(again);
    await vi.advanceTimersByTimeAsync(HOUR);
    await (again.daily as InProcessDailyRetention).idle();
    expect(runs()).toHaveLength(1);

    // The next day it runs again.
    again.clock.set('2026-12-02T00:30:00+01:00');
    await vi.advanceTimersByTimeAsync(HOUR);
    await (again.daily as InProcessDailyRetention).idle();
    expect(runs()).toHaveLength(2);
  });

  it('refuses to start with a bad RETENTION_MONTHS, naming it', () => {
    for (const bad of ['0', '1.5', 'twee', '-3']) {
      const r = parseConfig({ RETENTION_MONTHS: bad });
      expect(r.ok, bad).toBe(false);
      if (!r.ok)
        expect(r.problems).toEqual([`RETENTION_MONTHS: expected a whole number from 1 to 1200 (got "${bad}")`]);
    }
    const fine = parseConfig({ RETENTION_MONTHS: '36' });
    expect(fine.ok && fine.config.retentionMonths).toBe(36);
    const dflt = parseConfig({});
    expect(dflt.ok && dflt.config.retentionMonths).toBe(24);
  });
});

describeSkipIf(redis.skip, 'daily retention with Redis (BullMQ)', () => {
  const apps: TestApp[] = [];
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const c of closing.splice(0).reverse()) await c();
  });

  it('keeps one job scheduler however many replicas start, and one replica runs each occurrence', {
    timeout: 30_000,
  }, async () => {
    const prefix = uniquePrefix().slice(0, -1);
    const env = { REDIS_URL: process.env.REDIS_URL!, STORE_URL: process.env.REDIS_URL!, STORE_PREFIX: prefix };
    const start = '2024-06-03T10:00:00+02:00';
    const a = await startTestApp(env, { start, platforms: [] });
    apps.push(a);
    const b = await startTestApp(env, { start, platforms: [] });
    apps.push(b);
    const queue = new Queue(`retention-${prefix}`, {
      connection: connectionOf(process.env.REDIS_URL!),
      prefix: 'overname',
    });
    closing.push(async () => {
      await queue.obliterate({ force: true });
      await queue.close();
    });
    for (const app of [a, b]) expect(await (app.daily as BullMqDailyRetention).registered).toBe(true);

    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: RETENTION_SCHEDULER_ID,
      pattern: RETENTION_PATTERN,
      tz: 'Europe/Amsterdam',
    });
    const delayed = await queue.getDelayed();
    expect(delayed).toHaveLength(1);

    // Seed an old cancelled case through one replica (the store is shared), then let the day's job come due now.
    const store: Store = await createStore(process.env.REDIS_URL!, { prefix: `${prefix}:` });
    closing.push(() => store.close());
    a.clock.set(start);
    const old = await cancelledCase(a, 'Klant Oud BullMQ');
    for (const app of [a, b]) app.clock.set('2026-12-01T03:30:00+01:00');
    await delayed[0]!.promote();
    await waitUntil('the retention job to delete the old case', async () => !(await store.get(`case:${old}`)), {
      timeoutMs: 15_000,
    });
    const counted = async (app: TestApp) =>
      (await metric(app, 'overname_retention_deleted_cases_total{status="cancelled"}')).map((l) => l.split(' ')[1]);
    const both = [...(await counted(a)), ...(await counted(b))];
    // Exactly one replica ran it: one counter says 1, the other has no sample (or 0).
    expect(both.filter((v) => v === '1')).toHaveLength(1);
    expect(both.filter((v) => v !== '1' && v !== '0')).toEqual([]);
    // The scheduler planned the next occurrence; still one scheduler.
    expect(await queue.getJobSchedulers()).toHaveLength(1);
  });
});
