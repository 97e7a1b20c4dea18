// Plays the Teams client for the playground: message activities and Action.Execute invokes to /api/messages.
import { randomUUID } from 'node:crypto';
import type { Identity } from './identities.js';
import { PLAYGROUND_TEAMS } from './identities.js';
import type { TeamsConnector } from './teams-connector.js';

export interface InvokeReply {
  status: number;
  body: { statusCode?: number; type?: string; value?: unknown } | undefined;
}

export class TeamsClient {
  constructor(
    private readonly connector: TeamsConnector,
    private readonly appUrl: () => string,
    private readonly serviceUrl: () => string,
  ) {}

  private base(who: Identity, replyToId?: string) {
    const conversationId = replyToId
      ? `${PLAYGROUND_TEAMS.conversation};messageid=${replyToId}`
      : PLAYGROUND_TEAMS.conversation;
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      serviceUrl: this.serviceUrl(),
      channelId: 'msteams',
      from: { id: who.teamsId, name: who.name, aadObjectId: who.teamsId.slice(3) },
      conversation: {
        id: conversationId,
        conversationType: 'channel',
        tenantId: PLAYGROUND_TEAMS.tenant,
        isGroup: true,
      },
      recipient: { id: PLAYGROUND_TEAMS.botId, name: PLAYGROUND_TEAMS.botName },
      channelData: {
        tenant: { id: PLAYGROUND_TEAMS.tenant },
        team: { id: PLAYGROUND_TEAMS.team, name: 'Kantoor' },
        channel: { id: PLAYGROUND_TEAMS.conversation, name: 'Overnames' },
      },
      locale: 'nl-NL',
      replyToId,
    };
  }

  /** A channel message that @mentions the bot, shown in the channel and sent to the bot. */
  async say(who: Identity, text: string, replyToId?: string): Promise<number> {
    const shown = await this.connector.save({
      id: this.connector.nextId(),
      replyToId,
      fromId: who.teamsId,
      fromName: who.name,
      text,
      updates: 0,
    });
    const mention = `<at>${PLAYGROUND_TEAMS.botName}</at>`;
    const res = await this.post({
      ...this.base(who, replyToId),
      id: shown.id,
      type: 'message',
      text: `${mention} ${text}`,
      entities: [
        { type: 'mention', text: mention, mentioned: { id: PLAYGROUND_TEAMS.botId, name: PLAYGROUND_TEAMS.botName } },
      ],
    });
    return res.status;
  }

  /** An Action.Execute press (or the automatic refresh of a user-specific view) on a card activity. */
  async execute(
    who: Identity,
    activityId: string,
    verb: string,
    data: unknown,
    trigger: 'manual' | 'automatic' = 'manual',
  ): Promise<InvokeReply> {
    // In a channel the invoke arrives in the thread of the card's root message, replying to the card itself.
    const root = (await this.connector.get(activityId))?.replyToId ?? activityId;
    const res = await this.post({
      ...this.base(who, root),
      replyToId: activityId,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger },
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  private post(activity: unknown): Promise<Response> {
    return fetch(`${this.appUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
  }
}
