// Runs a warm-up burst, then each concurrency level in paired rounds, each round on its own slice of prepared cases.
import { type LoadReport, rate } from './load.js';
import { summarize } from './stats.js';

export interface ClickLevel {
  concurrency: number;
  /** Cases per round; each gets its three approvals, so 3 × cases clicks a round. */
  cases: number;
}

// Each round runs for about a second: shorter windows made the ratios swing by ±0.1 between runs on this machine.
export const DEFAULT_LEVELS: ClickLevel[] = [
  { concurrency: 1, cases: 100 },
  { concurrency: 10, cases: 200 },
  { concurrency: 50, cases: 300 },
];

/**
 * Rounds per level: the bare app and the service back to back (see inTurn), this many times. The host of this VM lends
 * its cores unevenly — the bare app's own rate moved by up to 2× between runs — so a ratio is taken within each
 * round, where both ran under the same conditions, and the median of those is reported with its range.
 */
export const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 3)) || 3);

/** Cases the warm-up (JIT, connection pools, caches) uses on both servers; not reported. */
const WARMUP_CASES = 50;

/** Cases the warm-up and every round of every level use together. */
export function casesNeeded(levels: ClickLevel[]): number {
  return WARMUP_CASES + ROUNDS * levels.reduce((n, l) => n + l.cases, 0);
}

/** Returns each level's result and the index of the first case no level used. */
export async function measureLevels<C, R>(
  all: C[],
  levels: ClickLevel[],
  run: (level: ClickLevel, rounds: C[][]) => Promise<R>,
): Promise<{ results: R[]; next: number }> {
  await run({ concurrency: 50, cases: WARMUP_CASES }, [all.slice(0, WARMUP_CASES)]);
  const results: R[] = [];
  let next = WARMUP_CASES;
  for (const level of levels) {
    const rounds: C[][] = [];
    for (let i = 0; i < ROUNDS; i++, next += level.cases) rounds.push(all.slice(next, next + level.cases));
    results.push(await run(level, rounds));
  }
  return { results, next };
}

const two = (x: number) => Math.round(x * 100) / 100;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The median and [min, max] of one figure over the rounds. */
export function overRounds(values: number[], round: (x: number) => number = two) {
  return { median: round(median(values)), range: [round(Math.min(...values)), round(Math.max(...values))] };
}

/** Runs `round` on each round's cases, one after another (side by side they would share the cores). */
export async function inRounds<C, R>(rounds: C[][], round: (cases: C[], index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const [i, cases] of rounds.entries()) out.push(await round(cases, i));
  return out;
}

/**
 * The bare app's run and the service's, bare first in even rounds and second in odd ones, so a drift of the VM's
 * speed within a round does not always favour the same side (with an odd number of rounds, bare goes first once more).
 */
export async function inTurn<B, S>(index: number, bare: () => Promise<B>, service: () => Promise<S>): Promise<[B, S]> {
  if (index % 2 === 0) {
    const b = await bare();
    return [b, await service()];
  }
  const s = await service();
  return [await bare(), s];
}

/** The median over the rounds of main-thread CPU per request, in ms to the microsecond. */
export function cpuPerRequest<R>(runs: R[], ms: (r: R) => number, requests: (r: R) => number): number {
  return overRounds(
    runs.map((r) => ms(r) / requests(r)),
    (v) => Math.round(v * 1000) / 1000,
  ).median;
}

/** Several rounds' load reports as one: the median rate per round, latencies and statuses pooled. */
export function describeRounds(reports: LoadReport[]) {
  const statuses: Record<string, number> = {};
  for (const r of reports) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  const lat = summarize(reports.flatMap((r) => r.latencies));
  const rates = reports.map(rate);
  return {
    perSecond: overRounds(rates, Math.round),
    latencyMs: { p50: lat.p50, p99: lat.p99, max: lat.max },
    statuses,
  };
}
