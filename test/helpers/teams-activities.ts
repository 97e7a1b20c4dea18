// Teams activities shaped like the real ones (message, adaptiveCard/action invoke, conversationUpdate), and a
// client that posts them to the service's /api/messages with a serviceUrl pointing at the fake Bot Connector.
export const BOT = { id: '28:00000000-0000-0000-0000-00000000b0b0', name: 'Overname-assistent' };
export const TENANT = '72f988bf-0000-0000-0000-000000000001';
export const TEAM = '19:team-kantoor@thread.tacv2';
export const CHANNEL = '19:overnames@thread.tacv2';
/** The team's Microsoft 365 group, as Teams names it in channelData.team.aadGroupId. */
export const TEAM_GROUP = '5ee1a0c3-0000-0000-0000-00000000c0de';

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}

const user = (key: string, name: string, n: number): TeamsUser => ({
  id: `29:1${key}-${'x'.repeat(40)}`,
  name,
  aadObjectId: `00000000-0000-0000-0000-0000000000${String(n).padStart(2, '0')}`,
});

export const tp = {
  requester: user('Req', 'Rianne Aanvrager', 1),
  oldAdmin: user('Old', 'Otto Oud', 2),
  client: user('Cli', 'Karin Klant', 3),
  outsider: user('Out', 'Buiten Staander', 4),
};

export type Where = { kind: 'channel'; thread?: string } | { kind: 'personal' } | { kind: 'groupChat' };

export interface SendResult {
  status: number;
  body: Record<string, unknown> | undefined;
  text: string;
}

export class TeamsClient {
  private n = 0;
  /**
   * Awaited after every answer: the harness waits here for the case messages, which the service updates after it
   * answered a press (like Slack's settle). Unset it to look at the channel before the update lands.
   */
  afterSend?: () => Promise<void>;

  constructor(
    readonly appUrl: string,
    readonly serviceUrl: string,
  ) {}

  nextId(): string {
    return `f:${Date.now()}-${++this.n}`;
  }

  async send(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<SendResult> {
    const res = await fetch(`${this.appUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: Record<string, unknown> | undefined;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    await this.afterSend?.();
    return { status: res.status, body, text };
  }

  base(from: TeamsUser, where: Where, id = this.nextId()): Record<string, unknown> {
    const conversation =
      where.kind === 'channel'
        ? {
            id: where.thread ? `${CHANNEL};messageid=${where.thread}` : CHANNEL,
            conversationType: 'channel',
            isGroup: true,
            tenantId: TENANT,
          }
        : where.kind === 'groupChat'
          ? { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT }
          : { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: TENANT };
    const channelData: Record<string, unknown> = { tenant: { id: TENANT } };
    if (where.kind === 'channel') {
      channelData.team = { id: TEAM, name: 'Kantoor', aadGroupId: TEAM_GROUP };
      channelData.channel = { id: CHANNEL, name: 'Overnames' };
    }
    return {
      id,
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      recipient: BOT,
      conversation,
      channelData,
      locale: 'nl-NL',
    };
  }

  /** A message; in a channel or group chat it @mentions the bot, as Teams requires for the bot to receive it. */
  message(from: TeamsUser, text: string, where: Where = { kind: 'personal' }, extra: Record<string, unknown> = {}) {
    const id = this.nextId();
    const mention = where.kind !== 'personal';
    const tag = `<at>${BOT.name}</at>`;
    return this.send({
      ...this.base(from, where.kind === 'channel' ? { kind: 'channel', thread: where.thread ?? id } : where, id),
      type: 'message',
      text: mention ? `${tag} ${text}` : text,
      textFormat: 'plain',
      entities: mention ? [{ type: 'mention', text: tag, mentioned: BOT }] : [],
      ...extra,
    });
  }

  /** An Action.Execute press (or the automatic refresh) on a card in `where`. */
  invoke(
    from: TeamsUser,
    verb: string,
    data: Record<string, unknown>,
    where: Where = { kind: 'channel' },
    o: { id?: string; trigger?: 'manual' | 'automatic'; replyToId?: string } = {},
  ) {
    return this.send({
      ...this.base(from, where, o.id),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: o.replyToId,
      value: { action: { type: 'Action.Execute', id: '', verb, data }, trigger: o.trigger ?? 'manual' },
    });
  }

  /**
   * The bot is added to the team (or chat), as Teams (and the Agents Playground) tell it: a conversationUpdate
   * without a locale and an installationUpdate with the installer's, in either order. Answers the second.
   */
  async installed(
    by: TeamsUser,
    where: Where = { kind: 'channel' },
    o: { locale?: string; installFirst?: boolean } = {},
  ) {
    const base = this.base(by, where);
    const { locale: _none, ...withoutLocale } = base;
    const update = () =>
      this.send({
        ...withoutLocale,
        id: this.nextId(),
        type: 'conversationUpdate',
        membersAdded: [{ id: BOT.id }],
        channelData: { tenant: { id: TENANT }, eventType: 'teamMemberAdded', team: { id: TEAM } },
      });
    const install = () =>
      this.send({
        ...base,
        id: this.nextId(),
        type: 'installationUpdate',
        action: 'add',
        locale: o.locale ?? 'nl-NL',
      });
    if (o.installFirst) {
      const first = await install();
      await update();
      return first;
    }
    const first = await update();
    return first.status === 200 ? install() : first;
  }
}

/** The invoke response's card, or undefined when it answered with a message. */
export function responseCard(r: SendResult): Record<string, unknown> | undefined {
  return r.body?.type === 'application/vnd.microsoft.card.adaptive'
    ? (r.body.value as Record<string, unknown>)
    : undefined;
}

/** All Action.Execute actions of a card (body, sections, card actions), as [verb, data]. */
export function executeActions(
  card: Record<string, unknown> | undefined,
  /**
   * The History button sits on every case card for everyone (test/teams/history.test.ts): left out unless asked
   * for, so flows that check who gets which decision buttons need not list it on every card.
   */
  o: { history?: boolean } = {},
): { verb: string; data: Record<string, unknown> }[] {
  const options = o;
  const out: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown, inRefresh: boolean) => {
    if (Array.isArray(node)) for (const v of node) walk(v, inRefresh);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && !inRefresh && (options.history || o.verb !== 'history'))
        out.push({ verb: String(o.verb), data: o.data as Record<string, unknown> });
      for (const [k, v] of Object.entries(o))
        if (k !== 'data' && k !== 'fallback') walk(v, inRefresh || k === 'refresh');
    }
  };
  walk(card, false);
  return out;
}

/** Every TextBlock text and fact value of a card, joined: what a reader sees. */
export function cardText(card: Record<string, unknown> | undefined): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const v of node) walk(v);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock') out.push(String(o.text));
      if (o.type === 'FactSet')
        for (const f of o.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
      for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'refresh') walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}
