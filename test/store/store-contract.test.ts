// Every backend behaves the same for the operations the core relies on, including under concurrency.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, uniquePrefix } from '../helpers/backends.js';
import { describeSkipIf } from '../helpers/skip.js';

// Each backend twice: as is, and under a STORE_PREFIX, whose keys must behave the same (and scan without it).
for (const [backend, storePrefix] of storeBackends().flatMap((b) => [[b, ''] as const, [b, 'deploy-a:'] as const])) {
  describeSkipIf(backend.skip, `store contract: ${backend.name}${storePrefix ? ' with a key prefix' : ''}`, () => {
    let store: Store;
    const p = uniquePrefix();
    const url = backend.url();
    beforeAll(async () => {
      store = await createStore(url, { prefix: storePrefix });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('reports its kind', () => {
      expect(store.kind).toBe(backend.name);
    });

    // A memory store is private to its process, so a prefix could not separate anything there.
    if (storePrefix && backend.name !== 'memory')
      it('writes under the prefix in the shared database', async () => {
        await store.set(`${p}mine`, 'a');
        const raw = await createStore(url);
        try {
          expect(await raw.get(`${storePrefix}${p}mine`)).toBe('a');
          expect(await raw.get(`${p}mine`)).toBeUndefined();
        } finally {
          // @keyv/postgres keeps one pool per process (module-global), shared by both stores: `store` ends it.
          if (backend.name !== 'postgres') await raw.close();
        }
      });

    it('sets, gets and deletes JSON values', async () => {
      await store.set(`${p}a`, { n: 1, s: 'één' });
      expect(await store.get(`${p}a`)).toEqual({ n: 1, s: 'één' });
      expect(await store.get(`${p}missing`)).toBeUndefined();
      await store.delete(`${p}a`);
      expect(await store.get(`${p}a`)).toBeUndefined();
    });

    it('gets many in order, undefined for missing keys', async () => {
      await store.set(`${p}m1`, 1);
      await store.set(`${p}m3`, 3);
      expect(await store.getMany([`${p}m1`, `${p}m2`, `${p}m3`])).toEqual([1, undefined, 3]);
    });

    it('expires values after their TTL', async () => {
      await store.set(`${p}ttl`, 'x', 50);
      expect(await store.get(`${p}ttl`)).toBe('x');
      await new Promise((r) => setTimeout(r, 120));
      expect(await store.get(`${p}ttl`)).toBeUndefined();
    });

    it('setIfAbsent lets exactly one of 200 concurrent writers win', async () => {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => store.setIfAbsent(`${p}once`, { writer: i })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await store.get(`${p}once`)).toEqual({ writer: winner });
    });

    it('setIfAbsent replaces an expired entry, not a live one', async () => {
      expect(await store.setIfAbsent(`${p}lease`, 'first', 50)).toBe(true);
      expect(await store.setIfAbsent(`${p}lease`, 'second', 50)).toBe(false);
      await new Promise((r) => setTimeout(r, 120));
      expect(await store.setIfAbsent(`${p}lease`, 'third', 1000)).toBe(true);
      expect(await store.get(`${p}lease`)).toBe('third');
    });

    it('scans by prefix, treating _ and % literally and skipping expired entries', async () => {
      await store.set(`${p}scan:a_1`, 1);
      await store.set(`${p}scan:a_2`, 2);
      await store.set(`${p}scan:ab`, 3);
      await store.set(`${p}scan:a_gone`, 4, 20);
      await store.set(`${p}other`, 5);
      await new Promise((r) => setTimeout(r, 60));
      const seen: [string, number][] = [];
      for await (const entry of store.scan<number>(`${p}scan:a_`)) seen.push(entry);
      expect(seen.sort()).toEqual([
        [`${p}scan:a_1`, 1],
        [`${p}scan:a_2`, 2],
      ]);
    });

    it('scans past one page', async () => {
      await Promise.all(Array.from({ length: 2500 }, (_, i) => store.set(`${p}page:${i}`, i)));
      let count = 0;
      let sum = 0;
      for await (const [, v] of store.scan<number>(`${p}page:`)) {
        count++;
        sum += v;
      }
      expect(count).toBe(2500);
      expect(sum).toBe((2499 * 2500) / 2);
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}
