// Who is in the conversation: the people the start form offers as approvers, and their names for the case.
//
// TeamsInfo.getPagedMembers is the supported call in Teams; the Agents Playground and older connectors may only
// answer the plain members list, so that is the fallback, and the person asking is always included. The list is
// kept in the store for a few minutes: the form and its submission (and its corrections) need it again.
import { type ChannelAccount, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { baseConversationId } from './activity.js';
import type { Member } from './form-card.js';
import { DEFAULT_RETRY, errorInfo, withRetry } from './retry.js';

const CACHE_MS = 5 * 60_000;
const PAGE_SIZE = 200;
/** Enough for any firm's channel; a bigger team still gets a form, with the list cut to what fits on a card. */
const MAX_PAGES = 10;

export class MemberDirectory {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  async list(ctx: TurnContext): Promise<Member[]> {
    const key = `teams:members:${baseConversationId(ctx.activity.conversation.id)}`;
    let members = await this.store.get<Member[]>(key);
    if (!members) {
      members = await this.fetch(ctx);
      if (members.length > 0) await this.store.set(key, members, CACHE_MS);
    }
    return withSender(members, ctx);
  }

  private async fetch(ctx: TurnContext): Promise<Member[]> {
    try {
      const all: ChannelAccount[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await withRetry(() => TeamsInfo.getPagedMembers(ctx, PAGE_SIZE, token), DEFAULT_RETRY);
        all.push(...(res.members ?? []));
        token = res.continuationToken || undefined;
        if (!token) break;
      }
      return toMembers(all);
    } catch (err) {
      this.logger.info(
        { error: errorInfo(err) },
        'Teams paged members unavailable; falling back to the conversation members',
      );
    }
    try {
      return toMembers(await withRetry(() => TeamsInfo.getMembers(ctx), DEFAULT_RETRY));
    } catch (err) {
      this.logger.warn({ error: errorInfo(err) }, 'Teams members unavailable; the form offers only the person asking');
      return [];
    }
  }
}

function toMembers(accounts: ChannelAccount[]): Member[] {
  const seen = new Map<string, Member>();
  for (const a of accounts) {
    if (!a?.id || seen.has(a.id)) continue;
    // Bots (ids "28:…") cannot approve anything.
    if (a.id.startsWith('28:') || (a as { role?: string }).role === 'bot') continue;
    seen.set(a.id, { id: a.id, name: a.name || a.id, aadObjectId: a.aadObjectId || undefined });
  }
  return [...seen.values()];
}

function withSender(members: Member[], ctx: TurnContext): Member[] {
  const from = ctx.activity.from;
  if (!from?.id || members.some((m) => m.id === from.id)) return members;
  return [{ id: from.id, name: from.name || from.id, aadObjectId: from.aadObjectId || undefined }, ...members];
}
