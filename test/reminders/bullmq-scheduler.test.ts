// The distributed scheduler on real Redis: due jobs fire once, rescheduling supersedes, and two workers share work.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { DialogEngine } from '../../src/dialog/engine.js';
import { silentLogger } from '../../src/log.js';
import { BullMqScheduler } from '../../src/reminders/bullmq-scheduler.js';
import type { ReminderJob } from '../../src/reminders/scheduler.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, storeBackends } from '../helpers/backends.js';
import { engineHarness, REMINDERS, silentAnswers } from '../helpers/engine.js';
import { RecordingMessenger } from '../helpers/recording-messenger.js';
import { describeSkipIf } from '../helpers/skip.js';

const redis = storeBackends().find((b) => b.name === 'redis')!;

describe("with the reminder queue's Redis away", () => {
  it('starts and stops an engine whose crash repair needs the queue, without waiting for Redis', {
    timeout: 15_000,
  }, async () => {
    const h = await engineHarness();
    const caseId = await h.start();
    // As after a crash between a change and its render: the reminder plan not recorded, a dead process's mark left.
    await h.store.delete(`case:${caseId}:plan`);
    await h.store.set(`dirty:${caseId}:deadbeef`, Date.parse('2026-11-01T00:00:00Z'));
    await h.engine.stop();

    const logger = silentLogger();
    const clock = new ManualClock('2026-11-23T10:00:00+01:00');
    // Nothing listens on port 1: every connection attempt is refused.
    const scheduler = new BullMqScheduler({ redisUrl: 'redis://127.0.0.1:1', store: h.store, clock, logger });
    const engine = new DialogEngine({
      store: h.store,
      answers: silentAnswers,
      clock,
      scheduler,
      logger,
      reminders: REMINDERS,
      waitMs: { repair: 300, renders: 300 },
    });
    const messenger = new RecordingMessenger();
    engine.registerMessenger(messenger);
    // The repair re-plans the reminders first, and that waits for Redis: start-up goes on without it, and so does
    // the stop (before, either hung until this test's timeout).
    await engine.start();
    await engine.stop();
    // Nothing was shown, so the mark stays for the next start.
    expect(messenger.sent).toHaveLength(0);
    expect(await h.store.get(`dirty:${caseId}:deadbeef`)).toBeDefined();
    await h.store.close();
  });
});

describeSkipIf(redis.skip, 'BullMQ scheduler', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(queueName: string, store: Store, clock: ManualClock) {
    const s = new BullMqScheduler({
      redisUrl: process.env.REDIS_URL!,
      store,
      clock,
      logger: silentLogger(),
      queueName,
      prefix: 'test-bull',
    });
    cleanup.push(() => s.stop());
    return s;
  }

  async function freshStore() {
    const store = await openTestStore(redis);
    cleanup.push(() => store.close());
    return store;
  }

  it('fires a due job once, follows with the next one, and ignores a superseded one', async () => {
    const store = await freshStore();
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const queue = `q${randomUUID()}`;
    const s = await setup(queue, store, clock);
    const fired: ReminderJob[] = [];
    await s.start(async (job, now) => {
      fired.push(job);
      return { ...job, at: new Date(now.getTime() + 86_400_000).toISOString(), count: job.count + 1 };
    });
    await s.schedule({ caseId: 'c1', kind: 'checklist', at: '2026-11-23T09:00:00.000Z', count: 0 });
    await s.schedule({ caseId: 'c2', kind: 'checklist', at: '2026-11-23T09:00:00.000Z', count: 0 });
    // Re-planned before it was due: only the later job may fire.
    await s.schedule({ caseId: 'c2', kind: 'checklist', at: '2026-11-23T12:00:00.000Z', count: 0 });
    expect(await s.runDue()).toBe(0);
    clock.set('2026-11-23T09:30:00Z');
    await s.runDue();
    expect(fired.map((j) => j.caseId)).toEqual(['c1']);
    clock.set('2026-11-23T12:30:00Z');
    await s.runDue();
    expect(fired.map((j) => j.caseId)).toEqual(['c1', 'c2']);
    clock.set('2026-11-24T10:00:00Z');
    await s.runDue();
    expect(fired.map((j) => `${j.caseId}#${j.count}`)).toEqual(['c1#0', 'c2#0', 'c1#1']);
    await s.cancel('c2', 'checklist');
    clock.set('2026-11-25T12:00:00Z');
    await s.runDue();
    expect(fired.filter((j) => j.caseId === 'c2')).toHaveLength(1);
  });

  it('shares 40 due jobs between two workers so that each fires exactly once', async () => {
    const store = await freshStore();
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const queue = `q${randomUUID()}`;
    const a = await setup(queue, store, clock);
    const b = await setup(queue, store, clock);
    const fired: string[] = [];
    const handler = async (job: ReminderJob) => {
      fired.push(job.caseId);
      await new Promise((r) => setTimeout(r, 5));
      return null;
    };
    await a.start(handler);
    await b.start(handler);
    for (let i = 0; i < 40; i++)
      await a.schedule({ caseId: `c${i}`, kind: 'approvals', at: '2026-11-23T09:00:00.000Z', count: 0 });
    clock.set('2026-11-23T10:00:00Z');
    await a.runDue();
    await b.runDue();
    expect(fired.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `c${i}`).sort());
  });
});
