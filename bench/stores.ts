// The stores the click benchmarks run the service on.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { scratchDir } from './stats.js';

export interface BenchStore {
  name: string;
  url: string;
  /** STORE_PREFIX, so a shared database is not disturbed. */
  prefix?: string;
}

/** SQLite (the default, one process) always; PostgreSQL (what replicas share) when DATABASE_URL is set. */
export function benchStores(file: string): BenchStore[] {
  const stores: BenchStore[] = [{ name: 'sqlite', url: `sqlite://${join(scratchDir('bench-store-'), file)}` }];
  const pg = process.env.DATABASE_URL;
  if (pg) stores.push({ name: 'postgres', url: pg, prefix: `bench-${randomUUID().slice(0, 8)}` });
  return stores;
}
