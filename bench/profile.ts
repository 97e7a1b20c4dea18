// BENCH_CPU_PROF=<dir>: records a V8 CPU profile of one measured phase (open it in Chrome DevTools or speedscope).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';

/** Runs fn; with BENCH_CPU_PROF set, under the CPU profiler of this thread, written to <dir>/<name>.cpuprofile. */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(resolve(dir), { recursive: true });
    writeFileSync(join(resolve(dir), `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
