// Drives the load-generator thread (so the client does not eat the service's CPU) and describes what it measured.
import { Worker } from 'node:worker_threads';
import { summarize } from './stats.js';

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

/** Requests per second of one run. */
export const rate = (r: LoadReport) => r.latencies.length / (r.wallMs / 1000);

/** Requests per second, latency percentiles and status counts of one run. */
export function describeLoad(r: LoadReport, concurrency: number) {
  const lat = summarize(r.latencies);
  return {
    concurrency,
    requests: r.latencies.length,
    statuses: r.statuses,
    perSecond: round(rate(r), 0),
    latencyMs: { p50: lat.p50, p99: lat.p99, max: lat.max },
  };
}
