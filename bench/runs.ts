// What the Slack and Teams click benchmarks share: one bare app and load generator for all stores, the service on
// each store in a process of its own, the CPU a run costs a process, and waiting for a platform fake to fall quiet.
import { storePrefixOf } from '../src/app.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/store.js';
import { inTurn } from './levels.js';
import { LoadClient, type PreparedRequest } from './load.js';
import { type BareProcess, type ServiceProcess, startBareProcess, startServiceProcess } from './service-process.js';
import { scratchDir } from './stats.js';
import type { BenchStore } from './stores.js';

/** Runs `each` per store with one bare app process (bench/<entry>) and one load generator shared by all. */
export async function perStore<T>(
  stores: BenchStore[],
  bare: { entry: string; env?: Record<string, string> },
  each: (target: BenchStore, bare: BareProcess, load: LoadClient) => Promise<T>,
): Promise<Record<string, T>> {
  const out: Record<string, T> = {};
  const load = new LoadClient();
  const app = await startBareProcess(bare.entry, bare.env);
  try {
    for (const target of stores) out[target.name] = await each(target, app, load);
  } finally {
    await app.stop();
    await load.close();
  }
  return out;
}

/** Opens the service's store here for a moment (to check what it shows), and closes it again. */
export type StoreReader = <R>(read: (store: Store) => Promise<R>) => Promise<R>;

/**
 * src/main.ts on the store in a process of its own. The benchmark opens the same store only to check results:
 * kept open, a SQLite store's own checkpoint thread would work on the service's database during the runs.
 */
export async function withService<T>(
  target: BenchStore,
  env: Record<string, string>,
  run: (service: ServiceProcess, readStore: StoreReader) => Promise<T>,
): Promise<T> {
  const service = await startServiceProcess(
    { STORE_URL: target.url, ...(target.prefix ? { STORE_PREFIX: target.prefix } : {}), ...env },
    scratchDir('bench-run-'),
  );
  const readStore: StoreReader = async (read) => {
    const store = await createStore(target.url, { prefix: storePrefixOf({ storePrefix: target.prefix }) });
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  };
  try {
    return await run(service, readStore);
  } finally {
    await service.stop();
  }
}

/** The CPU milliseconds a process's main thread spent while `run` ran (NaN without /proc). */
async function cpuOf<T>(
  process: { mainThreadCpuMs(): Promise<number | undefined> },
  run: () => Promise<T>,
): Promise<[T, number]> {
  const before = await process.mainThreadCpuMs();
  const result = await run();
  const after = await process.mainThreadCpuMs();
  return [result, before !== undefined && after !== undefined ? after - before : Number.NaN];
}

/** Resolves once `count` (e.g. the updates a fake received) has not changed for `quietMs`. */
export async function quiet(count: () => number, quietMs = 100): Promise<void> {
  let seen = -1;
  while (seen !== count()) {
    seen = count();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

interface PairTarget {
  bare: BareProcess;
  service: ServiceProcess;
  load: LoadClient;
}

/**
 * One round's pair of runs (in the order inTurn gives): the same kind of requests, freshly built for each, against
 * the bare app and against the service at `servicePath`; the service's run lasts until `shown()` says when its last
 * message update landed.
 */
export async function pairedRuns(
  t: PairTarget,
  o: {
    index: number;
    concurrency: number;
    requests: () => Promise<PreparedRequest[]>;
    servicePath: string;
    shown: () => Promise<number>;
  },
) {
  const [[bare, bareMs], [[service, doneAt], serviceMs]] = await inTurn(
    o.index,
    async () => {
      const requests = await o.requests();
      return cpuOf(t.bare, () => t.load.run({ url: t.bare.url, requests, concurrency: o.concurrency }));
    },
    async () => {
      const requests = await o.requests();
      const url = `${t.service.url}${o.servicePath}`;
      const [result, ms] = await cpuOf(t.service, async () => {
        const sent = await t.load.run({ url, requests, concurrency: o.concurrency });
        return [sent, Math.max(sent.endedAt, await o.shown())] as const;
      });
      return [result, ms] as const;
    },
  );
  return { bare, bareMs, service, serviceMs, doneAt };
}
