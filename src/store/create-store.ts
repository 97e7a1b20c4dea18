// Opens the store that STORE_URL names: memory://, sqlite://path, redis://…, postgres://….
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import { type Backend, postgresBackend, type RedisLike, redisBackend, sqliteBackend } from './backends.js';
import { KeyvStore } from './keyv-store.js';
import type { Store, StoreKind } from './store.js';

export const STORE_SCHEMES: Record<string, StoreKind> = {
  'memory:': 'memory',
  'sqlite:': 'sqlite',
  'redis:': 'redis',
  'rediss:': 'redis',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
};

export function storeKindOf(url: string): StoreKind | undefined {
  const scheme = /^[a-z]+:/i.exec(url)?.[0]?.toLowerCase();
  return scheme ? STORE_SCHEMES[scheme] : undefined;
}

/** Keyv by default swallows backend errors and answers "undefined"; a lost write must fail loudly instead. */
function keyvOn(store: unknown): Keyv {
  const keyv = new Keyv({ store, namespace: '', throwOnErrors: true } as ConstructorParameters<typeof Keyv>[0]);
  const revive = keyv.deserialize;
  if (revive) keyv.deserialize = (raw) => (needsReviver(raw) ? revive(raw) : JSON.parse(raw));
  return keyv;
}

/**
 * Keyv's reader passes every value through a JSON.parse reviver, for the strings its writer escapes: those starting
 * with ":" (":base64:" buffers, ":"-prefixed text). The reviver made reading the slowest part of a store call, and
 * such strings are rare; without one, plain JSON.parse gives the same result. The writer emits no whitespace, so a
 * string starting with ":" always shows as `":` right after `{`, `[`, `,` or `:` (or at the very start).
 */
export function needsReviver(raw: string): boolean {
  return raw.startsWith('":') || /[[{,:]":/.test(raw);
}

/** STORE_PREFIX as the store's key prefix: `deploy-a` → `deploy-a:`. */
export function storePrefixOf(config: { storePrefix?: string }): string | undefined {
  return config.storePrefix ? `${config.storePrefix}:` : undefined;
}

export interface StoreOptions {
  /** Prefix for every key, so several deployments or test runs can share one database. */
  prefix?: string;
}

export async function createStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const kind = storeKindOf(url);
  const prefix = options.prefix ?? '';
  switch (kind) {
    case 'memory':
      return memoryStore();
    case 'sqlite':
      return sqliteStore(url, prefix);
    case 'redis':
      return redisStore(url, prefix);
    case 'postgres':
      return postgresStore(url, prefix);
    default:
      throw new Error(
        `STORE_URL: unknown scheme in "${url.split(':')[0]}:", expected memory:, sqlite:, redis: or postgres:`,
      );
  }
}

function memoryStore(): Store {
  const map = new Map<string, string>();
  const backend: Backend = {
    kind: 'memory',
    // Map operations are synchronous, so check-and-set here cannot interleave with another caller.
    async insertIfAbsent(key, serialized, now) {
      const existing = map.get(key);
      if (existing !== undefined) {
        const expires = (JSON.parse(existing) as { expires?: number }).expires;
        if (!expires || expires >= now) return false;
      }
      map.set(key, serialized);
      return true;
    },
    async *scan(prefix) {
      for (const [key, value] of [...map]) if (key.startsWith(prefix)) yield { key, value };
    },
    async ping() {
      return true;
    },
  };
  return new KeyvStore(keyvOn(map), backend, async () => map.clear());
}

async function sqliteStore(url: string, prefix: string): Promise<Store> {
  const { SqliteAdapter } = await import('./sqlite-adapter.js');
  const path = url.replace(/^sqlite:\/\//i, '');
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const adapter = new SqliteAdapter({ path, busyTimeoutMs: 5000 });
  return new KeyvStore(keyvOn(adapter), sqliteBackend(adapter.query), () => adapter.disconnect(), prefix);
}

async function redisStore(url: string, prefix: string): Promise<Store> {
  const { default: KeyvRedis } = await import('@keyv/redis');
  const adapter = new KeyvRedis(url, { throwOnConnectError: true, throwOnErrors: true });
  const keyv = keyvOn(adapter);
  const client = async () => (await adapter.getClient()) as unknown as RedisLike;
  await client();
  return new KeyvStore(keyv, redisBackend(client), () => adapter.disconnect(), prefix);
}

async function postgresStore(url: string, prefix: string): Promise<Store> {
  const { default: KeyvPostgres } = await import('@keyv/postgres');
  const adapter = new KeyvPostgres({ uri: url, max: 10 } as ConstructorParameters<typeof KeyvPostgres>[0]);
  const keyv = keyvOn(adapter);
  const query = (sql: string, values?: unknown[]) => adapter.query(sql, values) as Promise<Record<string, unknown>[]>;
  await query('SELECT 1');
  return new KeyvStore(keyv, postgresBackend(query), () => adapter.disconnect(), prefix);
}
