// Who a Slack user is (display name, locale, bot or not), from users.info with include_locale, cached for minutes.
import type { Logger } from '../../src/log.js';
import { within } from '../../src/within.js';
import { slackErrorCode, type WebClient } from './client.js';

export interface SlackUser {
  id: string;
  name?: string;
  /** e.g. "nl-NL", "en-US"; decides the language when the text does not. */
  locale?: string;
  isBot: boolean;
  deleted: boolean;
}

export type UserLookup = { found: true; user: SlackUser } | { found: false; reason: 'not_found' | 'failed' };

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;

export class SlackUsers {
  private readonly cache = new Map<string, { at: number; lookup: Promise<UserLookup> }>();

  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
  ) {}

  /** The user, or undefined when Slack does not know them or could not be asked; callers then fall back. */
  async get(id: string): Promise<SlackUser | undefined> {
    const r = await this.lookup(id);
    return r.found ? r.user : undefined;
  }

  /** Like get, but gives up after ms: a trigger_id expires 3 s after the click, the modal must not wait for this. */
  async quick(id: string, ms = 800): Promise<SlackUser | undefined> {
    const r = await this.lookupWithin(id, ms);
    return r.found ? r.user : undefined;
  }

  /** Like lookup, but answers "failed" after ms: work done before an ack() must stay well inside Slack's 3 s. */
  lookupWithin(id: string, ms: number): Promise<UserLookup> {
    return within<UserLookup, UserLookup>(this.lookup(id), ms, { found: false, reason: 'failed' });
  }

  lookup(id: string): Promise<UserLookup> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.lookup;
    const lookup = this.fetch(id);
    this.cache.set(id, { at: Date.now(), lookup });
    // Failures are not remembered: the next request asks Slack again.
    void lookup.then((r) => {
      if (!r.found && r.reason === 'failed') this.cache.delete(id);
    });
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    return lookup;
  }

  private async fetch(id: string): Promise<UserLookup> {
    try {
      const r = await this.client.users.info({ user: id, include_locale: true });
      const u = r.user;
      if (!u?.id) return { found: false, reason: 'not_found' };
      const name = u.profile?.real_name || u.real_name || u.profile?.display_name || u.name || undefined;
      return {
        found: true,
        user: {
          id: u.id,
          name,
          locale: u.locale,
          // Slackbot is not flagged as a bot by Slack, but it cannot approve anything either.
          isBot: !!u.is_bot || u.id === 'USLACKBOT',
          deleted: !!u.deleted,
        },
      };
    } catch (err) {
      const code = slackErrorCode(err);
      if (code === 'user_not_found' || code === 'user_not_visible') return { found: false, reason: 'not_found' };
      this.logger.warn({ err, user: id }, 'users.info failed');
      return { found: false, reason: 'failed' };
    }
  }
}
