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
import { ConversationGoneError, MessageGoneError, type Messenger, type Target, type View } from './view.js';

/**
 * How long a case's first change waits before its render. Changes come in bursts (three approvers answering a
 * request together, checklist items ticked one after another, Slack retries); one render then shows the whole burst.
 * Each render is a chat.update / updateActivity, and Slack rate-limits chat.update per workspace (Tier 3), so fewer
 * calls also keep bursts clear of 429s. A person does not notice 10 ms.
 */
export const RENDER_WINDOW_MS = 10;
const dirtyKey = (caseId: string) => `dirty:${caseId}`;

interface Flight {
  again: boolean;
  done: Promise<void>;
}

export interface MessageSyncOptions {
  store: Store;
  repo: CaseRepository;
  messengers: Map<string, Messenger>;
  views: ViewOptions;
  logger: Logger;
  /** Runs in every render before the messages, with the state read for it (the engine plans reminders here). */
  beforeMessages: (state: RenderState) => Promise<void>;
  /** The platform says the bot can no longer post in the case's conversation. */
  onGone: (caseId: string) => Promise<void>;
  /** See RENDER_WINDOW_MS; tests of the serialization itself set 0. */
  windowMs?: number;
}

export class MessageSync {
  private readonly flights = new Map<string, Flight>();
  /** Whether other processes may render the same case: only then is the store lock worth its round trips. */
  private readonly shared: boolean;
  private readonly store: Store;
  private readonly repo: CaseRepository;
  private readonly logger: Logger;
  private readonly windowMs: number;

  constructor(private readonly o: MessageSyncOptions) {
    this.store = o.store;
    this.repo = o.repo;
    this.logger = o.logger;
    this.windowMs = o.windowMs ?? RENDER_WINDOW_MS;
    this.shared = o.store.kind === 'redis' || o.store.kind === 'postgres';
  }

  /** Marks the case's messages as needing a render; survives a crash, so start-up can heal them. */
  async markDirty(caseId: string): Promise<void> {
    await this.store.set(dirtyKey(caseId), true);
  }

  /**
   * Resolves once a render that started after this call has finished (or failed and stays marked dirty). Calls
   * while a render waits or runs join it: the render after the current one shows all of them.
   */
  sync(caseId: string): Promise<void> {
    const flight = this.flights.get(caseId);
    if (flight) {
      flight.again = true;
      return flight.done;
    }
    const next: Flight = { again: true, done: Promise.resolve() };
    next.done = (async () => {
      try {
        if (this.windowMs > 0) await new Promise((resolve) => setTimeout(resolve, this.windowMs));
        while (next.again) {
          next.again = false;
          // Memory and SQLite serve one process, where the coalescing above already serializes renders.
          if (this.shared) await withLock(this.store, `render:${caseId}`, () => this.renderOnce(caseId));
          else await this.renderOnce(caseId);
        }
      } catch (err) {
        this.logger.error({ err, caseId }, 'case message render failed; it stays marked for repair');
      } finally {
        this.flights.delete(caseId);
      }
    })();
    this.flights.set(caseId, next);
    return next.done;
  }

  /** Resolves when no render is waiting or running, including renders that calls made meanwhile started. */
  async idle(): Promise<void> {
    while (this.flights.size > 0) await Promise.all([...this.flights.values()].map((f) => f.done));
  }

  /** Renders every case marked dirty: heals a crash between "decision stored" and "message updated". */
  async repairAll(): Promise<number> {
    const ids: string[] = [];
    for await (const [key] of this.store.scan<boolean>('dirty:')) ids.push(key.slice('dirty:'.length));
    await Promise.all(ids.map((id) => this.sync(id)));
    return ids.length;
  }

  private async renderOnce(caseId: string): Promise<void> {
    const state = await this.repo.loadForRender(caseId);
    if (!state) {
      await this.store.delete(dirtyKey(caseId));
      return;
    }
    await this.o.beforeMessages(state);
    const { snapshot, messageIds } = state;
    const messenger = this.o.messengers.get(snapshot.data.origin.platform);
    if (!messenger) {
      this.logger.warn(
        { caseId, platform: snapshot.data.origin.platform },
        'no messenger for platform; render postponed',
      );
      return;
    }
    try {
      const views = this.o.views;
      const caseMessage = await this.put(messenger, snapshot, messageIds.case, 'case', caseCard(snapshot, views));
      if (snapshot.transfer) {
        const checklist = checklistCard(snapshot, views);
        await this.put(messenger, snapshot, messageIds.checklist, 'checklist', checklist, caseMessage);
      }
      await this.store.delete(dirtyKey(caseId));
    } catch (err) {
      if (!(err instanceof ConversationGoneError)) throw err;
      this.logger.warn({ caseId, reason: err.message }, 'conversation gone: case messages and reminders stop');
      await this.store.delete(dirtyKey(caseId));
      await this.o.onGone(caseId);
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

/** Where follow-ups of a case go: the thread under its case message. */
export async function caseThread(repo: CaseRepository, snapshot: CaseSnapshot): Promise<Target> {
  const root = await repo.messageId(snapshot.data.id, 'case');
  return { ...snapshot.data.origin, thread: root ?? snapshot.data.origin.thread };
}
