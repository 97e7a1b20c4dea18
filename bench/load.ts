// Drives the load-generator thread (so the client does not eat the service's CPU) and samples resident memory.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { mb, summarize } from './stats.js';

export interface PreparedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface LoadJob {
  url: string;
  requests: PreparedRequest[];
  concurrency: number;
}

export interface LoadReport {
  /** Per request, in the order given: from sending until the whole response was read. */
  latencies: number[];
  statuses: Record<string, number>;
  wallMs: number;
  /** Epoch milliseconds (sub-ms precision), comparable across threads. */
  startedAt: number;
  endedAt: number;
}

/** Wall-clock epoch time with sub-millisecond precision, comparable with a LoadReport's startedAt. */
export const epochNow = () => performance.timeOrigin + performance.now();

/** A worker thread running load-worker.ts through tsx's loader (workers do not inherit it from the tsx CLI). */
export class LoadClient {
  private readonly worker: Worker;

  constructor() {
    const api = import.meta.resolve('tsx/esm/api');
    const target = new URL('./load-worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    this.worker = new Worker(boot, { eval: true });
    this.worker.unref();
  }

  run(job: LoadJob): Promise<LoadReport> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => {
        this.worker.off('message', onMessage);
        reject(err);
      };
      const onMessage = (m: LoadReport | { error: string }) => {
        this.worker.off('error', onError);
        if ('error' in m) reject(new Error(m.error));
        else resolve(m);
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', onError);
      this.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Requests per second, latency percentiles and status counts of one run. */
export function describeLoad(r: LoadReport, concurrency: number) {
  const lat = summarize(r.latencies);
  return {
    concurrency,
    requests: r.latencies.length,
    statuses: r.statuses,
    perSecond: round(r.latencies.length / (r.wallMs / 1000), 0),
    latencyMs: { p50: lat.p50, p99: lat.p99, max: lat.max },
  };
}

/** Samples this process's RSS every few milliseconds until stopped; reports the peak. */
export function sampleRss(everyMs = 25): { stop(): { peakMb: number; endMb: number } } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const end = process.memoryUsage.rss();
      return { peakMb: mb(Math.max(peak, end)), endMb: mb(end) };
    },
  };
}

/** CPU time of this process's main thread in ms (Linux: /proc/<pid>/task/<pid>/schedstat, in nanoseconds). */
function mainThreadCpuMs(): number | undefined {
  try {
    const text = readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'utf8');
    return Number(text.split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * CPU milliseconds the main thread (service, fake platform API, bare app — not the load generator) spends from now
 * until the returned function is called. Unlike wall time it barely moves when other processes share the cores;
 * without /proc it falls back to the event loop's active time.
 */
export function busy(): () => number {
  const cpu = mainThreadCpuMs();
  const elu = performance.eventLoopUtilization();
  return () => {
    const now = mainThreadCpuMs();
    return cpu !== undefined && now !== undefined ? now - cpu : performance.eventLoopUtilization(elu).active;
  };
}

export const perClick = (ms: number, n: number) => Math.round((ms / n) * 1000) / 1000;
