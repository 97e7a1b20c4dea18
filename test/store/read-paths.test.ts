// The store's fast read paths give the same answers as the slow ones: plain JSON.parse, and SQLite's key-range scan.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upperBound } from '../../src/store/backends.js';
import { createStore, needsReviver } from '../../src/store/create-store.js';

const sqliteUrl = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'overname-read-')), 'r.sqlite')}`;

describe('reading values', () => {
  it('takes the reviver only when a string starts with ":"', () => {
    expect(needsReviver('{"value":{"a":"x:y","b":[1,"z"]},"expires":null}')).toBe(false);
    expect(needsReviver('{"value":"::escaped"}')).toBe(true);
    expect(needsReviver('{"value":[1,"::x"]}')).toBe(true);
    expect(needsReviver('{"value":{"a":1,"b":":base64:AAE="}}')).toBe(true);
    expect(needsReviver('":x"')).toBe(true);
  });

  for (const url of ['memory://', sqliteUrl()]) {
    it(`returns what was written, colon strings and buffers included (${url.split(':')[0]})`, async () => {
      const store = await createStore(url);
      const value = {
        plain: 'Bakkerij "De Korst": 1001',
        colon: ':starts with a colon',
        nested: [{ deep: '::two colons' }, 'a,":b'],
        buffer: Buffer.from([0, 1, 2]),
        n: 3,
      };
      await store.set('k', value);
      expect(await store.get('k')).toEqual(value);
      await store.set('plain', { a: 'x', b: [1, 2] });
      expect(await store.getMany(['plain', 'k'])).toEqual([{ a: 'x', b: [1, 2] }, value]);
      await store.close();
    });
  }
});

describe('SQLite prefix scan', () => {
  it('bounds the range just above the prefix', () => {
    expect(upperBound('conv:slack:C1:')).toBe('conv:slack:C1;');
    expect(upperBound('')).toBeUndefined();
  });

  it('matches the prefix exactly: case-sensitive, the prefix itself included, neighbours excluded', async () => {
    const store = await createStore(sqliteUrl());
    for (const key of ['conv:t:Ab', 'conv:t:Ab:1', 'conv:t:AB:2', 'conv:t:ab:3', 'conv:t:Ac', 'conv:t:Aa']) {
      await store.set(key, key);
    }
    const seen: string[] = [];
    for await (const [key] of store.scan<string>('conv:t:Ab')) seen.push(key);
    expect(seen.sort()).toEqual(['conv:t:Ab', 'conv:t:Ab:1']);
    await store.close();
  });
});
