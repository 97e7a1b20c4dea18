// The history of a case as a platform-neutral view: every stored fact in words, who, when (local and UTC), where.
import type { Row } from '../audit/trail.js';
import type { CaseSnapshot, ChecklistItem, Role } from '../domain/case.js';
import { messages } from '../i18n/messages.js';
import { escapeMarkup, md } from './markup.js';
import type { ButtonView } from './view.js';

export interface HistoryEntryView {
  /** Markup: what happened, in words of the case's language. */
  what: string;
  /** Markup: the person's name as the platform gave it then, and their platform user id. */
  who: string;
  /** Plain: `2026-11-23 10:00:05 +01:00` in the configured time zone. */
  local: string;
  /** Plain: `2026-11-23 09:00:05 UTC`. */
  utc: string;
  /** Plain: Slack, Microsoft Teams … */
  platform: string;
  round?: number;
  /** Markup (user text escaped): a rejection's or cancellation's reason. */
  reason?: string;
}

export interface HistoryView {
  kind: 'history';
  language: 'nl' | 'en';
  caseId: string;
  /** Markup without formatting (user text escaped), as CardView.title. */
  title: string;
  /** Markup: the case id, its status, the time zones; and how many facts. */
  summary: string;
  /** The words each renderer puts before an entry's parts. */
  labels: { fact: string; by: string; at: string; platform: string; round: string; reason: string };
  entries: HistoryEntryView[];
  /** Markup: other cases of the client the viewer may also see (the command shows the newest). */
  note?: string;
  /** Export, and (Teams) back to the case card. */
  buttons: ButtonView[];
}

/** `2026-11-23T10:00:05.000+01:00` → `2026-11-23 10:00:05 +01:00`; anything unexpected is shown as stored. */
function readableLocal(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?([+-]\d\d:\d\d)$/.exec(iso);
  return m ? `${m[1]} ${m[2]} ${m[3]}` : iso;
}

function readableUtc(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** The trail's rows (audit/trail.ts, the same rows the export writes) as the history view of the case. */
export function historyView(s: CaseSnapshot, rows: Row[], timeZone: string, note?: string): HistoryView {
  const lang = s.data.language;
  const m = messages(lang);
  const h = m.history;
  const entries = rows.map((r): HistoryEntryView => {
    const reason = typeof r.reason === 'string' && r.reason ? escapeMarkup(r.reason) : undefined;
    const round = typeof r.round === 'number' ? r.round : undefined;
    const name = r.by_name ?? r.by_id ?? '?';
    return {
      what: what(r, m),
      who: r.by_id && r.by_id !== name ? md`${name} (${r.by_id})` : md`${name}`,
      local: readableLocal(String(r.at_local ?? '')),
      utc: readableUtc(String(r.at_utc ?? '')),
      platform: h.platforms[String(r.platform)] ?? String(r.platform ?? ''),
      ...(round !== undefined && (r.type === 'decision' || r.type === 'roundStarted') ? { round } : {}),
      ...(reason ? { reason } : {}),
    };
  });
  return {
    kind: 'history',
    language: lang,
    caseId: s.data.id,
    title: h.title(s.data.clientName),
    summary: `${h.summary(s.data.id, m.status[s.status], timeZone)}\n${h.count(entries.length)}`,
    labels: { fact: h.fact, by: h.by, at: h.at, platform: h.platform, round: h.round, reason: h.reason },
    entries,
    ...(note ? { note } : {}),
    buttons: [{ action: 'history_export', label: m.buttons.history_export, style: 'primary', caseId: s.data.id }],
  };
}

function what(r: Row, m: ReturnType<typeof messages>): string {
  const h = m.history;
  const role = m.roleInText[r.role as Role] ?? escapeMarkup(String(r.role));
  const item = m.items[r.item as ChecklistItem] ?? escapeMarkup(String(r.item));
  switch (r.type) {
    case 'created':
      return h.created;
    case 'decision':
      return r.decision === 'rejected' ? h.rejected(role) : h.approved(role);
    case 'roundStarted':
      return h.roundStarted(Number(r.round));
    case 'transferConfirmed':
      return h.transferConfirmed;
    case 'checklist':
      return r.state === 'done'
        ? h.itemDone(item)
        : r.state === 'notApplicable'
          ? h.itemNotApplicable(item)
          : h.itemUndone(item);
    case 'cancelled':
      return h.cancelled;
    default:
      return h.unknownFact(escapeMarkup(String(r.type)));
  }
}
