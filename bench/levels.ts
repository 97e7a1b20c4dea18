// Runs a warm-up burst, then each concurrency level on its own slice of prepared cases.
export interface ClickLevel {
  concurrency: number;
  /** Cases per level; each gets its three approvals, so 3 × cases clicks. */
  cases: number;
}

// Each level runs for about a second: shorter windows made the ratios swing by ±0.1 between runs on this machine.
export const DEFAULT_LEVELS: ClickLevel[] = [
  { concurrency: 1, cases: 100 },
  { concurrency: 10, cases: 200 },
  { concurrency: 50, cases: 300 },
];

/** Cases the warm-up (JIT, connection pools, caches) uses on both servers; not reported. */
export const WARMUP_CASES = 50;

/** Returns each level's result and the index of the first case no level used. */
export async function measureLevels<C, R>(
  all: C[],
  levels: ClickLevel[],
  run: (level: ClickLevel, cases: C[]) => Promise<R>,
): Promise<{ results: R[]; next: number }> {
  await run({ concurrency: 50, cases: WARMUP_CASES }, all.slice(0, WARMUP_CASES));
  const results: R[] = [];
  let next = WARMUP_CASES;
  for (const level of levels) {
    results.push(await run(level, all.slice(next, next + level.cases)));
    next += level.cases;
  }
  return { results, next };
}
