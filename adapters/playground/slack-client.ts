// Plays the Slack client for the playground: signed events, slash commands and interactions to /slack/events.
import { createHmac, randomUUID } from 'node:crypto';
import type { Identity } from './identities.js';
import { PLAYGROUND_SLACK } from './identities.js';
import { dmChannelOf, type SlackWorkspace } from './slack-workspace.js';

export interface SlackReply {
  status: number;
  body: string;
}

export class SlackClient {
  constructor(
    private readonly workspace: SlackWorkspace,
    private readonly appUrl: () => string,
    private readonly signingSecret: string,
  ) {}

  /** Sends what Slack would for a typed line: `/overname …` as a slash command, anything else as an @mention. */
  async say(who: Identity, text: string, threadTs?: string): Promise<SlackReply> {
    const channel = PLAYGROUND_SLACK.channel;
    const slash = /^\/overname\b\s*(.*)$/is.exec(text.trim());
    if (slash) {
      // Slack shows no message for a slash command; only the app's response appears.
      return this.send(
        new URLSearchParams({
          token: 'playground',
          team_id: PLAYGROUND_SLACK.team,
          channel_id: channel,
          channel_name: PLAYGROUND_SLACK.channelName,
          user_id: who.slackId,
          user_name: who.name,
          command: '/overname',
          text: escapeSlackText(slash[1] ?? ''),
          api_app_id: 'A0PLAYGRND',
          trigger_id: await this.workspace.newTrigger(who.slackId),
          response_url: await this.workspace.newResponseUrl(who.slackId, channel, threadTs),
        }).toString(),
        'application/x-www-form-urlencoded',
      );
    }
    // Slack delivers (and stores) what a person typed with &, < and > escaped: only Slack itself writes <@U…>,
    // <#C…> and <url|label>, so "<b>" typed stays text for the app and for every client that shows it.
    const typed = escapeSlackText(text);
    const message = await this.workspace.postHuman(who.slackId, typed, threadTs);
    return this.send(
      JSON.stringify({
        ...this.envelope(),
        event: {
          type: 'app_mention',
          user: who.slackId,
          text: `<@${PLAYGROUND_SLACK.botUser}> ${typed}`,
          ts: message.ts,
          thread_ts: threadTs,
          channel,
          event_ts: message.ts,
        },
      }),
      'application/json',
    );
  }

  async press(who: Identity, messageTs: string, actionId: string, value: string, blockId = 'b'): Promise<SlackReply> {
    const message = await this.workspace.message(messageTs, who.slackId);
    return this.sendPayload({
      ...(await this.interaction('block_actions', who)),
      container: {
        type: 'message',
        message_ts: messageTs,
        channel_id: PLAYGROUND_SLACK.channel,
        is_ephemeral: !!message?.ephemeralFor,
      },
      channel: { id: PLAYGROUND_SLACK.channel, name: PLAYGROUND_SLACK.channelName },
      message: message
        ? { ts: message.ts, thread_ts: message.threadTs, text: message.text, blocks: message.blocks }
        : undefined,
      response_url: await this.workspace.newResponseUrl(who.slackId, PLAYGROUND_SLACK.channel, message?.threadTs),
      actions: [
        { type: 'button', action_id: actionId, block_id: blockId, value, action_ts: String(Date.now() / 1000) },
      ],
    });
  }

  /**
   * The person opens the app's Home tab: Slack sends app_home_opened (tab "home", the DM channel, and the Home view
   * the app last published, if any), signed like every event.
   */
  async openHome(who: Identity): Promise<SlackReply> {
    const home = await this.workspace.home(who.slackId);
    const now = Date.now() / 1000;
    return this.send(
      JSON.stringify({
        ...this.envelope(),
        event: {
          type: 'app_home_opened',
          user: who.slackId,
          channel: dmChannelOf(who.slackId),
          tab: 'home',
          event_ts: now.toFixed(6),
          ...(home ? { view: { ...home.view, id: home.id } } : {}),
        },
      }),
      'application/json',
    );
  }

  /**
   * A button in a view (the open modal, or the Home tab): Slack sends the view instead of a message, with
   * container.type "view", and no channel or response_url.
   */
  async pressInView(
    who: Identity,
    kind: 'modal' | 'home',
    actionId: string,
    value: string,
    blockId = 'b',
  ): Promise<SlackReply> {
    const shown = kind === 'home' ? await this.workspace.home(who.slackId) : await this.workspace.modal(who.slackId);
    if (!shown) return { status: 404, body: `no ${kind} view open` };
    return this.sendPayload({
      ...(await this.interaction('block_actions', who)),
      container: { type: 'view', view_id: shown.id },
      view: {
        ...shown.view,
        id: shown.id,
        state: { values: {} },
        app_id: 'A0PLAYGRND',
        bot_id: PLAYGROUND_SLACK.botId,
      },
      actions: [
        { type: 'button', action_id: actionId, block_id: blockId, value, action_ts: String(Date.now() / 1000) },
      ],
    });
  }

  /** Submits the user's open modal with Slack-shaped state values; closes it unless the app answered with errors. */
  async submit(
    who: Identity,
    values: Record<string, unknown>,
  ): Promise<SlackReply & { errors?: Record<string, string> }> {
    const modal = await this.workspace.modal(who.slackId);
    if (!modal) return { status: 404, body: 'no open modal' };
    const reply = await this.sendPayload({
      ...(await this.interaction('view_submission', who)),
      view: { ...modal.view, id: modal.id, state: { values } },
    });
    const ack = reply.body
      ? (JSON.parse(reply.body) as { response_action?: string; errors?: Record<string, string> })
      : {};
    if (ack.response_action === 'errors') return { ...reply, errors: ack.errors };
    await this.workspace.closeModal(who.slackId);
    return reply;
  }

  /** The Events API envelope around every event. */
  private envelope() {
    return {
      token: 'playground',
      team_id: PLAYGROUND_SLACK.team,
      api_app_id: 'A0PLAYGRND',
      type: 'event_callback',
      event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: PLAYGROUND_SLACK.team, user_id: PLAYGROUND_SLACK.botUser, is_bot: true }],
    };
  }

  /** What every interaction payload carries: who, which workspace and app, and a fresh trigger for modals. */
  private async interaction(type: string, who: Identity) {
    return {
      type,
      team: { id: PLAYGROUND_SLACK.team, domain: 'playground' },
      user: { id: who.slackId, username: who.name, name: who.name, team_id: PLAYGROUND_SLACK.team },
      api_app_id: 'A0PLAYGRND',
      token: 'playground',
      trigger_id: await this.workspace.newTrigger(who.slackId),
    };
  }

  private sendPayload(payload: unknown): Promise<SlackReply> {
    return this.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
  }

  private async send(body: string, contentType: string): Promise<SlackReply> {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const res = await fetch(`${this.appUrl()}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });
    return { status: res.status, body: await res.text() };
  }
}

/** Slack's escaping of message text: "&" → "&amp;", "<" → "&lt;", ">" → "&gt;"; nothing else. */
function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
