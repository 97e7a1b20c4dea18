// HMAC-SHA256 for the service's signed links (approval links, export links): signing, checking in constant time,
// and a key generated once and kept in the store when none is configured.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.js';

export function mac(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text).digest();
}

/** Compares in time independent of where the inputs differ: a signature must not be guessable byte by byte. */
export function sameMac(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether `given` is the base64url MAC of `text`. One spelling per signature: base64url's spare low bits in the last
 * character must not make a second valid one.
 */
export function macMatches(key: Buffer, text: string, given: string): boolean {
  const bytes = Buffer.from(given, 'base64url');
  return bytes.toString('base64url') === given && sameMac(mac(key, text), bytes);
}

/**
 * A signing key kept in the store under `storeKey`: the first replica to ask writes a random one, every other reads
 * that one. Read once per process; a failed read is not remembered, so the next call tries again.
 */
export function storedKey(store: Store, storeKey: string, encoding: 'hex' | 'base64url'): () => Promise<Buffer> {
  let key: Promise<Buffer> | undefined;
  return () => {
    key ??= (async () => {
      await store.setIfAbsent(storeKey, randomBytes(32).toString(encoding));
      const kept = await store.get<string>(storeKey);
      if (!kept) throw new Error(`signing key ${storeKey} missing from the store`);
      return Buffer.from(kept, encoding);
    })().catch((err: unknown) => {
      key = undefined;
      throw err;
    });
    return key;
  };
}
