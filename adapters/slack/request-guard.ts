// In front of Bolt's receiver: every request to /slack/events is read once (size-capped), its signature and both sides
// of its time window checked, and its payload parsed and checked against the shapes the listeners read. What the
// service does not handle is acknowledged at once; what is malformed gets a 4xx and one warn line. Bolt then gets
// only requests it can route, already buffered (it reads `rawBody` instead of the stream) and verifies them again.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';
import type { Logger } from '../../src/log.js';
import { readBodyBuffer, sendJson } from '../../src/server/http-server.js';
import { HANDLED_EVENTS, HANDLED_VIEWS, SLASH_COMMAND } from './routes.js';

/** Slack's replay window: five minutes, either way (a clock ahead is as suspicious as one behind). */
export const SIGNATURE_WINDOW_S = 300;
/** Slack's payloads are a few kilobytes; a modal's state at most tens. */
export const SLACK_BODY_LIMIT = 256 * 1024;

export interface GuardOptions {
  signingSecret: string;
  logger: Logger;
  /** Bolt's receiver, for requests that pass. */
  next: RequestListener;
  now?: () => number;
}

const id = z.string().min(1).max(64);
const optionalId = id.optional();

/** What Bolt itself reads of every delivery to route and authorize it, beside what the listeners read. */
const authorization = z
  .object({ team_id: z.string().nullish(), user_id: z.string().nullish(), enterprise_id: z.string().nullish() })
  .passthrough();
const eventEnvelope = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().max(64).optional(),
  team_id: optionalId,
  enterprise_id: z.string().max(64).nullish(),
  authorizations: z.array(authorization).max(10).nullish(),
  event: z.object({ type: z.string().min(1).max(64) }).passthrough(),
});
/** The message fields the event listeners read. */
const messageEvent = z.object({
  channel: id,
  ts: z.string().min(1).max(32),
  thread_ts: z.string().max(32).optional(),
  user: optionalId,
  text: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  channel_type: z.string().optional(),
});
/** The fields of app_home_opened the Home listener reads. */
const homeOpenedEvent = z.object({ user: id, tab: z.string().max(32).optional() });
const slashCommand = z.object({
  command: z.string().min(1).max(64),
  user_id: id,
  channel_id: id,
  team_id: id,
  text: z.string().optional(),
  trigger_id: z.string().optional(),
});
const blockActions = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id }).passthrough(),
  actions: z
    .array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional() }).passthrough())
    .min(1),
  trigger_id: z.string().optional(),
  team: z.object({ id }).passthrough().nullish(),
  channel: z.object({ id }).passthrough().nullish(),
  container: z.object({}).passthrough().nullish(),
  message: z.object({}).passthrough().nullish(),
});
const viewSubmission = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id }).passthrough(),
  view: z
    .object({
      id: z.string().max(64).optional(),
      callback_id: z.string().max(255),
      private_metadata: z.string().max(3000).optional(),
      state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({}).passthrough())) }),
    })
    .passthrough(),
});

type Verdict =
  | { pass: true }
  | { pass: false; status: number; body?: unknown; warn?: string; detail?: Record<string, unknown> };

function verifySignature(req: IncomingMessage, raw: Buffer, secret: string, nowS: number): Verdict {
  const signature = req.headers['x-slack-signature'];
  const stamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof stamp !== 'string' || !/^\d{1,12}$/.test(stamp)) {
    return { pass: false, status: 401, warn: 'slack request without a usable signature' };
  }
  const skew = nowS - Number(stamp);
  if (Math.abs(skew) > SIGNATURE_WINDOW_S) {
    return { pass: false, status: 401, warn: 'slack request outside the signature window', detail: { skew } };
  }
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${stamp}:`).update(raw).digest('hex')}`;
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return { pass: false, status: 401, warn: 'slack request with a bad signature' };
  }
  return { pass: true };
}

const bad = (warn: string, detail?: Record<string, unknown>): Verdict => ({ pass: false, status: 400, warn, detail });
/** Signed by Slack, but nothing this service listens for: acknowledged so Slack does not wait or retry. */
const ignored: Verdict = { pass: false, status: 200 };

function check(payload: unknown): Verdict {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return bad('slack payload is not an object');
  }
  const p = payload as Record<string, unknown>;
  if ('command' in p) {
    const c = slashCommand.safeParse(p);
    if (!c.success) return bad('malformed slack slash command', { issue: c.error.issues[0]?.path.join('.') });
    return c.data.command === SLASH_COMMAND ? { pass: true } : ignored;
  }
  switch (p.type) {
    case 'url_verification':
      return typeof p.challenge === 'string' ? { pass: true } : bad('slack url_verification without a challenge');
    case 'event_callback': {
      const e = eventEnvelope.safeParse(p);
      if (!e.success) return bad('malformed slack event', { issue: e.error.issues[0]?.path.join('.') });
      if (!HANDLED_EVENTS.has(e.data.event.type)) return ignored;
      const m = (e.data.event.type === 'app_home_opened' ? homeOpenedEvent : messageEvent).safeParse(e.data.event);
      return m.success
        ? { pass: true }
        : bad('malformed slack message event', { issue: m.error.issues[0]?.path.join('.') });
    }
    case 'block_actions': {
      const a = blockActions.safeParse(p);
      return a.success
        ? { pass: true }
        : bad('malformed slack block_actions', { issue: a.error.issues[0]?.path.join('.') });
    }
    case 'view_submission': {
      const v = viewSubmission.safeParse(p);
      if (!v.success) return bad('malformed slack view_submission', { issue: v.error.issues[0]?.path.join('.') });
      return HANDLED_VIEWS.has(v.data.view.callback_id) ? { pass: true } : ignored;
    }
    case 'block_suggestion':
      // External select menus ask for options; the forms use none, so there are none to offer.
      return { pass: false, status: 200, body: { options: [] } };
    default:
      // view_closed, shortcuts, message actions, app_rate_limited, future types: nothing to do, nothing to wait for.
      return typeof p.type === 'string' ? ignored : bad('slack payload without a type');
  }
}

function parsePayload(raw: string, contentType: string): unknown {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = parseQuery(raw);
    if (typeof form.payload === 'string') return JSON.parse(form.payload);
    return form;
  }
  if (contentType.startsWith('application/json')) return JSON.parse(raw);
  throw new Error(`content type ${contentType || '(none)'}`);
}

function refuse(res: ServerResponse, status: number, body?: unknown): void {
  if (body !== undefined) sendJson(res, status, body);
  else {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
  }
}

export function guardSlackRequests(o: GuardOptions): RequestListener {
  const now = o.now ?? Date.now;
  return async (req, res) => {
    let raw: Buffer;
    try {
      raw = await readBodyBuffer(req, SLACK_BODY_LIMIT);
    } catch (err) {
      const status = (err as { status?: number }).status ?? 400;
      o.logger.warn({ status }, 'slack request body refused');
      return refuse(res, status);
    }
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    const text = raw.toString('utf8');
    // Slack checks the certificate with an unsigned ssl_check; Bolt answers it (and strips anything smuggled along).
    const sslCheck = contentType.startsWith('application/x-www-form-urlencoded') && parseQuery(text).ssl_check === '1';
    let verdict = sslCheck ? ({ pass: true } as Verdict) : verifySignature(req, raw, o.signingSecret, now() / 1000);
    if (verdict.pass && !sslCheck) {
      try {
        verdict = check(parsePayload(text, contentType));
      } catch (err) {
        verdict = bad('slack payload could not be parsed', { reason: (err as Error).message.slice(0, 80) });
      }
    }
    if (!verdict.pass) {
      if (verdict.warn) o.logger.warn({ status: verdict.status, ...verdict.detail }, verdict.warn);
      return refuse(res, verdict.status, verdict.body);
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    return o.next(req, res);
  };
}
