// The playground's Slack: a Web API on loopback that keeps the channel, DMs, modals and Home tabs in the store.
//
// The real Slack adapter talks to it through SLACK_API_URL exactly as it talks to slack.com; the browser page reads
// the same state back, so what the page shows is what the adapter sent.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../../src/server/http-server.js';
import type { Store } from '../../src/store/store.js';
import { bySlackId, PLAYGROUND_SLACK } from './identities.js';
import { SlackFiles } from './slack-files.js';

export interface SlackMessage {
  ts: string;
  channel: string;
  threadTs?: string;
  /** mrkdwn as Slack stores it: what a person typed has &, < and > escaped (see SlackClient.say). */
  text: string;
  blocks?: unknown[];
  /** Bot or human author's Slack id. */
  user: string;
  /** Only this user sees it (chat.postEphemeral, ephemeral responses). */
  ephemeralFor?: string;
  /** Files shared with the message (files.completeUploadExternal). */
  files?: { id: string; name: string; title: string }[];
  updates: number;
}

/** An open modal or a published Home tab: the view as the app last set it, with the id Slack gave it. */
export interface SlackModal {
  id: string;
  user: string;
  view: Record<string, unknown>;
}

/** The direct message channel between the app and a person: one per person, as conversations.open finds it. */
export const dmChannelOf = (user: string) => `D${user}`;

const MSG = 'pg:slack:msg:';
const modalKey = (user: string) => `pg:slack:modal:${user}`;
const homeKey = (user: string) => `pg:slack:home:${user}`;
/** Which person's modal or Home tab a view id is: views.update names only the view. */
const viewKey = (id: string) => `pg:slack:view:${id}`;
const triggerKey = (trigger: string) => `pg:slack:trigger:${trigger}`;
const responseKey = (id: string) => `pg:slack:response:${id}`;

export class SlackWorkspace {
  private lastTs = 0;
  private lastView = 0;
  readonly files: SlackFiles;

  constructor(
    private readonly store: Store,
    private readonly baseUrl: () => string,
    /** The playground page: a permalink opens it in its Slack view, the nearest thing to a message's own page. */
    private readonly pageUrl: () => string = () => '',
  ) {
    this.files = new SlackFiles(store, baseUrl);
  }

  /** A timestamp like Slack's ("1700000000.000100"), strictly increasing so messages keep their order. */
  private nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  /** What the viewer sees in a conversation: the channel by default, or their DM with the app. */
  async messages(viewer: string, channel: string = PLAYGROUND_SLACK.channel): Promise<SlackMessage[]> {
    const all: SlackMessage[] = [];
    for await (const [, m] of this.store.scan<SlackMessage>(MSG)) {
      if (m.channel === channel && (!m.ephemeralFor || m.ephemeralFor === viewer)) all.push(m);
    }
    return all.sort((a, b) => a.ts.localeCompare(b.ts));
  }

  async home(user: string): Promise<SlackModal | undefined> {
    return this.store.get<SlackModal>(homeKey(user));
  }

  /** A view id like Slack's ("V0…"), unique within this workspace. */
  private nextViewId(): string {
    const n = Math.max(Date.now(), this.lastView + 1);
    this.lastView = n;
    return `V0${n.toString(36).toUpperCase()}`;
  }

  private async keepView(kind: 'modal' | 'home', user: string, id: string, view: Record<string, unknown>) {
    const full = {
      ...view,
      id,
      type: kind,
      hash: `${Date.now()}.${randomUUID().slice(0, 8)}`,
      team_id: PLAYGROUND_SLACK.team,
    };
    await this.store.set(viewKey(id), { user, kind });
    await this.store.set(kind === 'home' ? homeKey(user) : modalKey(user), {
      id,
      user,
      view: full,
    } satisfies SlackModal);
    return full;
  }

  /** views.update: the modal or Home tab with that id, if it is still the one shown; its hash must match if given. */
  private async updateView(body: Record<string, unknown>) {
    const id = String(body.view_id ?? '');
    const owner = id ? await this.store.get<{ user: string; kind: 'modal' | 'home' }>(viewKey(id)) : undefined;
    const shown = owner && (owner.kind === 'home' ? await this.home(owner.user) : await this.modal(owner.user));
    if (!owner || !shown || shown.id !== id) return { error: 'not_found' };
    if (body.hash && body.hash !== shown.view.hash) return { error: 'hash_conflict' };
    const view = json(body.view) as unknown as Record<string, unknown> | undefined;
    if (!view || view.type !== owner.kind) return { error: 'invalid_arguments' };
    return { view: await this.keepView(owner.kind, owner.user, id, view) };
  }

  /** One message as the viewer may see it (an ephemeral only for its owner), without scanning the channel. */
  async message(ts: string, viewer: string): Promise<SlackMessage | undefined> {
    const m = await this.store.get<SlackMessage>(MSG + ts);
    if (!m || (m.ephemeralFor && m.ephemeralFor !== viewer)) return undefined;
    // Someone else's DM with the app is not theirs to see.
    return m.channel.startsWith('D') && m.channel !== dmChannelOf(viewer) ? undefined : m;
  }

  async modal(user: string): Promise<SlackModal | undefined> {
    return this.store.get<SlackModal>(modalKey(user));
  }

  async closeModal(user: string): Promise<void> {
    await this.store.delete(modalKey(user));
  }

  /** A trigger id as Slack sends with commands and button presses; views.open with it opens a modal for the user. */
  async newTrigger(user: string): Promise<string> {
    const trigger = `${Date.now()}.${randomUUID()}`;
    await this.store.set(triggerKey(trigger), user, 30 * 60_000);
    return trigger;
  }

  async newResponseUrl(user: string, channel: string, threadTs?: string): Promise<string> {
    const id = randomUUID();
    await this.store.set(responseKey(id), { user, channel, threadTs }, 30 * 60_000);
    return `${this.baseUrl()}/response/${id}`;
  }

  async postHuman(user: string, text: string, threadTs?: string): Promise<SlackMessage> {
    return this.save({ ts: this.nextTs(), channel: PLAYGROUND_SLACK.channel, threadTs, text, user, updates: 0 });
  }

  private postBot(
    channel: string,
    threadTs: unknown,
    body: Record<string, unknown>,
    ephemeralFor?: string,
    files?: SlackMessage['files'],
  ) {
    return this.save({
      ts: this.nextTs(),
      channel,
      threadTs: threadTs ? String(threadTs) : undefined,
      text: String(body.text ?? ''),
      blocks: json(body.blocks),
      user: PLAYGROUND_SLACK.botUser,
      ephemeralFor,
      files,
      updates: 0,
    });
  }

  private async save(m: SlackMessage): Promise<SlackMessage> {
    await this.store.set(MSG + m.ts, m);
    return m;
  }

  handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    // The upload URL takes the file's bytes, not a Web API form: read under the file's own limit.
    if (url.pathname.startsWith('/upload/')) return this.files.receive(url.pathname.slice('/upload/'.length), req, res);
    const body = parseBody(await readBody(req), req.headers['content-type']);
    if (url.pathname.startsWith('/response/')) return this.respond(url.pathname.slice('/response/'.length), body, res);
    const method = url.pathname.replace(/^\/api\//, '');
    const ok = (extra: Record<string, unknown>) => sendJson(res, 200, { ok: true, ...extra });
    const fail = (error: string) => sendJson(res, 200, { ok: false, error });
    switch (method) {
      case 'auth.test':
        return ok({
          url: 'https://playground.slack.local/',
          team: 'Playground',
          user: 'overname',
          team_id: PLAYGROUND_SLACK.team,
          user_id: PLAYGROUND_SLACK.botUser,
          bot_id: PLAYGROUND_SLACK.botId,
        });
      case 'chat.postMessage': {
        // To a user id: a direct message, which only that person may ever see.
        // Slack puts it in the DM with the app (a D… channel), where the page's "Berichten" place shows it.
        const dm = bySlackId(String(body.channel))?.slackId;
        const m = await this.postBot(dm ? dmChannelOf(dm) : String(body.channel), body.thread_ts, body, dm);
        return ok({ channel: m.channel, ts: m.ts, message: { text: m.text, ts: m.ts } });
      }
      case 'chat.update': {
        const existing = await this.store.get<SlackMessage>(MSG + String(body.ts));
        if (!existing) return fail('message_not_found');
        await this.save({
          ...existing,
          text: String(body.text ?? existing.text),
          blocks: json(body.blocks) ?? existing.blocks,
          updates: existing.updates + 1,
        });
        return ok({ channel: existing.channel, ts: existing.ts });
      }
      case 'chat.getPermalink': {
        const m = await this.store.get<SlackMessage>(MSG + String(body.message_ts));
        if (!m || m.channel !== String(body.channel)) return fail('message_not_found');
        return ok({ channel: m.channel, permalink: `${this.pageUrl()}/?platform=slack` });
      }
      case 'chat.postEphemeral': {
        const m = await this.postBot(String(body.channel), body.thread_ts, body, String(body.user));
        return ok({ message_ts: m.ts });
      }
      case 'views.open': {
        const user = await this.store.get<string>(triggerKey(String(body.trigger_id)));
        if (!user) return fail('invalid_trigger_id');
        const view = json(body.view) as unknown as Record<string, unknown> | undefined;
        if (view?.type !== 'modal') return fail('invalid_arguments');
        return ok({ view: await this.keepView('modal', user, this.nextViewId(), view) });
      }
      case 'views.update': {
        const r = await this.updateView(body);
        return r.view ? ok({ view: r.view }) : fail(r.error ?? 'not_found');
      }
      case 'views.publish': {
        const user = String(body.user_id ?? '');
        if (!bySlackId(user)) return fail('user_not_found');
        const view = json(body.view) as unknown as Record<string, unknown> | undefined;
        if (view?.type !== 'home') return fail('invalid_arguments');
        // A person has one Home tab: publishing replaces it and keeps its id.
        const id = (await this.home(user))?.id ?? this.nextViewId();
        return ok({ view: await this.keepView('home', user, id, view) });
      }
      case 'conversations.open': {
        // The app's DM with one person; a group DM (several users) is not part of the playground.
        const users = String(body.users ?? body.user ?? '')
          .split(',')
          .filter(Boolean);
        if (users.length !== 1 || !bySlackId(users[0]!)) return fail('user_not_found');
        return ok({ channel: { id: dmChannelOf(users[0]!) } });
      }
      case 'files.getUploadURLExternal':
        return sendJson(res, 200, await this.files.uploadUrl(body));
      case 'files.completeUploadExternal': {
        const done = await this.files.complete(body);
        if (!done.ok) return sendJson(res, 200, done);
        const { shared, ...answer } = done;
        const channel = shared?.[0]?.channel;
        if (channel && shared) {
          const files = shared.map((f) => ({ id: f.id, name: f.filename, title: f.title ?? f.filename }));
          await this.postBot(channel, body.thread_ts, { text: body.initial_comment ?? '' }, undefined, files);
        }
        return sendJson(res, 200, answer);
      }
      case 'users.info': {
        const person = bySlackId(String(body.user));
        if (!person) return fail('user_not_found');
        return ok({
          user: {
            id: person.slackId,
            name: person.name.toLowerCase().replace(/\s+/g, '.'),
            real_name: person.name,
            is_bot: false,
            locale: 'nl-NL',
            profile: { real_name: person.name, display_name: person.name.split(' ')[0] },
          },
        });
      }
      default:
        return fail('unknown_method');
    }
  };

  /** response_url posts from slash commands: ephemeral for the user unless the app asked for in_channel. */
  private async respond(id: string, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const target = await this.store.get<{ user: string; channel: string; threadTs?: string }>(responseKey(id));
    if (!target) return sendJson(res, 404, { ok: false, error: 'expired_url' });
    const ephemeralFor = body.response_type === 'in_channel' ? undefined : target.user;
    await this.postBot(target.channel, target.threadTs, body, ephemeralFor);
    sendJson(res, 200, { ok: true });
  }
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

/** Web API clients send nested arguments (blocks, view) as JSON strings in form bodies. */
function json(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as unknown[];
}
