// The load generator's thread: sends prepared HTTP requests with N in flight (closed loop) and times each response.
import { Agent, request } from 'node:http';
import { parentPort } from 'node:worker_threads';
import type { LoadJob, LoadReport } from './load.js';

/** One keep-alive connection per request in flight: node:http costs the client far less CPU than fetch. */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        // The whole response counts: an ack is its status line, an invoke answer its card.
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: LoadJob): Promise<LoadReport> {
  const latencies = new Array<number>(job.requests.length);
  const statuses: Record<string, number> = {};
  let next = 0;
  const startedAt = performance.timeOrigin + performance.now();
  const t0 = performance.now();
  const url = new URL(job.url);
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= job.requests.length) return;
      const r = job.requests[i]!;
      const t = performance.now();
      let status = 'error';
      try {
        status = String(await post(url, r.headers, r.body));
      } catch (err) {
        status = `error:${(err as Error).message}`;
      }
      latencies[i] = performance.now() - t;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(job.concurrency, job.requests.length) }, worker));
  const wallMs = performance.now() - t0;
  return { latencies, statuses, wallMs, startedAt, endedAt: startedAt + wallMs };
}

parentPort!.on('message', (job: LoadJob) => {
  run(job).then(
    (report) => parentPort!.postMessage(report),
    (err: unknown) => parentPort!.postMessage({ error: (err as Error).message }),
  );
});
