// Sends what Slack sends to POST /slack/events: events, slash commands and interactions, signed like Slack signs.
import { createHmac } from 'node:crypto';
import { BOT, type FakeSlackApi } from './fake-slack-api.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Slack's v0 signature: HMAC-SHA256 over "v0:<timestamp>:<raw body>" with the signing secret, hex, prefixed "v0=". */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed signature; null sends none. */
  signature?: string | null;
  secret?: string;
  headers?: Record<string, string>;
}

export interface ActionOptions {
  user: string;
  channel?: string;
  /** The message the button is on. */
  messageTs?: string;
  threadTs?: string;
  actionId: string;
  value?: string;
}

export class SlackSender {
  private n = 0;

  constructor(
    private readonly appUrl: string,
    private readonly fake: FakeSlackApi,
    private readonly secret = SIGNING_SECRET,
  ) {}

  async post(body: string, contentType: string, o: SendOptions = {}): Promise<Response> {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const signature =
      o.signature === undefined ? slackSignature(o.secret ?? this.secret, timestamp, body) : o.signature;
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      ...(signature === null ? {} : { 'x-slack-signature': signature }),
      ...o.headers,
    };
    return fetch(`${this.appUrl}/slack/events`, { method: 'POST', headers, body });
  }

  /** An Events API callback; returns the response and the event_id used (for retries). */
  async event(
    event: Record<string, unknown>,
    o: SendOptions & { eventId?: string; retryNum?: number } = {},
  ): Promise<{ res: Response; eventId: string }> {
    const eventId = o.eventId ?? `Ev${++this.n}${Date.now()}`;
    const body = JSON.stringify(eventEnvelope(event, eventId));
    const headers =
      o.retryNum === undefined
        ? o.headers
        : { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout', ...o.headers };
    return { res: await this.post(body, 'application/json', { ...o, headers }), eventId };
  }

  /** An @mention in a channel. */
  mention(user: string, channel: string, text: string, o: { ts?: string; threadTs?: string; eventId?: string } = {}) {
    const ts = o.ts ?? this.ts();
    this.fake.addUserMessage({ user, channel, ts, text, ...(o.threadTs ? { thread_ts: o.threadTs } : {}) });
    return this.event(
      { type: 'app_mention', user, channel, text: `<@${BOT.userId}> ${text}`, ts, thread_ts: o.threadTs },
      { eventId: o.eventId },
    );
  }

  /** A direct message to the bot. */
  dm(user: string, text: string, extra: Record<string, unknown> = {}) {
    const ts = this.ts();
    this.fake.addUserMessage({ user, channel: `D${user}`, ts, text });
    return this.event({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts, ...extra });
  }

  async command(user: string, channel: string, text: string, o: SendOptions = {}): Promise<Response> {
    const body = new URLSearchParams(this.commandPayload(user, channel, text)).toString();
    return this.post(body, 'application/x-www-form-urlencoded', o);
  }

  /** What Slack sends for /overname: form fields over HTTP, the same fields as an object over Socket Mode. */
  commandPayload(user: string, channel: string, text: string): Record<string, string> {
    return {
      token: 'legacy',
      team_id: BOT.team,
      team_domain: 'kantoor',
      channel_id: channel,
      channel_name: channel.startsWith('D') ? 'directmessage' : 'overnames',
      user_id: user,
      user_name: user.toLowerCase(),
      command: '/overname',
      text,
      api_app_id: 'A1',
      response_url: this.fake.responseUrl(),
      trigger_id: this.fake.trigger(),
    };
  }

  /** A button press (block_actions). */
  action(a: ActionOptions, o: SendOptions = {}): Promise<Response> {
    const channel = a.channel ?? 'C1';
    return this.interaction(
      {
        ...this.interactionBase('block_actions', a.user),
        channel: { id: channel, name: 'overnames' },
        container: {
          type: 'message',
          channel_id: channel,
          message_ts: a.messageTs ?? '1.0',
          ...(a.threadTs ? { thread_ts: a.threadTs } : {}),
        },
        message: { ts: a.messageTs ?? '1.0', ...(a.threadTs ? { thread_ts: a.threadTs } : {}), type: 'message' },
        response_url: this.fake.responseUrl(),
        actions: [button('b1', a)],
      },
      o,
    );
  }

  /** The person opens the app's Home tab (or, with tab "messages", its Messages tab). */
  homeOpened(user: string, tab: 'home' | 'messages' = 'home') {
    return this.event({ type: 'app_home_opened', user, channel: `D${user}`, tab, ts: this.ts() });
  }

  /** A button press on the Home tab: Slack sends no channel and no message, only the view as container. */
  homeAction(a: { user: string; actionId: string; value?: string }, o: SendOptions = {}): Promise<Response> {
    return this.interaction(
      {
        ...this.interactionBase('block_actions', a.user),
        container: { type: 'view', view_id: 'VHOME' },
        view: { id: 'VHOME', type: 'home', team_id: BOT.team, blocks: [] },
        actions: [button('h1', a)],
      },
      o,
    );
  }

  /** A modal submission; state is block_id → action_id → value, as Slack sends it. */
  submit(
    user: string,
    view: { callback_id: string; private_metadata?: string; id?: string },
    state: Record<string, Record<string, Record<string, unknown>>>,
    o: SendOptions = {},
  ): Promise<Response> {
    return this.interaction(
      {
        ...this.interactionBase('view_submission', user),
        view: {
          // Slack gives every opened modal its own id; a replay of one submission repeats it.
          id: view.id ?? `V${++this.n}`,
          team_id: BOT.team,
          type: 'modal',
          callback_id: view.callback_id,
          private_metadata: view.private_metadata ?? '',
          state: { values: state },
          hash: 'h',
        },
      },
      o,
    );
  }

  /** What every interaction payload starts with: its type, the team, the person, the app and a trigger. */
  private interactionBase(type: string, user: string): Record<string, unknown> {
    return {
      type,
      team: { id: BOT.team, domain: 'kantoor' },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: BOT.team },
      api_app_id: 'A1',
      trigger_id: this.fake.trigger(),
    };
  }

  interaction(payload: Record<string, unknown>, o: SendOptions = {}): Promise<Response> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, 'application/x-www-form-urlencoded', o);
  }

  /** A fresh message timestamp, as Slack gives user messages. */
  ts(): string {
    return `${1_700_000_000 + ++this.n}.000100`;
  }
}

/** One pressed button in a block_actions payload, as Slack sends it. */
function button(blockId: string, a: { actionId: string; value?: string }): Record<string, unknown> {
  return {
    type: 'button',
    block_id: blockId,
    action_id: a.actionId,
    text: { type: 'plain_text', text: 'x' },
    action_ts: `${Date.now() / 1000}`,
    ...(a.value === undefined ? {} : { value: a.value }),
  };
}

/** The Events API envelope around one event. */
export function eventEnvelope(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: BOT.team,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: BOT.team, user_id: BOT.userId, is_bot: true }],
    event: { event_ts: event.ts, ...event },
  };
}
