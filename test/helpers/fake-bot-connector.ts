// A fake Bot Connector on loopback (node:http) for Teams tests: records what the bot sends, keeps every version of
// each activity, serves the conversation's members, and fails or delays chosen requests on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorRequest {
  method: string;
  /** Decoded conversation id from the path ("19:…;messageid=…" for thread replies). */
  conversationId: string;
  /** The activity a POST replies to, or the one a PUT replaces. */
  activityId?: string;
  op: 'post' | 'reply' | 'update' | 'members' | 'pagedmembers' | 'create' | 'other';
  body: Record<string, unknown> | undefined;
  status: number;
  at: number;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId?: string;
}

interface Failure {
  status: number;
  /** The Bot Connector's error code in the body ({ error: { code } }), e.g. "ConversationNotFound". */
  code: string;
  headers: Record<string, string>;
  times: number;
  match: (r: ConnectorRequest) => boolean;
}

interface Delay {
  ms: number;
  times: number;
  match: (r: ConnectorRequest) => boolean;
}

export class FakeBotConnector {
  readonly requests: ConnectorRequest[] = [];
  /** Every version of each activity the bot posted or updated, oldest first. */
  readonly versions = new Map<string, Record<string, unknown>[]>();
  members: Member[] = [];
  /** When set, pagedmembers answers with an error: exercises the fallback to the plain members list. */
  pagedMembersStatus?: number;
  private readonly failures: Failure[] = [];
  private readonly delays: Delay[] = [];
  private readonly holds: { match: (r: ConnectorRequest) => boolean; gate: Promise<void> }[] = [];
  private next = 1_700_000_000_000;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeBotConnector> {
    let self: FakeBotConnector | undefined;
    const server = createServer((req, res) => void self!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new FakeBotConnector(server, `http://127.0.0.1:${port}/`);
    return self;
  }

  /** Answers the next `times` matching requests with this status (and headers such as Retry-After, an error code). */
  fail(
    status: number,
    o: {
      times?: number;
      headers?: Record<string, string>;
      code?: string;
      match?: (r: ConnectorRequest) => boolean;
    } = {},
  ) {
    this.failures.push({
      status,
      code: o.code ?? 'Fake',
      headers: o.headers ?? {},
      times: o.times ?? 1,
      match: o.match ?? (() => true),
    });
  }

  delay(ms: number, o: { times?: number; match?: (r: ConnectorRequest) => boolean } = {}) {
    this.delays.push({ ms, times: o.times ?? 1, match: o.match ?? (() => true) });
  }

  /** Matching requests wait, unanswered, until the returned function is called. */
  hold(match: (r: ConnectorRequest) => boolean): () => void {
    let release!: () => void;
    const entry = { match, gate: new Promise<void>((r) => (release = r)) };
    this.holds.push(entry);
    return () => {
      this.holds.splice(this.holds.indexOf(entry), 1);
      release();
    };
  }

  /** The id this fake gives the bot's 1:1 chat with a user. */
  static personalChat(userId: string): string {
    return `a:1on1-${userId}`;
  }

  /** Successful posts to the bot's 1:1 chat with a user. */
  personalPosts(userId: string): ConnectorRequest[] {
    return this.posts().filter((r) => r.conversationId === FakeBotConnector.personalChat(userId));
  }

  /** Successful posts and replies (new messages), in order. */
  posts(): ConnectorRequest[] {
    return this.requests.filter((r) => (r.op === 'post' || r.op === 'reply') && r.status === 200);
  }

  latest(activityId: string): Record<string, unknown> | undefined {
    return this.versions.get(activityId)?.at(-1);
  }

  /** The Adaptive Card of an activity body, if it carries one. */
  static card(activity: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    const attachments = activity?.attachments as
      | { contentType: string; content: Record<string, unknown> }[]
      | undefined;
    return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  }

  idOf(request: ConnectorRequest): string {
    const id = [...this.versions.entries()].find(([, v]) => v.includes(request.body!))?.[0];
    if (!id) throw new Error('request created no activity');
    return id;
  }

  async waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v !== undefined && v !== false) return v;
      if (Date.now() > until) throw new Error('timed out waiting for the fake Bot Connector');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members|pagedmembers)(?:\/([^/]+))?)?$/.exec(url.pathname);
    const method = req.method ?? 'GET';
    const op: ConnectorRequest['op'] = !m
      ? url.pathname === '/v3/conversations' && method === 'POST'
        ? 'create'
        : 'other'
      : m[2] === 'members'
        ? 'members'
        : m[2] === 'pagedmembers'
          ? 'pagedmembers'
          : m[2] === 'activities' && method === 'PUT'
            ? 'update'
            : m[2] === 'activities' && method === 'POST'
              ? m[3]
                ? 'reply'
                : 'post'
              : 'other';
    const record: ConnectorRequest = {
      method,
      conversationId: m ? decodeURIComponent(m[1]!) : '',
      activityId: m?.[3] ? decodeURIComponent(m[3]) : undefined,
      op,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      status: 200,
      at: Date.now(),
    };
    this.requests.push(record);
    const delay = this.delays.find((d) => d.times > 0 && d.match(record));
    if (delay) {
      delay.times--;
      await new Promise((r) => setTimeout(r, delay.ms));
    }
    await this.holds.find((h) => h.match(record))?.gate;
    const failure = this.failures.find((f) => f.times > 0 && f.match(record));
    if (failure) {
      failure.times--;
      record.status = failure.status;
      return this.json(
        res,
        failure.status,
        { error: { code: failure.code, message: `fake ${failure.status}` } },
        failure.headers,
      );
    }
    switch (op) {
      case 'post':
      case 'reply': {
        const id = String(++this.next);
        this.versions.set(id, [record.body!]);
        return this.json(res, 200, { id });
      }
      case 'update': {
        const id = record.activityId!;
        const list = this.versions.get(id);
        if (!list) {
          record.status = 404;
          return this.json(res, 404, { error: { code: 'ActivityNotFound', message: 'unknown activity' } });
        }
        list.push(record.body!);
        return this.json(res, 200, { id });
      }
      case 'members':
        return this.json(res, 200, this.members);
      case 'create': {
        // Like Teams: a 1:1 chat with the bot has one id per person, found again rather than made twice.
        const params = record.body as { isGroup?: boolean; members?: { id?: string }[] } | undefined;
        const member = params?.members?.[0]?.id;
        if (params?.isGroup || params?.members?.length !== 1 || !member) {
          record.status = 400;
          return this.json(res, 400, { error: { code: 'BadArgument', message: 'one member, not a group' } });
        }
        return this.json(res, 201, { id: FakeBotConnector.personalChat(member) });
      }
      case 'pagedmembers': {
        if (this.pagedMembersStatus) {
          record.status = this.pagedMembersStatus;
          return this.json(res, this.pagedMembersStatus, { error: { code: 'Fake', message: 'no paged members' } });
        }
        const size = Number(url.searchParams.get('pageSize') ?? 100);
        const from = Number(url.searchParams.get('continuationToken') ?? 0);
        const page = this.members.slice(from, from + size);
        const token = from + size < this.members.length ? String(from + size) : undefined;
        return this.json(res, 200, { members: page, continuationToken: token });
      }
      default:
        record.status = 404;
        return this.json(res, 404, { error: { code: 'NotFound', message: url.pathname } });
    }
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  }
}
