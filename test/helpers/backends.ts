// Which store backends the tests can reach here; Redis and PostgreSQL are required under CI, optional on a laptop.

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';

export interface BackendCase {
  name: string;
  /** A fresh, isolated store URL for one test file. */
  url: () => string;
  /** Why it is skipped here, or undefined when it runs. */
  skip?: string;
}

const ci = process.env.CI === 'true';

function required(variable: string): string | undefined {
  if (process.env[variable]) return undefined;
  if (ci) throw new Error(`${variable} must be set under CI=true: the ${variable} backend tests may not be skipped`);
  return `${variable} not set: start the service and set ${variable} to run these tests`;
}

export function storeBackends(): BackendCase[] {
  return [
    { name: 'memory', url: () => 'memory://' },
    { name: 'sqlite', url: () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'overname-')), 'test.sqlite')}` },
    { name: 'redis', url: () => process.env.REDIS_URL ?? '', skip: required('REDIS_URL') },
    { name: 'postgres', url: () => process.env.DATABASE_URL ?? '', skip: required('DATABASE_URL') },
  ];
}

/** Keys of different test runs must not collide on shared Redis/PostgreSQL servers. */
export function uniquePrefix(): string {
  return `t${randomUUID().slice(0, 8)}:`;
}

/** Opens a backend's store under a fresh key prefix, so parallel test files sharing Redis/PostgreSQL never meet. */
export function openTestStore(backend: BackendCase): Promise<Store> {
  return createStore(backend.url(), { prefix: uniquePrefix() });
}
