// The audit command's --purge-dry-run (what the retention job would delete) and --purge (delete it now).
import type { Writable } from 'node:stream';
import type { Clock } from '../clock.js';
import { type ExpiredCase, Retention } from '../retention/retention.js';
import type { Store } from '../store/store.js';
import { localIso } from './time.js';
import { write } from './trail.js';

export interface PurgeRun {
  store: Store;
  clock: Clock;
  months: number;
  timeZone: string;
  stdout: Writable;
  /** Only these: --case or --client (the name compared as the audit's --client does). */
  select: (c: ExpiredCase) => boolean;
  /** Delete, rather than only list. */
  now: boolean;
}

/** One tab-separated line per case: id, client name (JSON-quoted: names may hold tabs), status, closed at, facts. */
function line(c: ExpiredCase, timeZone: string): string {
  const name = c.clientName === undefined ? '(name already deleted)' : JSON.stringify(c.clientName);
  const resumed = c.resumed ? '\t(deletion cut off earlier; finishing it)' : '';
  return `${c.caseId}\t${name}\t${c.status}\tclosed ${localIso(c.closedAt, timeZone)}\t${c.facts} facts${resumed}\n`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Lists (or deletes) the expired cases; the same selection the daily job makes, at the same clock. */
export async function runPurge(o: PurgeRun): Promise<number> {
  const retention = new Retention({ store: o.store, clock: o.clock, months: o.months });
  const cutoff = localIso(retention.cutoff().toISOString(), o.timeZone);
  const rule = `RETENTION_MONTHS=${o.months}: completed, rejected and cancelled cases whose last fact is before ${cutoff}`;
  if (o.now) {
    const totals = await retention.deleteExpired(o.select, (c) => write(o.stdout, line(c, o.timeZone)));
    await write(
      o.stdout,
      `deleted ${plural(totals.cases, 'case')} (${plural(totals.facts, 'fact')}, ${plural(totals.keys, 'key')}); ${rule}\n`,
    );
    return 0;
  }
  let cases = 0;
  let facts = 0;
  for await (const c of retention.expired()) {
    if (!o.select(c)) continue;
    cases++;
    facts += c.facts;
    await write(o.stdout, line(c, o.timeZone));
  }
  await write(
    o.stdout,
    `would delete ${plural(cases, 'case')} (${plural(facts, 'fact')}); nothing was deleted; ${rule}\n`,
  );
  return 0;
}
