// `npm run bench [-- section…]`: runs the benchmarks and prints one JSON object; timings are measured, never asserted.
import { cpus } from 'node:os';
import { benchAudit } from './audit.js';
import { benchEngine } from './engine.js';
import { type ClickLevel, DEFAULT_LEVELS } from './levels.js';
import { benchReminderScan } from './reminder-scan.js';
import { benchSlackClicks } from './slack-clicks.js';
import { benchStartup } from './startup.js';
import { removeScratch } from './stats.js';
import { benchTeamsInvokes } from './teams-invokes.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const TEAMS_LEVELS: ClickLevel[] = [
  { concurrency: 1, cases: 30 },
  { concurrency: 10, cases: 100 },
  { concurrency: 50, cases: 150 },
];

const sections: [string, () => Promise<unknown>][] = [
  ['answers', async () => (await import('./answers.js')).benchAnswers()],
  ['engine', () => benchEngine(Number(process.env.BENCH_CASES ?? 200))],
  ['slack', () => benchSlackClicks(DEFAULT_LEVELS)],
  ['teams', () => benchTeamsInvokes(TEAMS_LEVELS)],
  ['reminderScan', () => benchReminderScan(Number(process.env.BENCH_OPEN_CASES ?? 100_000))],
  ['startup', () => benchStartup()],
  ['audit', () => benchAudit(Number(process.env.BENCH_AUDIT_CASES ?? 10_000))],
];

const unknown = only.filter((name) => !sections.some(([s]) => s === name));
if (unknown.length > 0) {
  process.stderr.write(`unknown section(s): ${unknown.join(', ')}; known: ${sections.map(([s]) => s).join(', ')}\n`);
  process.exit(2);
}

const result: Record<string, unknown> = { node: process.version, cpus: cpus().length, at: new Date().toISOString() };
const durations: Record<string, number> = {};
for (const [name, run] of sections) {
  if (!want(name)) continue;
  const t = performance.now();
  try {
    result[name] = await run();
  } catch (err) {
    result[name] = { error: (err as Error).stack ?? String(err) };
  }
  durations[name] = Math.round((performance.now() - t) / 100) / 10;
}
result.sectionSeconds = durations;
removeScratch();
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
