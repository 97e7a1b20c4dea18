// `npm run bench`: runs every benchmark and prints one JSON object; timings are measured here, never asserted in tests.
import { benchEngine } from './engine.js';
import { benchReminderScan } from './reminder-scan.js';
import { benchStartup } from './startup.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const sections: [string, () => Promise<unknown>][] = [
  ['answers', async () => (await import('./answers.js')).benchAnswers()],
  ['engine', () => benchEngine(Number(process.env.BENCH_CASES ?? 200))],
  ['reminderScan', () => benchReminderScan(Number(process.env.BENCH_OPEN_CASES ?? 100_000))],
  ['startup', () => benchStartup()],
];

const result: Record<string, unknown> = {
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  at: new Date().toISOString(),
};
for (const [name, run] of sections) {
  if (!want(name)) continue;
  try {
    result[name] = await run();
  } catch (err) {
    result[name] = { error: (err as Error).message };
  }
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
