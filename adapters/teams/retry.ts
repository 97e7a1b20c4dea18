// Retries Bot Connector calls the way Teams asks: 429, 412, 502, 503, 504 with exponential backoff and jitter,
// waiting at least as long as a Retry-After header says.
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails and the caller's own repair takes over. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 500, maxDelayMs: 15_000, maxRetryAfterMs: 60_000 };

/** 412 is Teams' "precondition failed" under load; the 5xx ones are gateway hiccups. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR']);

export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | undefined;
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/** The Bot Connector's error code ("ConversationNotFound"), which the connector client puts on the error. */
export function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const headers = (err as { response?: { headers?: { get?(name: string): string | undefined | null } } })?.response
    ?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** What to log of a connector error: message, HTTP status and code — enough to act on, without the SDK's internals. */
export function errorInfo(err: unknown): { message: string; status?: number; code?: string } {
  return { message: err instanceof Error ? err.message : String(err), status: statusOf(err), code: codeOf(err) };
}

export function isRetryable(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return RETRYABLE.has(status);
  return NETWORK.has(String((err as { code?: unknown })?.code));
}

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  status?: number;
}

export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (notice: RetryNotice) => void,
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= policy.attempts || !isRetryable(err)) throw err;
      const asked = retryAfterMs(err);
      if (asked !== undefined && asked > policy.maxRetryAfterMs) throw err;
      // Full jitter spreads the retries of many replicas; Retry-After is a floor, not a suggestion.
      const backoff = random() * Math.min(policy.maxDelayMs, policy.baseMs * 2 ** (attempt - 1));
      const delayMs = Math.round(asked !== undefined ? asked + backoff / 4 : backoff);
      onRetry?.({ attempt, delayMs, status: statusOf(err) });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
