// Start-up and reminder scans over a SQLite store holding 100,000 open cases, stored row for row as the engine does.
import { join } from 'node:path';
import Keyv from 'keyv';
import { ManualClock } from '../src/clock.js';
import { DialogEngine } from '../src/dialog/engine.js';
import { silentLogger } from '../src/log.js';
import { InProcessScheduler } from '../src/reminders/in-process-scheduler.js';
import { createStore } from '../src/store/create-store.js';
import { SqliteAdapter } from '../src/store/sqlite-adapter.js';
import { engineHarness, names, people, REMINDERS, silentAnswers, validForm } from '../test/helpers/engine.js';
import { RecordingMessenger } from '../test/helpers/recording-messenger.js';
import { scratchDir, timed } from './stats.js';

const TEMPLATE_CONVERSATION = 'CONV-TEMPLATE';
const CONVERSATIONS = 1000;
/** Reminder times spread over this many minutes, so a tick finds a few due among many. */
const SPREAD_MINUTES = 5000;

type Rows = [string, unknown][];

/**
 * Three real cases made by the engine — just requested, two of three approved, moved with two checklist items
 * done — and every row each left in the store: data, facts, indexes, message ids, reminder jobs.
 */
async function templates(): Promise<{ id: string; rows: Rows }[]> {
  const h = await engineHarness('memory://');
  const act = (caseId: string, user: typeof people.client, action: string, payload: Record<string, unknown> = {}) =>
    h.engine.handleAction({ platform: 'playground', user, caseId, action, payload });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await h.engine.submitStart({
      platform: 'playground',
      workspace: 'W',
      conversation: TEMPLATE_CONVERSATION,
      user: people.requester,
      values: validForm,
      names,
    });
    if (!r.ok) throw new Error('template case refused');
    ids.push(r.caseId);
  }
  const [, partly, moved] = ids as [string, string, string];
  await act(partly, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
  await act(partly, people.client, 'approve', { role: 'client' });
  await act(moved, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
  await act(moved, people.client, 'approve', { role: 'client' });
  await act(moved, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
  await act(moved, people.requester, 'confirm_transfer');
  await act(moved, people.requester, 'checklist_done', { item: 'newUser' });
  await act(moved, people.requester, 'checklist_na', { item: 'rabobank' });
  const all: Rows = [];
  for await (const row of h.store.scan<unknown>('')) all.push(row);
  await h.close();
  return ids.map((id) => ({ id, rows: all.filter(([key]) => key.includes(id)) }));
}

/** Writes n cases copied from the templates straight into SQLite, in one transaction. */
async function seed(path: string, n: number): Promise<number> {
  const base = await templates();
  const serialize = new Keyv().serialize ?? JSON.stringify;
  const db = new SqliteAdapter({ path });
  await db.query('BEGIN');
  let batch: string[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.query(`INSERT INTO keyv(key, value) VALUES ${'(?, ?),'.repeat(batch.length / 2).slice(0, -1)}`, ...batch);
    rows += batch.length / 2;
    batch = [];
  };
  for (let i = 0; i < n; i++) {
    const t = base[i % base.length]!;
    const id = `bench${String(i).padStart(7, '0')}`;
    const conversation = `C${i % CONVERSATIONS}`;
    for (const [key, value] of t.rows) {
      let v = value;
      if (key.startsWith('sched:')) {
        const job = value as { at: string };
        v = { ...job, at: new Date(Date.parse(job.at) + (i % SPREAD_MINUTES) * 60_000).toISOString() };
      }
      const text = (s: string) => s.replaceAll(t.id, id).replaceAll(TEMPLATE_CONVERSATION, conversation);
      batch.push(text(key), text(await serialize({ value: v, expires: undefined })));
    }
    if (batch.length >= 800) await flush();
  }
  await flush();
  await db.query('COMMIT');
  await db.disconnect();
  return rows;
}

export async function benchReminderScan(openCases = 100_000): Promise<Record<string, unknown>> {
  const path = join(scratchDir('bench-scan-'), 's.sqlite');
  const [rows, seedMs] = await timed(() => seed(path, openCases));
  const store = await createStore(`sqlite://${path}`);
  const logger = silentLogger();
  const clock = new ManualClock('2026-11-23T10:00:00+01:00');
  const scheduler = new InProcessScheduler({ store, clock, logger, intervalMs: 0 });
  const engine = new DialogEngine({ store, answers: silentAnswers, clock, scheduler, logger, reminders: REMINDERS });
  const messenger = new RecordingMessenger();
  engine.registerMessenger(messenger);
  try {
    // What start-up does: load every reminder job, then look for case messages left stale by a crash.
    const [, startMs] = await timed(() => engine.start());
    const [, idleTickMs] = await timed(() => scheduler.runDue());
    let earliest = Number.POSITIVE_INFINITY;
    for await (const [, job] of store.scan<{ at: string }>('sched:')) earliest = Math.min(earliest, Date.parse(job.at));
    clock.set(new Date(earliest + 60_000));
    const [fired, dueTickMs] = await timed(() => scheduler.runDue());
    // "/overname status" in one channel: the conversation's index, then each of its cases.
    const [, statusMs] = await timed(() =>
      engine.handleMessage({
        platform: 'playground',
        workspace: 'W',
        conversation: 'C7',
        user: people.requester,
        text: 'status',
      }),
    );
    return {
      store: 'sqlite',
      openCases,
      rows,
      seedMs: Math.round(seedMs),
      reminderJobsLoaded: scheduler.size(),
      startupScanMs: Math.round(startMs),
      tickWithNothingDueMs: Math.round(idleTickMs * 100) / 100,
      tickWithSomeDue: { fired, sent: messenger.sent.length, ms: Math.round(dueTickMs) },
      statusOfOneChannelMs: Math.round(statusMs),
    };
  } finally {
    await engine.stop();
    await store.close();
  }
}
