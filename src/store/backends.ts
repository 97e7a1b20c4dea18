// The atomic insert and prefix scan that keyv lacks, written once per backend against the adapter's own client.
import type { StoreKind } from './store.js';

export interface Row {
  key: string;
  value: string;
}

/** What a backend adds to keyv: operations on already-serialized keyv rows. */
export interface Backend {
  kind: StoreKind;
  /** Inserts when absent or when the stored row expired before now; true when this call wrote. */
  insertIfAbsent(key: string, serialized: string, now: number): Promise<boolean>;
  scan(prefix: string): AsyncIterable<Row>;
  ping(): Promise<boolean>;
}

type SqlQuery = (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/** LIKE patterns treat % and _ as wildcards; keys may contain _ (e.g. user ids), so escape them. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const PAGE = 1000;

/**
 * The least string above every string that starts with prefix, in SQLite's BINARY (UTF-8 byte) order: the prefix
 * with its last character raised by one. Undefined when that is not simple (empty prefix, surrogate at the end).
 */
export function upperBound(prefix: string): string | undefined {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (!prefix || last >= 0xd800) return undefined;
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** Pages through rows in key order: `page(after)` returns up to PAGE rows with keys above `after`. */
async function* paged(page: (after: string) => Promise<unknown[]>): AsyncIterable<Row> {
  let after = '';
  for (;;) {
    const rows = (await page(after)) as Row[];
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.key;
  }
}

export function sqliteBackend(query: SqlQuery, table = 'keyv'): Backend {
  return {
    kind: 'sqlite',
    async insertIfAbsent(key, serialized, now) {
      // One statement: SQLite runs it atomically, and an expired row (keyv keeps expiry inside the JSON) is replaced.
      const rows = await query(
        `INSERT INTO ${table}(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
         WHERE json_extract(${table}.value, '$.expires') IS NOT NULL AND json_extract(${table}.value, '$.expires') < ?
         RETURNING key`,
        key,
        serialized,
        now,
      );
      return rows.length === 1;
    },
    async *scan(prefix) {
      const upper = upperBound(prefix);
      // A key range on the primary key: SQLite walks only the matching rows. (LIKE cannot use that index, because
      // it ignores case, so every scan read the whole table; it also matched keys differing only in case.)
      yield* upper === undefined
        ? paged((after) =>
            query(
              `SELECT key, value FROM ${table} WHERE key LIKE ? ESCAPE '\\' AND key > ? ORDER BY key LIMIT ${PAGE}`,
              likePrefix(prefix),
              after,
            ),
          )
        : // One lower bound per query: with two (key >= prefix AND key > after) SQLite walked from the prefix again
          // on every page, which doubled a 100k-case start-up scan.
          paged((after) =>
            query(
              `SELECT key, value FROM ${table} WHERE key ${after ? '>' : '>='} ? AND key < ? ORDER BY key LIMIT ${PAGE}`,
              after || prefix,
              upper,
            ),
          );
    },
    async ping() {
      await query('SELECT 1');
      return true;
    },
  };
}

type PgQuery = (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

export function postgresBackend(query: PgQuery, table = 'public.keyv'): Backend {
  return {
    kind: 'postgres',
    async insertIfAbsent(key, serialized, now) {
      const rows = await query(
        `INSERT INTO ${table}(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value
         WHERE (${table}.value::jsonb ->> 'expires') IS NOT NULL AND (${table}.value::jsonb ->> 'expires')::bigint < $3
         RETURNING key`,
        [key, serialized, now],
      );
      return rows.length === 1;
    },
    async *scan(prefix) {
      yield* paged((after) =>
        query(`SELECT key, value FROM ${table} WHERE key LIKE $1 AND key > $2 ORDER BY key LIMIT ${PAGE}`, [
          likePrefix(prefix),
          after,
        ]),
      );
    },
    async ping() {
      await query('SELECT 1');
      return true;
    },
  };
}

export interface RedisLike {
  set(key: string, value: string, options: { NX: true; PX?: number }): Promise<string | null>;
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[] | string>;
  mGet(keys: string[]): Promise<(string | null)[]>;
  ping(): Promise<string>;
}

export function redisBackend(client: () => Promise<RedisLike>): Backend {
  return {
    kind: 'redis',
    async insertIfAbsent(key, serialized, now) {
      // Redis expires keys itself; pass the same expiry keyv wrote into the JSON so both agree.
      const expires = (JSON.parse(serialized) as { expires?: number }).expires;
      const px = expires ? Math.max(1, expires - now) : undefined;
      const c = await client();
      return (await c.set(key, serialized, px ? { NX: true, PX: px } : { NX: true })) === 'OK';
    },
    async *scan(prefix) {
      const c = await client();
      const pattern = `${prefix.replace(/[*?[\]\\]/g, (ch) => `\\${ch}`)}*`;
      for await (const batch of c.scanIterator({ MATCH: pattern, COUNT: PAGE })) {
        // node-redis 5 yields arrays of keys, node-redis 4 single keys.
        const keys = Array.isArray(batch) ? batch : [batch];
        if (keys.length === 0) continue;
        const values = await c.mGet(keys);
        for (let i = 0; i < keys.length; i++) {
          const value = values[i];
          if (value != null) yield { key: keys[i]!, value };
        }
      }
    },
    async ping() {
      return (await (await client()).ping()) === 'PONG';
    },
  };
}
