// A stateful fake of the Slack Web API on loopback: keeps messages by channel+ts, records every call, and rejects
// payloads Slack would reject (Block Kit limits), so tests can assert what users would finally see.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkHome, checkMessage, checkModal, type Violation } from '../../adapters/slack/limits.js';
import { FakeUploads, type UploadedFile } from './fake-slack-files.js';

export type { UploadedFile };

export const BOT = { userId: 'UBOT', botId: 'BBOT', team: 'T1' };
/** Where chat.getPermalink's links point, as a workspace's own host would. */
export const PERMALINK_HOST = 'https://kantoor.slack.com';

export interface FakeUser {
  id: string;
  real_name: string;
  locale?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface StoredMessage {
  /** Author: the bot (BOT.userId) or a person whose message a test put in the channel. */
  user: string;
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  /** How often chat.update rewrote it. */
  updates: number;
  /** When chat.update last rewrote it (epoch ms, sub-ms precision). */
  updatedAt?: number;
}

export interface Ephemeral {
  channel: string;
  user: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
}

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  ok: boolean;
  error?: string;
}

export interface OpenedView {
  id: string;
  trigger_id: string;
  view: Record<string, unknown>;
}

interface Failure {
  method: string;
  /** A Slack error code answered with HTTP 200 and ok:false. */
  error?: string;
  /** Answer HTTP 429 with this Retry-After (seconds) instead. */
  retryAfter?: number;
}

type Args = Record<string, unknown>;
type Result = Record<string, unknown>;

export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly ephemerals: Ephemeral[] = [];
  readonly views: OpenedView[] = [];
  /** Each person's Home tab as views.publish last set it. */
  readonly homes = new Map<string, Record<string, unknown>>();
  /** Files by id, in upload order. */
  readonly files = new Map<string, UploadedFile>();
  private readonly uploads = new FakeUploads(this.files);
  /** Bodies posted to response_url (slash command replies). */
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Channels the bot may not post in, with the error Slack gives (not_in_channel, is_archived…). */
  readonly closedChannels = new Map<string, string>();
  /** Where apps.connections.open sends Socket Mode clients (see fake-slack-socket.ts). */
  socketUrl?: string;
  /** Random delay per chat.update, to shake out ordering bugs. */
  updateJitterMs = 0;
  private readonly failures: Failure[] = [];
  /** Methods whose calls wait until released (see hold()). */
  private readonly gates = new Map<string, Promise<void>>();
  private readonly triggers = new Set<string>();
  private seq = 0;
  private base = '';

  private constructor(
    private readonly server: Server,
    private readonly token: string,
  ) {}

  static async start(options: { token?: string; users?: FakeUser[] } = {}): Promise<FakeSlackApi> {
    let api: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      void api!.handle(req, res);
    });
    api = new FakeSlackApi(server, options.token ?? 'xoxb-test');
    for (const u of options.users ?? []) api.users.set(u.id, u);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return api;
  }

  /** The SLACK_API_URL to give the service. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A fresh trigger_id, as Slack puts in a command or interaction payload. */
  trigger(): string {
    const id = `trig-${++this.seq}`;
    this.triggers.add(id);
    return id;
  }

  /** A fresh response_url pointing at this fake. */
  responseUrl(): string {
    return `${this.base}/response/r${++this.seq}`;
  }

  /** Makes calls of a method wait until the returned release() is called: for proving what happens before what. */
  hold(method: string): () => void {
    let release!: () => void;
    this.gates.set(
      method,
      new Promise<void>((r) => {
        release = r;
      }),
    );
    return () => {
      this.gates.delete(method);
      release();
    };
  }

  failNext(failure: Failure): void {
    this.failures.push(failure);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(`${channel}/${ts}`);
  }

  /** A person's message, as if typed in Slack (events refer to it; the bot replies in its thread). */
  addUserMessage(m: { user: string; channel: string; ts: string; text: string; thread_ts?: string }): void {
    this.messages.set(`${m.channel}/${m.ts}`, { ...m, blocks: [], updates: 0 });
  }

  /** The bot's top-level messages in a channel, oldest first. */
  channelMessages(channel: string): StoredMessage[] {
    return this.botMessages().filter((m) => m.channel === channel && !m.thread_ts);
  }

  /** The bot's replies in a thread, oldest first. */
  threadReplies(channel: string, threadTs: string): StoredMessage[] {
    return this.botMessages().filter((m) => m.channel === channel && m.thread_ts === threadTs);
  }

  botMessages(): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.user === BOT.userId);
  }

  lastView(): OpenedView | undefined {
    return this.views.at(-1);
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('fake Slack: condition not met in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readAll(req);
    const path = (req.url ?? '').split('?')[0]!;
    if (path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), body: JSON.parse(raw || '{}') });
      return send(res, 200, { ok: true });
    }
    if (path.startsWith('/upload/')) return this.uploads.receive(path.slice('/upload/'.length), raw, req, res);
    if (!path.startsWith('/api/')) return send(res, 404, { ok: false, error: 'unknown_path' });
    const method = path.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type']);
    const failure = this.takeFailure(method);
    if (failure?.retryAfter !== undefined) {
      this.calls.push({ method, args, ok: false, error: 'ratelimited' });
      res.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    if (method === 'apps.connections.open') {
      // Socket Mode asks with the app-level token, not the bot token.
      const appToken = req.headers.authorization?.startsWith('Bearer xapp-');
      const result = appToken && this.socketUrl ? { ok: true, url: this.socketUrl } : fail('invalid_auth');
      return this.reply(res, method, args, result);
    }
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return this.reply(res, method, args, fail('invalid_auth'));
    if (failure?.error) return this.reply(res, method, args, fail(failure.error));
    await this.gates.get(method);
    if (method === 'chat.update' && this.updateJitterMs > 0) {
      await new Promise((r) => setTimeout(r, Math.random() * this.updateJitterMs));
    }
    this.reply(res, method, args, this.dispatch(method, args));
  }

  private reply(res: ServerResponse, method: string, args: Args, result: Result): void {
    this.calls.push({ method, args, ok: result.ok === true, error: result.error as string | undefined });
    send(res, 200, result);
  }

  private takeFailure(method: string): Failure | undefined {
    const i = this.failures.findIndex((f) => f.method === method);
    return i < 0 ? undefined : this.failures.splice(i, 1)[0];
  }

  private dispatch(method: string, a: Args): Result {
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: BOT.team, user_id: BOT.userId, bot_id: BOT.botId, user: 'overname' };
      case 'chat.postMessage':
        return this.postMessage(a);
      case 'chat.update':
        return this.update(a);
      case 'chat.postEphemeral':
        return this.postEphemeral(a);
      case 'chat.getPermalink':
        return this.permalink(a);
      case 'views.open':
      case 'views.update':
        return this.openView(method, a);
      case 'views.publish':
        return this.publishHome(a);
      case 'users.info':
        return this.userInfo(a);
      case 'conversations.open':
        return this.openDm(a);
      case 'files.getUploadURLExternal':
        return this.uploads.uploadUrl(a, `${this.base}/upload/`);
      case 'files.completeUploadExternal':
        return this.uploads.complete(a);
      default:
        return fail('unknown_method');
    }
  }

  private postMessage(a: Args): Result {
    let channel = String(a.channel ?? '');
    const closed = this.closedChannels.get(channel);
    if (closed) return fail(closed);
    const invalid = blockErrors(checkMessage(a));
    if (invalid) return invalid;
    // Posting to a user id opens the app's DM with that user.
    if (/^U/.test(channel)) channel = `D${channel}`;
    const ts = `${1_790_000_000 + this.seq}.${String(++this.seq).padStart(6, '0')}`;
    const thread = typeof a.thread_ts === 'string' && a.thread_ts ? a.thread_ts : undefined;
    if (thread && !this.message(channel, thread)) return fail('thread_not_found');
    const message: StoredMessage = {
      user: BOT.userId,
      channel,
      ts,
      text: String(a.text),
      blocks: asArray(a.blocks),
      updates: 0,
    };
    if (thread) message.thread_ts = thread;
    this.messages.set(`${channel}/${ts}`, message);
    return { ok: true, channel, ts, message: { ts, text: a.text } };
  }

  private update(a: Args): Result {
    const channel = String(a.channel ?? '');
    const closed = this.closedChannels.get(channel);
    if (closed) return fail(closed);
    const message = this.message(channel, String(a.ts));
    if (!message) return fail('message_not_found');
    const invalid = blockErrors(checkMessage(a));
    if (invalid) return invalid;
    message.text = String(a.text);
    message.blocks = asArray(a.blocks);
    message.updates++;
    message.updatedAt = performance.timeOrigin + performance.now();
    return { ok: true, channel, ts: message.ts };
  }

  /** Slack's permalink shape: the workspace's host, /archives/<channel>/p<ts without the dot>. */
  private permalink(a: Args): Result {
    const channel = String(a.channel ?? '');
    const closed = this.closedChannels.get(channel);
    if (closed) return fail(closed === 'is_archived' ? closed : 'channel_not_found');
    const message = this.message(channel, String(a.message_ts ?? ''));
    if (!message) return fail('message_not_found');
    const thread = message.thread_ts ? `?thread_ts=${message.thread_ts}&cid=${channel}` : '';
    const permalink = `${PERMALINK_HOST}/archives/${channel}/p${message.ts.replace('.', '')}${thread}`;
    return { ok: true, channel, permalink };
  }

  private postEphemeral(a: Args): Result {
    const channel = String(a.channel ?? '');
    const closed = this.closedChannels.get(channel);
    if (closed) return fail(closed);
    if (typeof a.user !== 'string' || !this.users.has(a.user)) return fail('user_not_in_channel');
    const invalid = blockErrors(checkMessage(a));
    if (invalid) return invalid;
    const e: Ephemeral = { channel, user: a.user, text: String(a.text), blocks: asArray(a.blocks) };
    if (typeof a.thread_ts === 'string') e.thread_ts = a.thread_ts;
    this.ephemerals.push(e);
    return { ok: true, message_ts: `${Date.now() / 1000}` };
  }

  private openView(method: string, a: Args): Result {
    const view = typeof a.view === 'string' ? JSON.parse(a.view) : a.view;
    if (method === 'views.open') {
      // Slack accepts a trigger once, and only one it issued.
      if (typeof a.trigger_id !== 'string' || !this.triggers.delete(a.trigger_id)) return fail('invalid_trigger_id');
    }
    const problems = checkModal(view);
    if (problems.length) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    const opened: OpenedView = { id: `V${++this.seq}`, trigger_id: String(a.trigger_id ?? ''), view };
    this.views.push(opened);
    return { ok: true, view: { id: opened.id, ...view } };
  }

  private publishHome(a: Args): Result {
    const view = typeof a.view === 'string' ? JSON.parse(a.view) : a.view;
    const user = String(a.user_id ?? '');
    if (!this.users.has(user)) return fail('user_not_found');
    const problems = checkHome(view);
    if (problems.length) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    this.homes.set(user, view);
    return { ok: true, view: { id: `V${++this.seq}`, ...view } };
  }

  /** A DM with one user: its id is D + the user id, as postMessage to a user id gives. */
  private openDm(a: Args): Result {
    const users = String(a.users ?? '');
    if (!this.users.has(users)) return fail('user_not_found');
    return { ok: true, channel: { id: `D${users}` } };
  }

  private userInfo(a: Args): Result {
    const u = this.users.get(String(a.user));
    if (!u) return fail('user_not_found');
    const user: Result = {
      id: u.id,
      name: u.real_name.toLowerCase().replace(/\s+/g, '.'),
      real_name: u.real_name,
      is_bot: !!u.is_bot,
      deleted: !!u.deleted,
      profile: { real_name: u.real_name, display_name: u.real_name.split(' ')[0] },
    };
    if (a.include_locale === 'true' && u.locale) user.locale = u.locale;
    return { ok: true, user };
  }
}

function fail(error: string): Result {
  return { ok: false, error };
}

function blockErrors(problems: Violation[]): Result | undefined {
  return problems.length ? { ok: false, error: 'invalid_blocks', errors: problems } : undefined;
}

function asArray(x: unknown): unknown[] {
  if (typeof x === 'string') return JSON.parse(x) as unknown[];
  return Array.isArray(x) ? x : [];
}

/** The Web API client sends form fields, objects as JSON strings; JSON bodies are accepted too. */
function parseArgs(raw: string, contentType: string | undefined): Args {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}') as Args;
  const args: Args = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    args[k] = (k === 'blocks' || k === 'view') && /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return args;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
