// The playground's Teams: a Bot Connector on loopback that keeps the channel's activities in the store.
//
// The real Teams adapter sends to it through the activity's serviceUrl as it would to smba.trafficmanager.net; the
// browser page reads the same activities back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../../src/server/http-server.js';
import type { Store } from '../../src/store/store.js';
import { IDENTITIES, PLAYGROUND_TEAMS } from './identities.js';

export interface TeamsActivity {
  id: string;
  /** The root activity of the reply chain; absent for a root. */
  replyToId?: string;
  fromId: string;
  fromName: string;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
  entities?: unknown[];
  updates: number;
  /** Sent in the bot's 1:1 chat with this Teams user: shown to that person only. */
  forUser?: string;
}

/** The playground's id for the bot's 1:1 chat with a user (Teams' own start with "a:"). */
const personalChat = (userId: string) => `a:pg-personal:${userId}`;

const ACT = 'pg:teams:act:';

export class TeamsConnector {
  private lastId = 0;

  constructor(private readonly store: Store) {}

  /** Ids that sort by time, like Teams' millisecond message ids. */
  nextId(): string {
    const id = Math.max(Date.now(), this.lastId + 1);
    this.lastId = id;
    return String(id);
  }

  /** The channel as `viewer` sees it: personal messages to someone else are not there. */
  async activities(viewer?: string): Promise<TeamsActivity[]> {
    const all: TeamsActivity[] = [];
    for await (const [, a] of this.store.scan<TeamsActivity>(ACT)) if (!a.forUser || a.forUser === viewer) all.push(a);
    return all.sort((a, b) => a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<TeamsActivity | undefined> {
    return this.store.get<TeamsActivity>(ACT + id);
  }

  async save(a: TeamsActivity): Promise<TeamsActivity> {
    await this.store.set(ACT + a.id, a);
    return a;
  }

  handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    // /v3/conversations/{conversation}[/activities[/{id}]] | /members | /pagedmembers
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return sendJson(res, 404, { error: 'not found' });
    if (!parts[2] && req.method === 'POST') return this.createConversation(req, res);
    if (!parts[2]) return sendJson(res, 404, { error: 'not found' });
    const [conversation, thread] = parts[2].split(';messageid=');
    const forUser = IDENTITIES.find((i) => conversation === personalChat(i.teamsId))?.teamsId;
    if (!conversation?.startsWith('19:') && !forUser)
      return sendJson(res, 404, { error: { code: 'ConversationNotFound' } });
    const rest = parts.slice(3);
    if (req.method === 'GET' && (rest[0] === 'members' || rest[0] === 'pagedmembers')) {
      const members = IDENTITIES.map((i) => ({
        id: i.teamsId,
        name: i.name,
        aadObjectId: i.teamsId.slice(3),
        userPrincipalName: `${i.persona}@playground.local`,
      }));
      if (rest[1]) return sendJson(res, 200, members.find((m) => m.id === rest[1]) ?? {});
      return sendJson(res, 200, rest[0] === 'pagedmembers' ? { members } : members);
    }
    if (rest[0] !== 'activities') return sendJson(res, 404, { error: 'not found' });
    const body = JSON.parse((await readBody(req)) || '{}') as {
      text?: string;
      attachments?: TeamsActivity['attachments'];
      entities?: unknown[];
      replyToId?: string;
      type?: string;
    };
    if (req.method === 'PUT' && rest[1]) {
      const existing = await this.get(rest[1]);
      if (!existing) return sendJson(res, 404, { error: { code: 'ActivityNotFound' } });
      await this.save({
        ...existing,
        text: body.text,
        attachments: body.attachments,
        entities: body.entities,
        updates: existing.updates + 1,
      });
      return sendJson(res, 200, { id: existing.id });
    }
    if (req.method === 'POST') {
      if (body.type === 'typing') return sendJson(res, 200, { id: this.nextId() });
      const replyTo = rest[1] ?? thread ?? body.replyToId;
      const root = replyTo ? ((await this.get(replyTo))?.replyToId ?? replyTo) : undefined;
      const a = await this.save({
        id: this.nextId(),
        replyToId: root,
        fromId: PLAYGROUND_TEAMS.botId,
        fromName: PLAYGROUND_TEAMS.botName,
        text: body.text,
        attachments: body.attachments,
        entities: body.entities,
        updates: 0,
        forUser,
      });
      return sendJson(res, 201, { id: a.id });
    }
    sendJson(res, 405, { error: 'method not allowed' });
  };

  /** The bot opens its 1:1 chat with one of the playground's people; the same person gets the same chat. */
  private async createConversation(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(req)) || '{}') as { isGroup?: boolean; members?: { id?: string }[] };
    const member = IDENTITIES.find((i) => i.teamsId === body.members?.[0]?.id);
    if (body.isGroup || body.members?.length !== 1 || !member)
      return sendJson(res, 400, { error: { code: 'BadArgument', message: 'one known member, not a group' } });
    sendJson(res, 201, { id: personalChat(member.teamsId) });
  }
}
