// The audit command: exports a store's audit trail (JSON lines or CSV) or verifies its hash chains, streaming.
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { type Clock, systemClock } from '../clock.js';
import { parseConfig } from '../config/load-config.js';
import type { CaseData } from '../domain/case.js';
import { CaseRepository, readAhead } from '../domain/case-repository.js';
import { createStore, storeKindOf, storePrefixOf } from '../store/create-store.js';
import type { Store } from '../store/store.js';
import { runPurge } from './purge.js';
import { parseSince } from './time.js';
import { caseRows, csvHeader, csvRow, jsonLine, sameName, write } from './trail.js';
import { verifyCase } from './verify.js';

export const USAGE = `Usage: npm run --silent audit -- [--case ID | --client NAME] [--since DATE] [--format json|csv] [--verify]
       npm run --silent audit -- --purge-dry-run | --purge [--case ID | --client NAME]
  --case ID       only this case
  --client NAME   only the cases of this client (the name as on the request; case and spacing do not matter)
  --since DATE    only facts from then on: 2026-11-23 (the day's start in TIMEZONE), 2026-11-23T09:30 (in TIMEZONE)
                  or with an offset, 2026-11-23T08:30:00Z; with --verify: the cases with a fact from then on
  --format        json (default): one JSON object per fact and line; csv: RFC 4180 with a header
  --verify        check every selected case's hash chain instead: one line per problem and a summary; exit code 1
                  when anything is wrong
  --purge-dry-run list what the daily retention job would delete now (RETENTION_MONTHS): one line per case (id,
                  client, status, closed at, facts) and a summary; deletes nothing
  --purge         delete those cases now, as the daily job does, listing each
Reads the store the service is configured with (STORE_URL, STORE_PREFIX; .env). Exit codes: 0 fine, 1 unknown case
or client, a problem found by --verify, or a store that cannot be read; 2 bad arguments.`;

export interface AuditIo {
  env: NodeJS.ProcessEnv;
  stdout: Writable;
  stderr: Writable;
  /** An open store to read instead of the configured one (tests); left open. */
  store?: Store;
  /** The time retention is judged at (tests); the system clock otherwise. */
  clock?: Clock;
}

interface Options {
  caseId?: string;
  client?: string;
  since?: string;
  format: 'json' | 'csv';
  verify: boolean;
  /** --purge-dry-run lists, --purge deletes. */
  purge?: 'dry' | 'now';
}

/** Runs the command; resolves to the exit code. Expected failures are one line on stderr, never a stack trace. */
export async function runAudit(argv: string[], io: AuditIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseOptions(argv);
  if (parsed === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    say(`${parsed}\n${USAGE}`);
    return 2;
  }
  const config = parseConfig(io.env);
  if (!config.ok) {
    say('Configuration error:');
    for (const line of config.problems) say(`  ${line}`);
    return 1;
  }
  const { timeZone } = config.config.reminders;
  const since = parsed.since === undefined ? undefined : parseSince(parsed.since, timeZone);
  if (parsed.since !== undefined && since === undefined) {
    say(`--since: expected a date such as 2026-11-23 or 2026-11-23T09:30, got "${parsed.since}"\n${USAGE}`);
    return 2;
  }
  let store = io.store;
  // Opening a SQLite path creates the file: a mistyped path would "verify" an empty store and pass.
  const file = config.config.storeUrl.replace(/^sqlite:\/\//i, '');
  if (!store && storeKindOf(config.config.storeUrl) === 'sqlite' && file !== ':memory:' && !existsSync(file)) {
    say(`store: no SQLite file at ${file} (STORE_URL)`);
    return 1;
  }
  try {
    store ??= await createStore(config.config.storeUrl, { prefix: storePrefixOf(config.config) });
  } catch (err) {
    say(`store: cannot open ${config.config.storeUrl.split(':')[0]}: ${(err as Error).message}`);
    return 1;
  }
  try {
    if (parsed.purge)
      return await purge(store, parsed, { ...io, say, timeZone, months: config.config.retentionMonths });
    return await run(new CaseRepository(store), parsed, { ...io, say, timeZone, since });
  } catch (err) {
    say(`audit failed: ${(err as Error).message}`);
    return 1;
  } finally {
    if (!io.store) await store.close().catch(() => undefined);
  }
}

async function purge(
  store: Store,
  o: Options,
  c: AuditIo & { say: (line: string) => void; timeZone: string; months: number },
): Promise<number> {
  if (o.caseId !== undefined && !(await new CaseRepository(store).caseData(o.caseId))) {
    c.say(`no case with id "${o.caseId}"`);
    return 1;
  }
  return runPurge({
    store,
    clock: c.clock ?? systemClock,
    months: c.months,
    timeZone: c.timeZone,
    stdout: c.stdout,
    now: o.purge === 'now',
    select: (x) =>
      (o.caseId === undefined || x.caseId === o.caseId) &&
      (o.client === undefined || (x.clientName !== undefined && sameName(x.clientName, o.client))),
  });
}

const VALUED = new Set(['--case', '--client', '--since', '--format']);

function parseOptions(argv: string[]): Options | 'help' | string {
  // An option's value is the next word whatever it starts with, as getopt has it: case ids may start with "-".
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    args.push(VALUED.has(a) && i + 1 < argv.length ? `${a}=${argv[++i]}` : a);
  }
  let values: {
    case?: string;
    client?: string;
    since?: string;
    format?: string;
    verify?: boolean;
    help?: boolean;
    'purge-dry-run'?: boolean;
    purge?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        case: { type: 'string' },
        client: { type: 'string' },
        since: { type: 'string' },
        format: { type: 'string' },
        verify: { type: 'boolean', default: false },
        'purge-dry-run': { type: 'boolean', default: false },
        purge: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    return (err as Error).message;
  }
  if (values.help) return 'help';
  const { case: caseId, client, since, format = 'json', verify = false } = values;
  if (caseId !== undefined && client !== undefined) return '--case and --client: choose one';
  // A case id is a key segment: anything else could reach another key (case:<id>:f:created read as a case).
  if (caseId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(caseId)) return `--case: not a case id: "${caseId}"`;
  if (client !== undefined && !client.trim()) return '--client: give a name';
  if (format !== 'json' && format !== 'csv') return `--format: expected json or csv, got "${format}"`;
  if (verify && values.format !== undefined) return '--format: --verify prints a report, not an export';
  const purge = values['purge-dry-run'] ? 'dry' : values.purge ? 'now' : undefined;
  if (values['purge-dry-run'] && values.purge) return '--purge-dry-run and --purge: choose one';
  if (purge) {
    const flag = purge === 'dry' ? '--purge-dry-run' : '--purge';
    // Retention judges by the case's closing time against RETENTION_MONTHS: a --since would only confuse that.
    if (since !== undefined) return `--since: not with ${flag} (RETENTION_MONTHS decides which cases are old)`;
    if (values.format !== undefined) return `--format: not with ${flag}, which prints a list`;
    if (verify) return `--verify: not with ${flag}`;
  }
  return { caseId, client, since, format, verify, purge };
}

interface RunContext {
  stdout: Writable;
  say: (line: string) => void;
  timeZone: string;
  since?: number;
}

async function* selected(repo: CaseRepository, o: Options): AsyncIterable<CaseData> {
  if (o.caseId !== undefined) {
    const data = await repo.caseData(o.caseId);
    if (data) yield data;
    return;
  }
  for await (const data of repo.allCases())
    if (o.client === undefined || sameName(data.clientName, o.client)) yield data;
}

async function run(repo: CaseRepository, o: Options, c: RunContext): Promise<number> {
  let matched = 0;
  let cases = 0;
  let facts = 0;
  let unchained = 0;
  let problems = 0;
  let badCases = 0;
  const csv = o.format === 'csv' && !o.verify;
  for await (const [data, stored] of readAhead(selected(repo, o), (data) => repo.storedFacts(data.id))) {
    if (matched++ === 0 && csv) await write(c.stdout, csvHeader());
    if (!o.verify) {
      const rows = caseRows(data, stored, c.timeZone, c.since);
      await write(c.stdout, rows.map(csv ? csvRow : jsonLine).join(''));
      continue;
    }
    if (c.since !== undefined && !stored.some(({ fact }) => Date.parse(fact.at) >= (c.since as number))) continue;
    cases++;
    const check = verifyCase(data, stored);
    const label = `case ${data.id} ${JSON.stringify(data.clientName)}`;
    const lines = check.problems.map((p) => `${label} ${p.fact}: ${p.message}\n`);
    if (check.unchained > 0)
      lines.push(`${label}: ${check.unchained} of ${check.facts} facts unchained (written before hashing)\n`);
    await write(c.stdout, lines.join(''));
    facts += check.facts;
    unchained += check.unchained;
    problems += check.problems.length;
    if (check.problems.length > 0) badCases++;
  }
  if (matched === 0 && o.caseId !== undefined) {
    c.say(`no case with id "${o.caseId}"`);
    return 1;
  }
  if (matched === 0 && o.client !== undefined) {
    c.say(`no case for client "${o.client}"`);
    return 1;
  }
  if (!o.verify) {
    // An empty export is still a CSV file with its header.
    if (matched === 0 && csv) await write(c.stdout, csvHeader());
    return 0;
  }
  const found =
    problems === 0
      ? 'no problems'
      : `${problems} problem${problems === 1 ? '' : 's'} in ${badCases} case${badCases === 1 ? '' : 's'}`;
  const legacy = unchained > 0 ? `; ${unchained} facts unchained (written before hashing)` : '';
  await write(c.stdout, `verified ${cases} case${cases === 1 ? '' : 's'}, ${facts} facts: ${found}${legacy}\n`);
  return problems === 0 ? 0 : 1;
}
