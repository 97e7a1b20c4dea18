// A Store on keyv: keyv does get/set/TTL/serialization, the backend adds the atomic insert and the prefix scan.
import type Keyv from 'keyv';
import type { Backend } from './backends.js';
import type { Store, StoreKind } from './store.js';

interface Envelope<T> {
  value: T;
  expires?: number;
}

export class KeyvStore implements Store {
  readonly kind: StoreKind;
  private readonly serialize: (data: Envelope<unknown>) => Promise<string> | string;
  private readonly deserialize: <T>(raw: string) => Promise<Envelope<T> | undefined> | Envelope<T> | undefined;

  constructor(
    private readonly keyv: Keyv,
    private readonly backend: Backend,
    private readonly disconnect: () => Promise<void>,
    /** Prepended to every key: lets several deployments or test runs share one database without meeting. */
    private readonly prefix = '',
  ) {
    this.kind = backend.kind;
    // Raw rows must be byte-compatible with what keyv writes and reads itself, so reuse its (de)serializer.
    this.serialize = (data) => (keyv.serialize ? keyv.serialize(data) : JSON.stringify(data));
    this.deserialize = (raw) => (keyv.deserialize ? keyv.deserialize(raw) : JSON.parse(raw));
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.keyv.get<T>(this.prefix + key)) ?? undefined;
  }

  async getMany<T>(keys: string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    const values = await this.keyv.get<T>(keys.map((k) => this.prefix + k));
    return values.map((v) => v ?? undefined);
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    await this.keyv.set(this.prefix + key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.keyv.delete(this.prefix + key);
  }

  async setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean> {
    const now = Date.now();
    const serialized = await this.serialize({ value, expires: ttlMs ? now + ttlMs : undefined });
    return this.backend.insertIfAbsent(this.prefix + key, serialized, now);
  }

  /** Keys are given and returned without this store's own prefix, like every other operation here. */
  async *scan<T>(prefix: string): AsyncIterable<[string, T]> {
    const now = Date.now();
    for await (const row of this.backend.scan(this.prefix + prefix)) {
      const envelope = await this.deserialize<T>(row.value);
      if (!envelope || (envelope.expires !== undefined && envelope.expires !== null && envelope.expires < now))
        continue;
      yield [row.key.slice(this.prefix.length), envelope.value];
    }
  }

  ping(): Promise<boolean> {
    return this.backend.ping().catch(() => false);
  }

  async close(): Promise<void> {
    await this.disconnect();
  }
}
