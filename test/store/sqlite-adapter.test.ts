// The SQLite keyv adapter against keyv's own compliance suite, plus what this project relies on beyond it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keyvTestSuite, { keyvIteratorTests } from '@keyv/test-suite';
import Keyv from 'keyv';
import * as vitest from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteAdapter } from '../../src/store/sqlite-adapter.js';
import { waitUntil } from '../helpers/replicas.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-adapter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const fresh = () => new SqliteAdapter({ path: join(dir, `suite-${n++}.sqlite`) });

describe('keyv compliance (@keyv/test-suite)', () => {
  keyvTestSuite(vitest, Keyv, fresh);
  keyvIteratorTests(vitest, Keyv, fresh);
});

describe('SqliteAdapter', () => {
  it('reads a database written with @keyv/sqlite’s table layout', async () => {
    const path = join(dir, 'legacy.sqlite');
    const first = new SqliteAdapter({ path });
    // The exact statements @keyv/sqlite 4 uses to create its table and upsert a row.
    await first.query('DROP TABLE keyv');
    await first.query('CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )');
    await first.query(
      'INSERT INTO keyv (key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value;',
      'case:1',
      JSON.stringify({ value: { client: 'Bakkerij De Korf' }, expires: null }),
    );
    await first.disconnect();
    const keyv = new Keyv({ store: new SqliteAdapter({ path }), namespace: '' });
    expect(await keyv.get('case:1')).toEqual({ client: 'Bakkerij De Korf' });
    await keyv.disconnect();
  });

  it('survives a reopen: values are on disk, not in the process', async () => {
    const path = join(dir, 'reopen.sqlite');
    const a = new Keyv({ store: new SqliteAdapter({ path }), namespace: '' });
    await a.set('x', { n: 1 });
    await a.disconnect();
    const b = new Keyv({ store: new SqliteAdapter({ path }), namespace: '' });
    expect(await b.get('x')).toEqual({ n: 1 });
    await b.disconnect();
  });

  it('keeps keys of another namespace when one namespace is cleared', async () => {
    const path = join(dir, 'ns.sqlite');
    const a = new Keyv({ store: new SqliteAdapter({ path }), namespace: 'a' });
    const b = new Keyv({ store: new SqliteAdapter({ path }), namespace: 'b_' });
    await a.set('k', 1);
    await b.set('k', 2);
    await a.clear();
    expect(await a.get('k')).toBeUndefined();
    expect(await b.get('k')).toBe(2);
  });

  it('checkpoints the write-ahead log from its worker thread, not from the writes', async () => {
    const row = JSON.stringify({ value: 'x'.repeat(2000) });
    // The writes only append to the WAL (SQLite's own checkpoint is off): with the worker's first checkpoint a
    // minute away, the database file has not grown when they return. 1200 commits pass SQLite's default
    // 1000-page mark, where a write would checkpoint inline.
    const quietPath = join(dir, 'wal-quiet.sqlite');
    const quiet = new SqliteAdapter({ path: quietPath, checkpointEveryMs: 60_000 });
    for (let i = 0; i < 1200; i++) await quiet.set(`k:${i}`, row);
    expect(statSync(quietPath).size).toBeLessThan(100 * 2000);
    await quiet.disconnect();
    // The worker copies them into the database file.
    const path = join(dir, 'wal.sqlite');
    const adapter = new SqliteAdapter({ path, checkpointEveryMs: 50 });
    for (let i = 0; i < 100; i++) await adapter.set(`k:${i}`, row);
    await waitUntil('the checkpoint to reach the database file', () => statSync(path).size > 100 * 2000, {
      timeoutMs: 5_000,
      intervalMs: 25,
    });
    await adapter.disconnect();
    const reopened = new SqliteAdapter({ path, checkpointEveryMs: 0 });
    expect(await reopened.get('k:99')).toBe(row);
    await reopened.disconnect();
  });

  it('refuses a table name that could inject SQL', () => {
    expect(() => new SqliteAdapter({ path: ':memory:', table: 'keyv; DROP TABLE x' })).toThrow(/table name/);
  });

  it('reports a failing statement as a rejected promise, not a throw', async () => {
    const s = new SqliteAdapter({ path: ':memory:' });
    await expect(s.query('SELECT * FROM missing_table')).rejects.toThrow(/no such table/);
  });
});
