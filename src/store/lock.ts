// A lease lock on the store's atomic insert, for the few read-modify-writes that facts alone cannot express.
import { randomUUID } from 'node:crypto';
import type { Store } from './store.js';

export class LockTimeoutError extends Error {
  constructor(name: string) {
    super(`could not acquire lock "${name}" in time`);
    this.name = 'LockTimeoutError';
  }
}

export interface LockOptions {
  /** How long the lease lives if its holder dies; must exceed the longest critical section. */
  leaseMs?: number;
  /** How long to keep trying before giving up. */
  waitMs?: number;
}

/**
 * Runs fn while holding the named lease. Release is "delete if still mine": read-then-delete is not atomic, so a
 * holder that outlived its lease could free another's; leases are therefore far longer than any critical section.
 */
export async function withLock<T>(
  store: Store,
  name: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const key = `lock:${name}`;
  const token = randomUUID();
  const leaseMs = options.leaseMs ?? 30_000;
  const deadline = Date.now() + (options.waitMs ?? 20_000);
  let pause = 2;
  while (!(await store.setIfAbsent(key, token, leaseMs))) {
    if (Date.now() > deadline) throw new LockTimeoutError(name);
    // Jittered backoff keeps many waiters from retrying in lockstep.
    await new Promise((r) => setTimeout(r, pause + Math.random() * pause));
    pause = Math.min(pause * 2, 50);
  }
  try {
    return await fn();
  } finally {
    if ((await store.get<string>(key)) === token) await store.delete(key);
  }
}
