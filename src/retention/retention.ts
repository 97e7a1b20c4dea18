// Retention: which closed cases have outlived RETENTION_MONTHS, and deleting each with every key it left in the store.
import { createHash } from 'node:crypto';
import { normalName } from '../audit/trail.js';
import type { Clock } from '../clock.js';
import {
  type CaseData,
  type CaseFact,
  type CaseOrigin,
  type CaseStatus,
  deriveSnapshot,
  type UserRef,
} from '../domain/case.js';
import { CaseRepository, caseKeys, involvedUsers, readAhead, storedFactKey } from '../domain/case-repository.js';
import { linkKeysOfCase } from '../external/approval-link.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { ReminderScheduler } from '../reminders/scheduler.js';
import type { Store } from '../store/store.js';

/** Statuses nothing happens in any more; every other case is open and kept however old it is. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['completed', 'rejected', 'cancelled'];

/** A case the job deletes: what the dry run lists and the deletion logs. */
export interface ExpiredCase {
  caseId: string;
  /** Absent only for a deletion a crash cut off after the record went (the marker keeps no name). */
  clientName?: string;
  clientSha256: string;
  status: CaseStatus;
  /** The case's closing time: the latest `at` of its facts (ISO). */
  closedAt: string;
  facts: number;
  /** A deletion a crash cut off, to be finished. */
  resumed: boolean;
}

export interface RetentionTotals {
  cases: number;
  facts: number;
  keys: number;
}

/** The closing time (ms) of a closed case whose last fact is before the cutoff; undefined for any other case. */
function expiredAt(status: CaseStatus, facts: CaseFact[], cutoff: number): number | undefined {
  if (!CLOSED_STATUSES.includes(status) || facts.length === 0) return undefined;
  const closed = Math.max(...facts.map((f) => Date.parse(f.at)));
  return closed < cutoff ? closed : undefined;
}

/** Written before the first key of a case goes, removed after the last: a crash half-way is finished next run. */
const MARKER_PREFIX = 'purge:';
type Marker = Omit<ExpiredCase, 'clientName' | 'resumed' | 'caseId'> & {
  /** Where the conversation index entry is, once the record that says so is gone. */
  origin?: Pick<CaseOrigin, 'platform' | 'conversation'>;
  /** Whose per-user index entries ("my takeovers") to delete, for the same reason. */
  users?: Pick<UserRef, 'platform' | 'id'>[];
};

/**
 * The moment `months` calendar months before `now` (UTC): the same day and time of the month, or the month's last
 * day when it is shorter (31 March minus one month is 28 or 29 February). A case closed before it has expired.
 */
export function retentionCutoff(now: Date, months: number): Date {
  const first = new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth() - months,
      1,
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return first;
}

/**
 * SHA-256 (hex) of the client name as the audit's --client compares it: NFC, trimmed, spaces collapsed, lower case.
 * The deletion log can then be checked against a name however it was typed, without the log holding the name.
 */
export function clientHash(name: string): string {
  return createHash('sha256').update(normalName(name), 'utf8').digest('hex');
}

/**
 * Keys of a case outside the repository's namespace that can be named without a scan: reminder pointers (both
 * schedulers, `sched:<kind>:<case>`), the render lock (message-sync.ts, `lock:render:<case>`) and outside approvers'
 * current links (`extlink:<case>:<role>`, which name and address the person). Their nonces expire by themselves.
 */
const otherKeys = (caseId: string) => [
  `sched:approvals:${caseId}`,
  `sched:checklist:${caseId}`,
  `lock:render:${caseId}`,
  ...linkKeysOfCase(caseId),
];

/**
 * Keys with a case id in the middle, found by one scan of their (small) namespace per run rather than one per case:
 * a prefix scan per case would read the whole table on PostgreSQL each time. Dirty marks (`dirty:<case>:<process>`,
 * dirty-marks.ts) and sent-reminder records (`fired:<kind>-<case>-<due>`, bullmq-scheduler.ts, kept 7 days).
 */
async function strayKeys(store: Store): Promise<Map<string, string[]>> {
  const byCase = new Map<string, string[]>();
  const add = (caseId: string | undefined, key: string) => {
    if (!caseId) return;
    const keys = byCase.get(caseId);
    if (keys) keys.push(key);
    else byCase.set(caseId, [key]);
  };
  for await (const [key] of store.scan('dirty:')) add(key.split(':')[1], key);
  for await (const [key] of store.scan('fired:')) add(/^fired:[a-z]+-(.+)-\d+$/.exec(key)?.[1], key);
  return byCase;
}

export interface RetentionOptions {
  store: Store;
  clock: Clock;
  months: number;
  logger?: Logger;
  metrics?: Metrics;
  /** Removes a case's queued reminders with their pointers (BullMQ keeps jobs outside the store). */
  scheduler?: Pick<ReminderScheduler, 'cancel'>;
}

export class Retention {
  private readonly repo: CaseRepository;
  private running?: Promise<RetentionTotals>;

  constructor(private readonly o: RetentionOptions) {
    this.repo = new CaseRepository(o.store);
  }

  cutoff(): Date {
    return retentionCutoff(this.o.clock.now(), this.o.months);
  }

  /**
   * What a run would delete, streamed: first deletions a crash cut off, then every closed case whose last fact is
   * older than the cutoff. Cases come from a prefix scan, judged 16 ahead; nothing else is held but the unfinished
   * ones' ids.
   */
  async *expired(): AsyncIterable<ExpiredCase> {
    const unfinished = new Set<string>();
    for await (const [key, marker] of this.o.store.scan<Marker>(MARKER_PREFIX)) {
      const caseId = key.slice(MARKER_PREFIX.length);
      unfinished.add(caseId);
      const data = await this.repo.caseData(caseId);
      yield { ...marker, caseId, clientName: data?.clientName, resumed: true };
    }
    const cutoff = this.cutoff().getTime();
    const repo = this.repo;
    async function* pending(): AsyncIterable<CaseData> {
      for await (const data of repo.allCases()) if (!unfinished.has(data.id)) yield data;
    }
    for await (const [, found] of readAhead(pending(), (data) => this.judge(data, cutoff))) if (found) yield found;
  }

  /**
   * The case as expired, or undefined. The common answer (open, or closed recently) comes from one read; only a case
   * that has expired has its whole trail read, for the fact count and closing time the log and the dry run give.
   */
  private async judge(data: CaseData, cutoff: number): Promise<ExpiredCase | undefined> {
    const quick = await this.repo.load(data.id);
    if (!quick || !expiredAt(quick.status, quick.audit, cutoff)) return undefined;
    const facts = (await this.repo.storedFacts(data.id)).map((s) => s.fact);
    const status = deriveSnapshot(data, facts).status;
    const closed = expiredAt(status, facts, cutoff);
    if (closed === undefined) return undefined;
    return {
      caseId: data.id,
      clientName: data.clientName,
      clientSha256: clientHash(data.clientName),
      status,
      closedAt: new Date(closed).toISOString(),
      facts: facts.length,
      resumed: false,
    };
  }

  /** Deletes what expired() lists, one case at a time, each logged and counted. Never two runs at once. */
  run(): Promise<RetentionTotals> {
    this.running ??= this.deleteExpired().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Deletes the expired cases `select` accepts (all by default), each logged and counted, telling `deleted` of each
   * (the audit command's --purge).
   */
  async deleteExpired(
    select: (c: ExpiredCase) => boolean = () => true,
    deleted?: (c: ExpiredCase, keys: number) => void | Promise<void>,
  ): Promise<RetentionTotals> {
    const totals: RetentionTotals = { cases: 0, facts: 0, keys: 0 };
    const cutoff = this.cutoff();
    const strays = await strayKeys(this.o.store);
    for await (const found of this.expired()) {
      if (!select(found)) continue;
      const keys = await this.purge(found, strays.get(found.caseId) ?? []);
      totals.cases++;
      totals.facts += found.facts;
      totals.keys += keys;
      this.o.logger?.info(
        {
          caseId: found.caseId,
          clientSha256: found.clientSha256,
          status: found.status,
          closedAt: found.closedAt,
          facts: found.facts,
          keys,
          ...(found.resumed ? { resumed: true } : {}),
        },
        'retention: deleted case',
      );
      this.o.metrics?.retentionCases.inc({ status: found.status });
      this.o.metrics?.retentionFacts.inc(found.facts);
      await deleted?.(found, keys);
    }
    this.o.logger?.info(
      { ...totals, months: this.o.months, closedBefore: cutoff.toISOString() },
      'retention: run finished',
    );
    return totals;
  }

  /**
   * Deletes every key of the case; how many there were. The record goes last but for the marker: until then the case
   * is found again, and the marker, written first, finishes a deletion that lost facts its status depends on.
   */
  private async purge(found: ExpiredCase, strays: string[]): Promise<number> {
    const { store } = this.o;
    const id = found.caseId;
    const marker = `${MARKER_PREFIX}${id}`;
    const data = await this.repo.caseData(id);
    let origin = data && { platform: data.origin.platform, conversation: data.origin.conversation };
    let users = data && involvedUsers(data).map((u) => ({ platform: u.platform, id: u.id }));
    if (found.resumed) {
      const kept = await store.get<Marker>(marker);
      origin ??= kept?.origin;
      users ??= kept?.users;
    } else {
      const { clientName: _name, resumed: _resumed, caseId: _id, ...kept } = found;
      await store.set<Marker>(marker, { ...kept, origin, users });
    }
    if (this.o.scheduler) {
      await this.o.scheduler.cancel(id, 'approvals');
      await this.o.scheduler.cancel(id, 'checklist');
    }
    const record = `case:${id}`;
    const factNames = async () => (await this.repo.storedFacts(id)).map((f) => f.key);
    const candidates = [...caseKeys(id, origin, await factNames(), users), ...otherKeys(id), ...strays];
    const present = await store.getMany(candidates);
    const keys = candidates.filter((key, i) => present[i] !== undefined && key !== record);
    for (const key of keys) await store.delete(key);
    await store.delete(record);
    // A press on the old card that read the case before it went may have added a fact meanwhile: look once more.
    // (Presses that read it after find no case.)
    const late = await factNames();
    for (const name of late) await store.delete(storedFactKey(id, name));
    await store.delete(marker);
    return keys.length + (data ? 1 : 0) + late.length;
  }
}
