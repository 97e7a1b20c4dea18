// Where a case's data, facts, message ids and indexes live in the store; one key per independent fact.
import type { Store } from '../store/store.js';
import {
  type CaseData,
  type CaseFact,
  type CaseOrigin,
  type CaseSnapshot,
  CHECKLIST_ITEMS,
  type ChecklistItem,
  deriveSnapshot,
  itemSeq,
  type Platform,
  ROLES,
  type UserRef,
} from './case.js';
import { chainFact, chainHead, genesisHash } from './fact-chain.js';

export type CaseMessageKind = 'case' | 'checklist';

/** A case as a render needs it, read in one go. */
export interface RenderState {
  snapshot: CaseSnapshot;
  messageIds: Partial<Record<CaseMessageKind, string>>;
  plannedSeries?: string;
  /** Checklist reminders are paused until then (ISO). */
  snoozedUntil?: string;
}

/** A stored fact and its key within the case (`created`, `r1:client`, `item:rabobank:2` …). */
export interface StoredFact {
  key: string;
  fact: CaseFact;
}

export interface CaseIndexEntry {
  caseId: string;
  createdAt: string;
}

const CASE_PREFIX = 'case:';
const caseKey = (id: string) => `${CASE_PREFIX}${id}`;
const factPrefix = (id: string) => `case:${id}:f:`;
const roundHintKey = (id: string) => `case:${id}:round`;
/** Set before an item's second fact is written: only then are later facts looked for, so reads stay one query. */
const itemsHintKey = (id: string) => `case:${id}:items`;
const itemName = (item: ChecklistItem, seq: number) => (seq === 1 ? `item:${item}` : `item:${item}:${seq}`);
const itemKey = (id: string, item: ChecklistItem, seq: number) => `${factPrefix(id)}${itemName(item, seq)}`;
/** How many later facts per item one read asks for; an item undone more often takes another read. */
const ITEM_BATCH = 4;
const messageKey = (id: string, kind: CaseMessageKind) => `case:${id}:msg:${kind}`;
const snoozeKey = (id: string) => `case:${id}:snooze`;
const planKey = (id: string) => `case:${id}:plan`;
const conversationPrefix = (platform: Platform, conversation: string) => `conv:${platform}:${conversation}:`;
/** Ids are encoded: a Teams id has colons ("29:1…"), and one id must never be a key prefix of another's entries. */
const userPrefix = (platform: Platform, user: string) => `user:${platform}:${encodeURIComponent(user)}:`;

/** Everyone a case concerns: its requester and its three approvers, each once. */
export function involvedUsers(data: CaseData): UserRef[] {
  const seen = new Map<string, UserRef>();
  for (const u of [data.requester, ...ROLES.map((r) => data.approvers[r])]) seen.set(`${u.platform}:${u.id}`, u);
  return [...seen.values()];
}

/**
 * Every key a case owns here, without a scan: its record, its conversation index entry (when the origin is known),
 * the per-user index entries of the people it involves, hints, message ids, reminder plan, snooze, and the facts
 * named (as storedFacts() lists them). Retention deletes them all; a key added to this module belongs here too.
 */
export function caseKeys(
  caseId: string,
  origin: Pick<CaseOrigin, 'platform' | 'conversation'> | undefined,
  factNames: string[],
  users: readonly Pick<UserRef, 'platform' | 'id'>[] = [],
): string[] {
  return [
    caseKey(caseId),
    ...(origin ? [`${conversationPrefix(origin.platform, origin.conversation)}${caseId}`] : []),
    ...users.map((u) => `${userPrefix(u.platform, u.id)}${caseId}`),
    roundHintKey(caseId),
    itemsHintKey(caseId),
    messageKey(caseId, 'case'),
    messageKey(caseId, 'checklist'),
    planKey(caseId),
    snoozeKey(caseId),
    ...factNames.map((name) => storedFactKey(caseId, name)),
  ];
}

const READ_AHEAD = 16;

/**
 * Each item with what `read` gives for it, in order, reading a few items ahead: on PostgreSQL and Redis each read is
 * a round trip. For streaming cases (allCases) with their facts or a judgement on them.
 */
export async function* readAhead<T, R>(items: AsyncIterable<T>, read: (item: T) => Promise<R>): AsyncIterable<[T, R]> {
  const ahead: [T, Promise<R>][] = [];
  for await (const item of items) {
    const result = read(item);
    // Awaited in turn below; until then a failed read must not count as an unhandled rejection.
    result.catch(() => undefined);
    ahead.push([item, result]);
    if (ahead.length < READ_AHEAD) continue;
    const [first, pending] = ahead.shift()!;
    yield [first, await pending];
  }
  for (const [item, pending] of ahead) yield [item, await pending];
}

/** The store key of a fact by its name within the case (as StoredFact.key has it). */
export const storedFactKey = (caseId: string, name: string) => `${factPrefix(caseId)}${name}`;

/** The key a fact is written under: a second write of the same fact (double click, retry) finds it taken. */
export function factKey(caseId: string, fact: CaseFact): string {
  return `${factPrefix(caseId)}${factName(fact)}`;
}

/** A fact's key within its case (`created`, `r1:client`, `item:rabobank:2` …): what the audit trail calls it. */
export function factName(fact: CaseFact): string {
  switch (fact.type) {
    case 'created':
      return 'created';
    case 'decision':
      return `r${fact.round}:${fact.role}`;
    case 'roundStarted':
      return `round:${fact.round}`;
    case 'transferConfirmed':
      return 'transfer';
    case 'checklist':
      // One key per press on the item: two presses on the same state race for the same key, and one wins.
      return itemName(fact.item, itemSeq(fact));
    case 'cancelled':
      return 'cancel';
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
    await this.addFact(data.id, created, genesisHash(data));
    const entry: CaseIndexEntry = { caseId: data.id, createdAt: data.createdAt };
    await this.store.set(`${conversationPrefix(data.origin.platform, data.origin.conversation)}${data.id}`, entry);
    // Per person, so "my takeovers" reads one user's entries instead of every case in the store.
    await Promise.all(
      involvedUsers(data).map((u) => this.store.set(`${userPrefix(u.platform, u.id)}${data.id}`, entry)),
    );
  }

  /**
   * Records a fact once, chained to `prev` (chainHead of the snapshot the writer acted on); false when the same fact
   * was already recorded (by a racing or repeated request). Without `prev` the case is read to find its head.
   */
  async addFact(caseId: string, fact: CaseFact, prev?: string): Promise<boolean> {
    const link = prev ?? (await this.headOf(caseId));
    if (fact.type === 'checklist' && itemSeq(fact) > 1) await this.store.set(itemsHintKey(caseId), true);
    const written = await this.store.setIfAbsent(factKey(caseId, fact), chainFact(fact, link));
    if (written && fact.type === 'roundStarted') await this.store.set(roundHintKey(caseId), fact.round);
    return written;
  }

  private async headOf(caseId: string): Promise<string> {
    const snapshot = await this.load(caseId);
    if (!snapshot) throw new Error(`case ${caseId} not found: a fact needs its case`);
    return chainHead(snapshot);
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

  /** Every case record, streamed from a prefix scan: memory stays flat however many cases there are. */
  async *allCases(): AsyncIterable<CaseData> {
    for await (const [key, data] of this.store.scan<CaseData>(CASE_PREFIX)) {
      // The scan also meets each case's facts, hints and message ids (case:<id>:…); only the record's key has one colon.
      if (!key.includes(':', CASE_PREFIX.length)) yield data;
    }
  }

  async caseData(caseId: string): Promise<CaseData | undefined> {
    return this.store.get<CaseData>(caseKey(caseId));
  }

  /**
   * Every stored fact of a case with its key, in lifecycle order, for the audit. Unlike load() it trusts no hint and
   * reads on past a gap a deleted fact left: rounds and each item's presses are read while their last batch found any.
   */
  async storedFacts(caseId: string): Promise<StoredFact[]> {
    const p = factPrefix(caseId);
    const got = new Map<string, CaseFact>();
    const read = async (keys: string[]) => {
      const values = await this.store.getMany<CaseFact>(keys);
      keys.forEach((k, i) => {
        if (values[i] !== undefined) got.set(k, values[i]);
      });
    };
    const any = (keys: string[]) => keys.some((k) => got.has(k));
    const roundKeys = (r: number) => [
      ...(r > 1 ? [`${p}round:${r}`] : []),
      ...ROLES.map((role) => `${p}r${r}:${role}`),
    ];
    const itemBatch = (item: ChecklistItem, from: number) =>
      Array.from({ length: ITEM_BATCH }, (_, i) => itemKey(caseId, item, from + i));
    const rounds = [roundKeys(1), roundKeys(2)];
    const items = new Map(CHECKLIST_ITEMS.map((item) => [item, [itemBatch(item, 1)]]));
    await read([`${p}created`, ...rounds.flat(), `${p}transfer`, ...[...items.values()].flat(2), `${p}cancel`]);
    while (any(rounds.at(-1)!)) {
      rounds.push(roundKeys(rounds.length + 1));
      await read(rounds.at(-1)!);
    }
    for (let going = CHECKLIST_ITEMS.filter((i) => any(items.get(i)![0]!)); going.length > 0; ) {
      const next = going.map((item) => itemBatch(item, items.get(item)!.length * ITEM_BATCH + 1));
      for (const [n, item] of going.entries()) items.get(item)!.push(next[n]!);
      await read(next.flat());
      going = going.filter((item) => any(items.get(item)!.at(-1)!));
    }
    const order = [`${p}created`, ...rounds.flat(), `${p}transfer`, ...[...items.values()].flat(2), `${p}cancel`];
    return order.flatMap((k) => {
      const fact = got.get(k);
      return fact ? [{ key: k.slice(p.length), fact }] : [];
    });
  }

  /**
   * Writes the per-user index entries a case created before that index existed lacks; how many cases needed one.
   * Streams the store's cases; an entry already there is left as it is (setIfAbsent), so running it twice is harmless.
   */
  async backfillUserIndex(): Promise<number> {
    let indexed = 0;
    for await (const data of this.allCases()) {
      const entry: CaseIndexEntry = { caseId: data.id, createdAt: data.createdAt };
      const written = await Promise.all(
        involvedUsers(data).map((u) => this.store.setIfAbsent(`${userPrefix(u.platform, u.id)}${data.id}`, entry)),
      );
      if (written.some(Boolean)) indexed++;
    }
    return indexed;
  }

  /** The cases a person requested or was named an approver in, newest first (from the per-user index). */
  async casesOfUser(user: UserRef): Promise<CaseIndexEntry[]> {
    const entries: CaseIndexEntry[] = [];
    for await (const [, entry] of this.store.scan<CaseIndexEntry>(userPrefix(user.platform, user.id))) {
      entries.push(entry);
    }
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async casesInConversation(platform: Platform, conversation: string): Promise<string[]> {
    const entries: CaseIndexEntry[] = [];
    for await (const [, entry] of this.store.scan<CaseIndexEntry>(conversationPrefix(platform, conversation))) {
      entries.push(entry);
    }
    return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((e) => e.caseId);
  }
}
