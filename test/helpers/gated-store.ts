// A real store whose fact writes can be held or made to fail: shows what a platform is told while a write is pending.
import type { Store } from '../../src/store/store.js';

export interface GatedStore extends Store {
  /** Holds writes to keys with this prefix until release(); resolves `started` when one arrives. */
  hold(prefix: string): { started: Promise<string>; release(): void };
  /** Makes the next write to a key with this prefix throw, as a store going away would. */
  failNext(prefix: string): void;
}

export function gatedStore(inner: Store): GatedStore {
  const holds: { prefix: string; gate: Promise<void>; arrived: (key: string) => void }[] = [];
  const failures: string[] = [];
  const before = async (key: string) => {
    const f = failures.findIndex((p) => key.startsWith(p));
    if (f >= 0) {
      failures.splice(f, 1);
      throw new Error('store unavailable (test)');
    }
    const h = holds.find((x) => key.startsWith(x.prefix));
    if (h) {
      h.arrived(key);
      await h.gate;
    }
  };
  return {
    kind: inner.kind,
    get: (key) => inner.get(key),
    getMany: (keys) => inner.getMany(keys),
    async set(key, value, ttl) {
      await before(key);
      return inner.set(key, value, ttl);
    },
    delete: (key) => inner.delete(key),
    async setIfAbsent(key, value, ttl) {
      await before(key);
      return inner.setIfAbsent(key, value, ttl);
    },
    scan: (prefix) => inner.scan(prefix),
    ping: () => inner.ping(),
    close: () => inner.close(),
    hold(prefix) {
      let release!: () => void;
      let arrived!: (key: string) => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const started = new Promise<string>((r) => {
        arrived = r;
      });
      const entry = { prefix, gate, arrived };
      holds.push(entry);
      return {
        started,
        release() {
          holds.splice(holds.indexOf(entry), 1);
          release();
        },
      };
    },
    failNext(prefix) {
      failures.push(prefix);
    },
  };
}

/** Whether a pending response has arrived, looked at after the event loop had every chance to deliver it. */
export async function arrivedYet(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => {
    done = true;
  });
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 10));
  return done;
}
