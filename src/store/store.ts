// The storage contract every backend (memory, SQLite, Redis, PostgreSQL) fulfils; the core depends on this only.
export type StoreKind = 'memory' | 'sqlite' | 'redis' | 'postgres';

export interface Store {
  readonly kind: StoreKind;
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: string[]): Promise<(T | undefined)[]>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Writes only when the key is absent (or expired) — atomically on every backend, so that of many concurrent
   * writers exactly one wins. Keyv has no compare-and-set; this is the one primitive the core builds on.
   */
  setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean>;
  /** All live entries whose key starts with prefix, in no particular order. */
  scan<T>(prefix: string): AsyncIterable<[string, T]>;
  /** True when the backend answers; used by readiness checks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
