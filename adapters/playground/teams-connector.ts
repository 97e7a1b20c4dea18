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
}

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

  async activities(): Promise<TeamsActivity[]> {
    const all: TeamsActivity[] = [];
    for await (const [, a] of this.store.scan<TeamsActivity>(ACT)) all.push(a);
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
    if (parts[0] !== 'v3' || parts[1] !== 'conversations' || !parts[2])
      return sendJson(res, 404, { error: 'not found' });
    const [conversation, thread] = parts[2].split(';messageid=');
    if (!conversation?.startsWith('19:')) return sendJson(res, 404, { error: { code: 'ConversationNotFound' } });
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
      });
      return sendJson(res, 201, { id: a.id });
    }
    sendJson(res, 405, { error: 'method not allowed' });
  };
}
