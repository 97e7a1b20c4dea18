// Keeps each case's messages showing the stored state: renders from the store, one render per case at a time.
//
// Platforms update messages without a version check (Slack chat.update, Teams updateActivity): two renders racing
// can land old-after-new. So renders of one case are serialized (in this process by coalescing, across replicas by
// a store lock) and each render reads the state afresh; whoever renders last shows the newest state.
import type { CaseSnapshot } from '../domain/case.js';
import type { CaseMessageKind, CaseRepository, RenderState } from '../domain/case-repository.js';
import type { Logger } from '../log.js';
import { withLock } from '../store/lock.js';
import type { Store } from '../store/store.js';
import { caseCard, checklistCard, type ViewOptions } from './case-views.js';
import { DirtyMarks } from './dirty-marks.js';
import { ConversationGoneError, MessageGoneError, type Messenger, type Target, type View } from './view.js';

/**
 * How long a case's first change waits before its render. Changes come in bursts (three approvers answering a
 * request together, checklist items ticked one after another, Slack retries); one render then shows the whole burst.
 * Each render is a chat.update / updateActivity, and Slack rate-limits chat.update per workspace (Tier 3), so fewer
 * calls also keep bursts clear of 429s. A person does not notice 10 ms.
 */
export const RENDER_WINDOW_MS = 10;

interface Flight {
  /** A change may not be shown yet: render (again) before the flight ends. */
  again: boolean;
  /** Changes between their dirty mark and the end of their write: the mark must outlive them. */
  writers: number;
  /** This process's dirty mark for the case, once written (shared by every change in the flight). */
  marking?: Promise<void>;
  wake?: () => void;
  /** Set once the flight stopped taking changes and clears its mark; later changes start a new flight after it. */
  closing: boolean;
  /** Whether the flight ended with every change shown (false: it failed and its mark stays for repair). */
  result: Promise<boolean>;
}

export interface MessageSyncOptions {
  store: Store;
  repo: CaseRepository;
  messengers: Map<string, Messenger>;
  views: ViewOptions;
  logger: Logger;
  /** Runs in every render before the messages, with the state read for it (the engine plans reminders here). */
  beforeMessages: (state: RenderState) => Promise<void>;
  /** Runs after the messages showed the state (the engine republishes Home pages); must not throw or wait. */
  afterMessages?: (state: RenderState) => void;
  /** The platform says the bot can no longer post in the case's conversation (with the state the render read). */
  onGone: (state: RenderState) => Promise<void>;
  /** See RENDER_WINDOW_MS; tests of the serialization itself set 0. */
  windowMs?: number;
  /** The clock dirty marks are dated with (tests of stale marks move it). */
  now?: () => number;
  /**
   * Whether other processes may render the same case: by default when the store is Redis or PostgreSQL. Tests that
   * play several replicas on one memory store say so here.
   */
  shared?: boolean;
}

export class MessageSync {
  private readonly flights = new Map<string, Flight>();
  /** Whether other processes may render the same case: only then is the store lock worth its round trips. */
  private readonly shared: boolean;
  private readonly store: Store;
  private readonly repo: CaseRepository;
  private readonly logger: Logger;
  private readonly windowMs: number;
  private sweepTimer?: NodeJS.Timeout;
  readonly marks: DirtyMarks;

  constructor(private readonly o: MessageSyncOptions) {
    this.store = o.store;
    this.repo = o.repo;
    this.logger = o.logger;
    this.windowMs = o.windowMs ?? RENDER_WINDOW_MS;
    this.shared = o.shared ?? (o.store.kind === 'redis' || o.store.kind === 'postgres');
    this.marks = new DirtyMarks(o.store, { shared: this.shared, now: o.now });
  }

  /**
   * Runs a write to the case behind this process's dirty mark, and renders the case after it. The mark is written
   * once per flight (a burst of changes shares it) and cleared only when no write is between its mark and its end
   * and a render that started after all of them has shown the case; a crash anywhere in between leaves the mark, and
   * the next start renders the case again.
   */
  async change<T>(caseId: string, write: () => Promise<T>): Promise<T> {
    const f = await this.join(caseId, (flight) => {
      flight.writers++;
    });
    try {
      f.marking ??= this.marks.set(caseId).catch((err: unknown) => {
        f.marking = undefined;
        throw err;
      });
      await f.marking;
      return await write();
    } finally {
      f.writers--;
      f.again = true;
      f.wake?.();
    }
  }

  /**
   * Resolves once a render that started after this call has finished: true when it showed the case, false when it
   * failed and the case stays marked dirty. Calls while a render waits or runs join it: the render after the
   * current one shows all of them.
   */
  async sync(caseId: string): Promise<boolean> {
    const f = await this.join(caseId, (flight) => {
      flight.again = true;
    });
    return f.result;
  }

  /** Resolves when no render is waiting or running, including renders that calls made meanwhile started. */
  async idle(): Promise<void> {
    while (this.flights.size > 0) await Promise.all([...this.flights.values()].map((f) => f.result));
  }

  /**
   * Renders every case with a dirty mark: heals a crash between "change stored" and "messages updated". Marks that
   * dead processes left are cleared once the case is shown; those of live ones are left to their owners.
   */
  async repairAll(): Promise<number> {
    const marked = await this.marks.scan();
    await Promise.all(
      marked.map(async ({ caseId, staleForeign }) => {
        if (await this.sync(caseId)) await this.marks.clearKeys(staleForeign);
      }),
    );
    return marked.length;
  }

  /**
   * Renders the cases whose marks are old: left by a replica that died, or by a render that failed (a platform
   * away, a render lock a dead replica still held). Runs while the service runs, so such a case shows its stored
   * state again within about a minute, without a restart or a click.
   */
  async sweep(): Promise<number> {
    let repaired = 0;
    for (const { caseId, staleForeign, staleOwn } of await this.marks.scan()) {
      // This process's own mark is stale only if no change of its own is under way for the case.
      const own = staleOwn && !this.flights.has(caseId) ? [staleOwn] : [];
      const stale = [...staleForeign, ...own];
      if (!stale.length) continue;
      if (await this.sync(caseId)) {
        await this.marks.clearKeys(stale);
        repaired++;
      }
    }
    return repaired;
  }

  /** Sweeps every `everyMs` until stopSweeping(); one sweep at a time. */
  startSweeping(everyMs: number): void {
    if (everyMs <= 0 || this.sweepTimer) return;
    let running = false;
    this.sweepTimer = setInterval(() => {
      if (running) return;
      running = true;
      this.sweep()
        .then((n) => {
          if (n > 0) this.logger.info({ repaired: n }, 'case messages left stale were shown again');
        })
        .catch((err: unknown) => this.logger.warn({ err }, 'sweep of stale case messages failed; retried later'))
        .finally(() => {
          running = false;
        });
    }, everyMs);
    this.sweepTimer.unref();
  }

  stopSweeping(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  /**
   * Applies `intent` to the case's open flight, or to a new one; a new flight starts only after the previous one
   * has cleared its mark, so that clearing and the new mark cannot race. `intent` runs synchronously with the check,
   * so a flight never closes between "found open" and "has this call's render or writer".
   */
  private async join(caseId: string, intent: (f: Flight) => void): Promise<Flight> {
    for (;;) {
      const current = this.flights.get(caseId);
      if (!current) break;
      if (!current.closing) {
        intent(current);
        current.wake?.();
        return current;
      }
      await current.result;
    }
    const f: Flight = { again: false, writers: 0, closing: false, result: Promise.resolve(false) };
    intent(f);
    this.flights.set(caseId, f);
    f.result = this.fly(caseId, f);
    return f;
  }

  private async fly(caseId: string, f: Flight): Promise<boolean> {
    try {
      let shown = true;
      let waited = this.windowMs <= 0;
      for (;;) {
        if (f.again) {
          // The window opens with the first finished change, not with the first mark: on a networked store the
          // mark and the write of the others in the burst are still under way when the first mark lands.
          if (!waited) {
            await new Promise((resolve) => setTimeout(resolve, this.windowMs));
            waited = true;
          }
          f.again = false;
          // Memory and SQLite serve one process, where the flight already serializes renders.
          shown = this.shared
            ? await withLock(this.store, `render:${caseId}`, () => this.renderOnce(caseId))
            : await this.renderOnce(caseId);
          continue;
        }
        if (f.writers === 0) break;
        await new Promise<void>((resolve) => {
          f.wake = resolve;
        });
        f.wake = undefined;
      }
      f.closing = true;
      if (shown && f.marking) await this.marks.clear(caseId);
      return shown;
    } catch (err) {
      f.closing = true;
      this.logger.error({ err, caseId }, 'case message render failed; it stays marked for repair');
      return false;
    } finally {
      this.flights.delete(caseId);
    }
  }

  /** Shows the stored state; false when it could not (no messenger for the platform yet). */
  private async renderOnce(caseId: string): Promise<boolean> {
    const state = await this.repo.loadForRender(caseId);
    if (!state) return true;
    await this.o.beforeMessages(state);
    const { snapshot, messageIds } = state;
    const messenger = this.o.messengers.get(snapshot.data.origin.platform);
    if (!messenger) {
      this.logger.warn(
        { caseId, platform: snapshot.data.origin.platform },
        'no messenger for platform; render postponed',
      );
      return false;
    }
    try {
      const views = this.o.views;
      const caseMessage = await this.put(messenger, snapshot, messageIds.case, 'case', caseCard(snapshot, views));
      if (snapshot.transfer) {
        const checklist = checklistCard(snapshot, views);
        await this.put(messenger, snapshot, messageIds.checklist, 'checklist', checklist, caseMessage);
      }
      this.o.afterMessages?.(state);
      return true;
    } catch (err) {
      if (!(err instanceof ConversationGoneError)) throw err;
      this.logger.warn({ caseId, reason: err.message }, 'conversation gone: case messages and reminders stop');
      await this.o.onGone(state);
      return true;
    }
  }

  private async put(
    messenger: Messenger,
    snapshot: CaseSnapshot,
    existing: string | undefined,
    kind: CaseMessageKind,
    view: View,
    thread?: string,
  ): Promise<string> {
    const { origin, id } = snapshot.data;
    const target: Target = { ...origin, thread: kind === 'case' ? origin.thread : thread };
    if (existing) {
      try {
        await messenger.update(target, existing, view);
        return existing;
      } catch (err) {
        if (!(err instanceof MessageGoneError)) throw err;
        // Someone deleted the message; the case still needs its buttons, so it is posted again below.
        this.logger.warn({ caseId: id, kind, messageId: existing }, 'case message was deleted; posting it again');
      }
    }
    const { messageId } = await messenger.post(target, view);
    await this.repo.setMessageId(id, kind, messageId);
    return messageId;
  }
}
