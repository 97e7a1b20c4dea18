// Retention: which closed cases have outlived RETENTION_MONTHS, and deleting each with every key it left in the store.
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { type CaseData, type CaseStatus, deriveSnapshot } from '../domain/case.js';
import { CaseRepository, caseKeyspace } from '../domain/case-repository.js';
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

/** Written before the first key of a case goes, removed after the last: a crash half-way is finished next run. */
const MARKER_PREFIX = 'purge:';
type Marker = Omit<ExpiredCase, 'clientName' | 'resumed' | 'caseId'>;

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
  const normal = name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return createHash('sha256').update(normal, 'utf8').digest('hex');
}

/**
 * Keys of a case outside the repository's namespace, written by the dialog and the reminder schedulers. Keep in step
 * with dirty-marks.ts (`dirty:<case>:<process>`), both schedulers (`sched:<kind>:<case>`), bullmq-scheduler.ts
 * (`fired:<kind>-<case>-<due>`) and message-sync.ts (the lock `lock:render:<case>`).
 */
function otherKeys(caseId: string): { exact: string[]; prefixes: string[] } {
  return {
    exact: [`sched:approvals:${caseId}`, `sched:checklist:${caseId}`, `lock:render:${caseId}`],
    prefixes: [`dirty:${caseId}:`, `fired:approvals-${caseId}-`, `fired:checklist-${caseId}-`],
  };
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
   * older than the cutoff. Reads one case at a time from a prefix scan; nothing is held but the few unfinished ones.
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
    for await (const data of this.repo.allCases()) {
      if (unfinished.has(data.id)) continue;
      const found = await this.judge(data, cutoff);
      if (found) yield found;
    }
  }

  private async judge(data: CaseData, cutoff: number): Promise<ExpiredCase | undefined> {
    const stored = await this.repo.storedFacts(data.id);
    const facts = stored.map((s) => s.fact);
    const status = deriveSnapshot(data, facts).status;
    if (!CLOSED_STATUSES.includes(status) || facts.length === 0) return undefined;
    const closed = Math.max(...facts.map((f) => Date.parse(f.at)));
    if (!(closed < cutoff)) return undefined;
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
    for await (const found of this.expired()) {
      if (!select(found)) continue;
      const keys = await this.purge(found);
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
  private async purge(found: ExpiredCase): Promise<number> {
    const { store } = this.o;
    const id = found.caseId;
    const marker = `${MARKER_PREFIX}${id}`;
    if (!found.resumed) {
      const { clientName: _name, resumed: _resumed, caseId: _id, ...kept } = found;
      await store.set<Marker>(marker, kept);
    }
    const data = await this.repo.caseData(id);
    const own = data ? caseKeyspace(data) : { exact: [`case:${id}`], prefixes: [`case:${id}:`] };
    const other = otherKeys(id);
    const record = `case:${id}`;
    const keys = new Set<string>();
    for (const prefix of [...own.prefixes, ...other.prefixes])
      for await (const [key] of store.scan(prefix)) keys.add(key);
    const exact = [...own.exact, ...other.exact];
    const present = await store.getMany(exact);
    exact.forEach((key, i) => {
      if (present[i] !== undefined) keys.add(key);
    });
    keys.delete(record);
    if (this.o.scheduler) {
      await this.o.scheduler.cancel(id, 'approvals');
      await this.o.scheduler.cancel(id, 'checklist');
    }
    for (const key of keys) await store.delete(key);
    await store.delete(record);
    await store.delete(marker);
    return keys.size + (data ? 1 : 0);
  }
}
