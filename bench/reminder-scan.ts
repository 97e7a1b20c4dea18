// How long the in-process scheduler takes to load and scan reminders of many open cases at start-up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/clock.js';
import { silentLogger } from '../src/log.js';
import { InProcessScheduler } from '../src/reminders/in-process-scheduler.js';
import { createStore } from '../src/store/create-store.js';
import { timed } from './stats.js';

export async function benchReminderScan(openCases = 100_000): Promise<Record<string, unknown>> {
  const store = await createStore(`sqlite://${join(mkdtempSync(join(tmpdir(), 'bench-scan-')), 's.sqlite')}`);
  const at = '2026-11-30T08:00:00.000Z';
  const [, seedMs] = await timed(async () => {
    for (let i = 0; i < openCases; i += 1000) {
      await Promise.all(
        Array.from({ length: Math.min(1000, openCases - i) }, (_, j) =>
          store.set(`sched:checklist:case${i + j}`, { caseId: `case${i + j}`, kind: 'checklist', at, count: 0 }),
        ),
      );
    }
  });
  const clock = new ManualClock('2026-11-28T08:00:00Z');
  const scheduler = new InProcessScheduler({ store, clock, logger: silentLogger(), intervalMs: 0 });
  const [, loadMs] = await timed(() => scheduler.start(async () => null));
  const [, idleTickMs] = await timed(() => scheduler.runDue());
  await scheduler.stop();
  await store.close();
  return {
    store: 'sqlite',
    openCases,
    loaded: scheduler.size(),
    seedMs: Math.round(seedMs),
    startupScanMs: Math.round(loadMs),
    tickWithNothingDueMs: Math.round(idleTickMs * 100) / 100,
  };
}
