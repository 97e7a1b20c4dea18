// Where a case's data, facts, message ids and indexes live in the store; one key per independent fact.
import type { Store } from '../store/store.js';
import {
  type CaseData,
  type CaseFact,
  type CaseSnapshot,
  CHECKLIST_ITEMS,
  type ChecklistItem,
  deriveSnapshot,
  itemSeq,
  type Platform,
  ROLES,
} from './case.js';

export type CaseMessageKind = 'case' | 'checklist';

/** A case as a render needs it, read in one go. */
export interface RenderState {
  snapshot: CaseSnapshot;
  messageIds: Partial<Record<CaseMessageKind, string>>;
  plannedSeries?: string;
  /** Checklist reminders are paused until then (ISO). */
  snoozedUntil?: string;
}

export interface CaseIndexEntry {
  caseId: string;
  createdAt: string;
}

const caseKey = (id: string) => `case:${id}`;
const factPrefix = (id: string) => `case:${id}:f:`;
const roundHintKey = (id: string) => `case:${id}:round`;
/** Set before an item's second fact is written: only then are later facts looked for, so reads stay one query. */
const itemsHintKey = (id: string) => `case:${id}:items`;
const itemKey = (id: string, item: ChecklistItem, seq: number) =>
  seq === 1 ? `${factPrefix(id)}item:${item}` : `${factPrefix(id)}item:${item}:${seq}`;
/** How many later facts per item one read asks for; an item undone more often takes another read. */
const ITEM_BATCH = 4;
const messageKey = (id: string, kind: CaseMessageKind) => `case:${id}:msg:${kind}`;
const snoozeKey = (id: string) => `case:${id}:snooze`;
const planKey = (id: string) => `case:${id}:plan`;
const conversationPrefix = (platform: Platform, conversation: string) => `conv:${platform}:${conversation}:`;

/** The key a fact is written under: a second write of the same fact (double click, retry) finds it taken. */
export function factKey(caseId: string, fact: CaseFact): string {
  const p = factPrefix(caseId);
  switch (fact.type) {
    case 'created':
      return `${p}created`;
    case 'decision':
      return `${p}r${fact.round}:${fact.role}`;
    case 'roundStarted':
      return `${p}round:${fact.round}`;
    case 'transferConfirmed':
      return `${p}transfer`;
    case 'checklist':
      // One key per press on the item: two presses on the same state race for the same key, and one wins.
      return itemKey(caseId, fact.item, itemSeq(fact));
    case 'cancelled':
      return `${p}cancel`;
  }
}

/** Every fact key of a case up to `round`, in lifecycle order: facts with equal timestamps keep it in the audit trail. */
function factKeys(caseId: string, round: number): string[] {
  const p = factPrefix(caseId);
  const keys = [`${p}created`];
  for (let r = 1; r <= round; r++) {
    if (r > 1) keys.push(`${p}round:${r}`);
    for (const role of ROLES) keys.push(`${p}r${r}:${role}`);
  }
  keys.push(`${p}transfer`, ...CHECKLIST_ITEMS.map((i) => `${p}item:${i}`), `${p}cancel`);
  return keys;
}

export class CaseRepository {
  constructor(private readonly store: Store) {}

  async create(data: CaseData, created: CaseFact): Promise<void> {
    await this.store.set(caseKey(data.id), data);
    await this.addFact(data.id, created);
    await this.store.set(`${conversationPrefix(data.origin.platform, data.origin.conversation)}${data.id}`, {
      caseId: data.id,
      createdAt: data.createdAt,
    } satisfies CaseIndexEntry);
  }

  /** Records a fact once; false when the same fact was already recorded (by a racing or repeated request). */
  async addFact(caseId: string, fact: CaseFact): Promise<boolean> {
    if (fact.type === 'checklist' && itemSeq(fact) > 1) await this.store.set(itemsHintKey(caseId), true);
    const written = await this.store.setIfAbsent(factKey(caseId, fact), fact);
    if (written && fact.type === 'roundStarted') await this.store.set(roundHintKey(caseId), fact.round);
    return written;
  }

  async load(caseId: string): Promise<CaseSnapshot | undefined> {
    return (await this.loadWith(caseId, [])).snapshot;
  }

  /**
   * What a render or a reminder needs, in the same single read as load(): the snapshot, its message ids, its reminder
   * plan and snooze.
   */
  async loadForRender(caseId: string): Promise<RenderState | undefined> {
    const { snapshot, extras } = await this.loadWith(caseId, [
      messageKey(caseId, 'case'),
      messageKey(caseId, 'checklist'),
      planKey(caseId),
      snoozeKey(caseId),
    ]);
    if (!snapshot) return undefined;
    const [caseMessage, checklistMessage, plannedSeries, snoozedUntil] = extras as (string | undefined)[];
    return { snapshot, messageIds: { case: caseMessage, checklist: checklistMessage }, plannedSeries, snoozedUntil };
  }

  /**
   * One read in the common case: the data, the round hint, the probe for a next round, round 1's facts and any extra
   * keys come in a single getMany (one query on SQLite/PostgreSQL, one MGET-like call on Redis); later rounds need a
   * second read.
   */
  private async loadWith(caseId: string, extraKeys: string[]) {
    const p = factPrefix(caseId);
    const keys = [caseKey(caseId), roundHintKey(caseId), `${p}round:2`, itemsHintKey(caseId), ...factKeys(caseId, 1)];
    const values = await this.store.getMany<unknown>([...keys, ...extraKeys]);
    const extras = values.slice(keys.length);
    const [data, hint, next, itemsHint, ...first] = values.slice(0, keys.length);
    if (!data) return { snapshot: undefined, extras };
    let facts = (first as (CaseFact | undefined)[]).filter((f): f is CaseFact => f !== undefined);
    if (hint !== undefined || next !== undefined) {
      const round = await this.currentRound(caseId, typeof hint === 'number' ? hint : 1);
      if (round > 1)
        facts = (await this.store.getMany<CaseFact>(factKeys(caseId, round))).filter(
          (f): f is CaseFact => f !== undefined,
        );
    }
    if (itemsHint) facts = [...facts, ...(await this.laterItemFacts(caseId))];
    const snapshot = deriveSnapshot(data as CaseData, facts);
    return { snapshot, extras };
  }

  /** Every item's facts after its first, read in batches until each item's run of keys ends. */
  private async laterItemFacts(caseId: string): Promise<CaseFact[]> {
    const found: CaseFact[] = [];
    let items: readonly ChecklistItem[] = CHECKLIST_ITEMS;
    for (let from = 2; items.length > 0; from += ITEM_BATCH) {
      const keys = items.flatMap((item) =>
        Array.from({ length: ITEM_BATCH }, (_, i) => itemKey(caseId, item, from + i)),
      );
      const values = await this.store.getMany<CaseFact>(keys);
      found.push(...values.filter((f): f is CaseFact => f !== undefined));
      // An item goes on only while its batch was full: seqs are written one after another, without gaps.
      items = items.filter((_, n) => values[n * ITEM_BATCH + ITEM_BATCH - 1] !== undefined);
    }
    return found;
  }

  /** The hint can lag behind a round written by another process, so probe upward from it. */
  private async currentRound(caseId: string, hint: number): Promise<number> {
    let round = hint;
    while (await this.store.get(`${factPrefix(caseId)}round:${round + 1}`)) round++;
    return round;
  }

  async messageId(caseId: string, kind: CaseMessageKind): Promise<string | undefined> {
    return this.store.get<string>(messageKey(caseId, kind));
  }

  async setMessageId(caseId: string, kind: CaseMessageKind, messageId: string): Promise<void> {
    await this.store.set(messageKey(caseId, kind), messageId);
  }

  /** The reminder series last planned for the case (see ReminderService.follow). */
  async setPlannedSeries(caseId: string, series: string): Promise<void> {
    await this.store.set(planKey(caseId), series);
  }

  async snooze(caseId: string, until: string): Promise<void> {
    await this.store.set(snoozeKey(caseId), until);
  }

  async casesInConversation(platform: Platform, conversation: string): Promise<string[]> {
    const entries: CaseIndexEntry[] = [];
    for await (const [, entry] of this.store.scan<CaseIndexEntry>(conversationPrefix(platform, conversation))) {
      entries.push(entry);
    }
    return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((e) => e.caseId);
  }
}
