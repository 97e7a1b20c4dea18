// The retry policy for Bot Connector calls: which answers are retried, how long it waits, when it gives up.
import { describe, expect, it } from 'vitest';
import { isRetryable, type RetryNotice, retryAfterMs, withRetry } from '../../adapters/teams/retry.js';

function restError(status: number, retryAfter?: string) {
  const headers = new Map(retryAfter ? [['retry-after', retryAfter]] : []);
  return Object.assign(new Error(`status ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (n: string) => headers.get(n) } },
  });
}

const fast = { attempts: 4, baseMs: 10, maxDelayMs: 40, maxRetryAfterMs: 2_000 };

describe('withRetry', () => {
  it('retries 429, 412, 502, 503 and 504 and network resets; not 400, 403 or 404', () => {
    for (const s of [429, 412, 502, 503, 504]) expect(isRetryable(restError(s))).toBe(true);
    for (const s of [400, 401, 403, 404, 500]) expect(isRetryable(restError(s))).toBe(false);
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('backs off exponentially with jitter and succeeds when the service recovers', async () => {
    const notices: RetryNotice[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls < 4) throw restError(502);
        return 'ok';
      },
      fast,
      (n) => notices.push(n),
      () => 1,
    );
    expect(result).toBe('ok');
    expect(notices.map((n) => n.delayMs)).toEqual([10, 20, 40]);
  });

  it('waits at least as long as Retry-After says (seconds or a date)', async () => {
    expect(retryAfterMs(restError(429, '2'))).toBe(2000);
    expect(retryAfterMs(restError(429, new Date(Date.now() + 3000).toUTCString()))).toBeGreaterThan(1000);
    const notices: RetryNotice[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1) throw restError(429, '0.05');
      },
      fast,
      (n) => notices.push(n),
      () => 0.5,
    );
    expect(notices[0]!.delayMs).toBeGreaterThanOrEqual(50);
  });

  it('gives up after the last attempt, at once on a 403, and when Retry-After asks too much', async () => {
    let calls = 0;
    const failing = (status: number, after?: string) => async () => {
      calls++;
      throw restError(status, after);
    };
    await expect(withRetry(failing(504), fast, undefined, () => 0)).rejects.toThrow('status 504');
    expect(calls).toBe(4);
    calls = 0;
    await expect(withRetry(failing(403), fast)).rejects.toThrow('status 403');
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(failing(429, '3600'), fast)).rejects.toThrow('status 429');
    expect(calls).toBe(1);
  });
});
