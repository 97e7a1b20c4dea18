// Fixed-window request counts per key (an IP address, a token), in memory, for the approval page only.
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly o: RateLimit,
    private readonly now: () => number = Date.now,
    /** A flood of distinct keys must not grow memory without bound: past this, expired windows are dropped. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts a request; false when the key is over its limit in the current window. */
  allow(key: string): boolean {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= this.maxKeys) this.prune(now);
      w = { count: 0, resetAt: now + this.o.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count <= this.o.limit;
  }

  /** Seconds until the key's window ends, for Retry-After. */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.resetAt - this.now()) / 1000)) : 1;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    // Still full of live windows: forget the oldest rather than grow (a limit that resets is better than no memory).
    while (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
  }
}
