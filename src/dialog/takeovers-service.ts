// Builds a person's "my takeovers" from the per-user index, and keeps published Home pages current as cases change.
import type { Clock } from '../clock.js';
import type { CaseSnapshot, Platform, UserRef } from '../domain/case.js';
import { type CaseRepository, involvedUsers, type RenderState } from '../domain/case-repository.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { caseMessageLinks } from './case-links.js';
import { shownCases, sortTakeovers, takeoversCard, takeoversView } from './my-takeovers.js';
import type { CardView, Messenger, TakeoversView } from './view.js';

/** Cases read at once while building one person's page. */
const READ_CONCURRENCY = 16;
/** A Home page opened once is kept current this long after the person last opened it. */
export const HOME_OPENED_TTL_MS = 180 * 86_400_000;
/** Permalinks never change; remembered so a republish does not ask Slack again for every case it lists. */
const LINK_MEMORY = 2000;

interface HomeOpened {
  language: 'nl' | 'en';
}

interface Queued {
  language: 'nl' | 'en';
  notice?: string;
  done: Promise<void>;
}

export interface TakeoversServiceOptions {
  store: Store;
  repo: CaseRepository;
  messengers: ReadonlyMap<string, Messenger>;
  clock: Clock;
  timeZone: string;
  logger: Logger;
}

const homeKey = (platform: Platform, user: string) => `home:${platform}:${encodeURIComponent(user)}`;
const userKey = (u: UserRef) => `${u.platform}:${u.id}`;
/** Set once every case in the store has its per-user index entries; the claim keeps replicas from doing it twice. */
const INDEX_DONE = 'migrated:user-index';
const INDEX_CLAIM = 'migrated:user-index:claim';

export class TakeoversService {
  private readonly queued = new Map<string, Queued>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly links = new Map<string, string>();

  constructor(private readonly o: TakeoversServiceOptions) {}

  /** The person's page, read from the store now. */
  async view(user: UserRef, language: 'nl' | 'en', notice?: string): Promise<TakeoversView> {
    const entries = await this.o.repo.casesOfUser(user);
    const states: RenderState[] = [];
    for (let i = 0; i < entries.length; i += READ_CONCURRENCY) {
      const batch = entries.slice(i, i + READ_CONCURRENCY);
      const read = await Promise.all(batch.map((e) => this.o.repo.loadForRender(e.caseId)));
      for (const s of read) if (s) states.push(s);
    }
    const now = this.o.clock.now();
    const sorted = sortTakeovers(
      user,
      states.map((s) => s.snapshot),
      now,
    );
    const shown = new Set(shownCases(sorted).map((s) => s.data.id));
    const links = await this.linksOf(states.filter((s) => shown.has(s.snapshot.data.id)));
    return takeoversView(user, sorted, { language, now, timeZone: this.o.timeZone, links, notice });
  }

  /** The page as a card, for a chat ("mijn overnames"). */
  async card(user: UserRef, language: 'nl' | 'en', notice?: string): Promise<CardView> {
    return takeoversCard(await this.view(user, language, notice));
  }

  /** The person opened their Home page: remember it (so changes republish it) and show it now. */
  async opened(user: UserRef, language: 'nl' | 'en'): Promise<void> {
    await this.o.store.set(homeKey(user.platform, user.id), { language } satisfies HomeOpened, HOME_OPENED_TTL_MS);
    await this.refresh(user, language);
  }

  /**
   * Republishes the person's Home page, after any refresh of theirs already under way; calls while one waits join
   * it (a burst of changes makes one publish). Errors are logged, never thrown: the page is a convenience.
   */
  refresh(user: UserRef, language: 'nl' | 'en', notice?: string): Promise<void> {
    const key = userKey(user);
    const waiting = this.queued.get(key);
    if (waiting) {
      if (notice) waiting.notice = notice;
      return waiting.done;
    }
    const entry: Queued = { language, notice, done: Promise.resolve() };
    const before = this.running.get(key) ?? Promise.resolve();
    entry.done = before.then(async () => {
      this.queued.delete(key);
      const run = this.publish(user, entry.language, entry.notice);
      this.running.set(key, run);
      try {
        await run;
      } finally {
        if (this.running.get(key) === run) this.running.delete(key);
      }
    });
    this.queued.set(key, entry);
    return this.track(entry.done);
  }

  /**
   * A case changed (its messages were just rendered): republish the Home page of everyone it concerns who has
   * opened theirs. Runs in the background, off the acknowledgement and the render; errors are only logged.
   */
  changed(snapshot: CaseSnapshot): void {
    const platform = snapshot.data.origin.platform;
    if (!this.o.messengers.get(platform)?.publishHome) return;
    const people = involvedUsers(snapshot.data).filter((u) => u.platform === platform);
    const work = this.o.store
      .getMany<HomeOpened>(people.map((u) => homeKey(u.platform, u.id)))
      .then((opened) =>
        Promise.all(people.map((u, i) => (opened[i] ? this.refresh(u, opened[i].language) : undefined))),
      )
      .catch((err: unknown) => {
        this.o.logger.warn({ err, caseId: snapshot.data.id }, 'could not look up whose Home page to refresh');
      });
    void this.track(work);
  }

  /** Resolves when no Home publish is waiting or running. */
  /**
   * Once per store: indexes the cases created before the per-user index, so they are listed too. Runs in the
   * background at start (the first start after an upgrade streams every case once); one replica claims it, and a run
   * cut off by a crash is claimable again after 10 minutes.
   */
  backfillIndex(): void {
    const run = (async () => {
      if (await this.o.store.get(INDEX_DONE)) return;
      if (!(await this.o.store.setIfAbsent(INDEX_CLAIM, true, 10 * 60_000))) return;
      const cases = await this.o.repo.backfillUserIndex();
      await this.o.store.set(INDEX_DONE, this.o.clock.now().toISOString());
      if (cases > 0) this.o.logger.info({ cases }, 'my takeovers: indexed cases created before the per-user index');
    })().catch((err: Error) =>
      this.o.logger.warn(
        { err: err.message },
        'my takeovers: indexing older cases failed; it is retried at next start',
      ),
    );
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async publish(user: UserRef, language: 'nl' | 'en', notice?: string): Promise<void> {
    const messenger = this.o.messengers.get(user.platform);
    if (!messenger?.publishHome) return;
    try {
      await messenger.publishHome(user, await this.view(user, language, notice));
    } catch (err) {
      this.o.logger.warn({ err, platform: user.platform, user: user.id }, 'Home page publish failed');
    }
  }

  private async linksOf(states: RenderState[]): Promise<Map<string, string>> {
    const linkKey = (s: RenderState) => `${s.snapshot.data.id}/${s.messageIds.case ?? ''}`;
    const out = new Map<string, string>();
    const missing: RenderState[] = [];
    for (const s of states) {
      const known = this.links.get(linkKey(s));
      if (known) out.set(s.snapshot.data.id, known);
      else missing.push(s);
    }
    const found = await caseMessageLinks(missing, this.o.messengers, this.o.logger);
    for (const s of missing) {
      const url = found.get(s.snapshot.data.id);
      if (!url) continue;
      out.set(s.snapshot.data.id, url);
      if (this.links.size >= LINK_MEMORY) this.links.delete(this.links.keys().next().value!);
      this.links.set(linkKey(s), url);
    }
    return out;
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }
}
