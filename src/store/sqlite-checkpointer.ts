// Checkpoints a SQLite WAL from a worker thread, so the fsync of a checkpoint never stalls the event loop.
//
// better-sqlite3 is synchronous: with SQLite's automatic checkpoint, every ~1000th commit ran a checkpoint with an
// fsync on the main thread (~10-20 ms here), which was more than half of the average write cost and showed up as
// ack-latency spikes. The main connection turns the automatic checkpoint off; this worker's own connection runs a
// PASSIVE checkpoint (never blocks a writer) on a timer instead.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { within } from '../within.js';

// Plain CommonJS, run with eval: it needs no TypeScript loader, under tsx, vitest or a build alike.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { timeout: 5000 });
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage({ error: String(err) }); }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  /** Runs a last checkpoint and closes the worker's connection. */
  stop(): Promise<void>;
}

export function startCheckpointer(path: string, everyMs: number, onError: (message: string) => void): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, everyMs, module } });
  worker.on('message', (m: { error?: string }) => m.error && onError(m.error));
  worker.on('error', (err) => onError(String(err)));
  // A timer in a worker does not keep the process alive, but the worker itself would.
  worker.unref();
  return {
    async stop() {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await within(exited, 5000, undefined);
      await worker.terminate();
    },
  };
}
