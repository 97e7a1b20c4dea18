// One row per fact of the audit trail, and its two export formats: JSON lines and CSV (RFC 4180).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CaseData } from '../domain/case.js';
import type { StoredFact } from '../domain/case-repository.js';
import { localIso } from './time.js';

/** The export's columns, in order: CSV header names and JSON keys alike. */
export const COLUMNS = [
  'case_id',
  'client_name',
  'fact',
  'type',
  'role',
  'decision',
  'round',
  'item',
  'state',
  'reason',
  'by_name',
  'by_id',
  'platform',
  'by_ip',
  'by_user_agent',
  'at_local',
  'at_utc',
  'prev',
  'hash',
] as const;

export type Row = Record<(typeof COLUMNS)[number], string | number | null>;

/** The case's facts as rows, oldest first; facts of equal time keep the lifecycle order they were read in. */
export function caseRows(data: CaseData, stored: StoredFact[], timeZone: string, since?: number): Row[] {
  const rows: Row[] = [];
  const sorted = [...stored].sort((a, b) => String(a.fact.at).localeCompare(String(b.fact.at)));
  for (const { key, fact } of sorted) {
    const at = Date.parse(fact.at);
    if (since !== undefined && !(at >= since)) continue;
    // Read field by field: a fact of one type lacks the others' fields, and an altered one may lack its own.
    const f = fact as Partial<Record<'role' | 'decision' | 'round' | 'item' | 'state' | 'reason', unknown>>;
    rows.push({
      case_id: data.id,
      client_name: data.clientName,
      fact: key,
      type: fact.type,
      role: text(f.role),
      decision: text(f.decision),
      round: typeof f.round === 'number' ? f.round : null,
      item: text(f.item),
      state: text(f.state),
      reason: text(f.reason),
      by_name: text(fact.by?.name),
      by_id: text(fact.by?.id),
      platform: text(fact.by?.platform),
      // Only decisions on the page for outside approvers carry these: that page has no platform account to name.
      by_ip: text(fact.by?.ip),
      by_user_agent: text(fact.by?.userAgent),
      at_local: localIso(fact.at, timeZone),
      at_utc: Number.isNaN(at) ? text(fact.at) : new Date(at).toISOString(),
      prev: fact.prev ?? null,
      hash: fact.hash ?? null,
    });
  }
  return rows;
}

function text(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}

export function jsonLine(row: Row): string {
  return `${JSON.stringify(row)}\n`;
}

/**
 * RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled; records end in CRLF. That is
 * all of it, so no CSV library. Values are written as stored, also those a spreadsheet would read as a formula.
 */
function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export const csvHeader = (): string => csvLine(COLUMNS);

export const csvRow = (row: Row): string => csvLine(COLUMNS.map((c) => row[c]));

/** A client name as compared: NFC, trimmed, spaces collapsed, lower case (also what retention's clientHash hashes). */
export const normalName = (name: string): string =>
  name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/** The same client name, whatever the case and spacing: how --client and the chat's history command find a client. */
export const sameName = (a: string, b: string): boolean => normalName(a) === normalName(b);

/** Waits for the reader when the pipe is full, so a slow consumer holds the scan back instead of filling memory. */
export async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk && !out.write(chunk)) await once(out, 'drain');
}
