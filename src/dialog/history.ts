// A case's history in chat: who may see it, finding a client's case, the view, the CSV export and its download link.
import { ExportLinks, LINK_MINUTES } from '../audit/export-link.js';
import { caseRows, csvHeader, csvRow, sameName } from '../audit/trail.js';
import type { Clock } from '../clock.js';
import { type CaseData, type Platform, sameUser, type UserRef } from '../domain/case.js';
import type { CaseRepository } from '../domain/case-repository.js';
import { formatDateTime } from '../i18n/format.js';
import { messages } from '../i18n/messages.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { type HistoryView, historyView } from './history-views.js';
import { md } from './markup.js';

export interface HistoryOptions {
  repo: CaseRepository;
  store: Store;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  /** AUDIT_ADMINS: they may see every case's history. */
  admins: { platform: Platform; id: string }[];
  /** PUBLIC_URL: with it, an export can be a signed download link (Teams). */
  publicUrl?: string;
}

type Language = 'nl' | 'en';

/** A refusal or a pointer, for the asker only (Slack ephemeral, Teams invoke answer or personal chat). */
export interface HistoryNote {
  status: 'refused' | 'notFound' | 'usage';
  /** Markup. */
  message: string;
  language: Language;
}

export type HistoryAnswer = { status: 'shown'; view: HistoryView } | HistoryNote;

export type ExportAnswer =
  | {
      status: 'ok';
      view: HistoryView;
      /** RFC 4180, the same columns as `npm run audit -- --format csv`. */
      csv: string;
      filename: string;
      /** Markup: what the file is, for the message it comes with. */
      comment: string;
      /** A signed download link, valid LINK_MINUTES, when PUBLIC_URL is set. */
      link?: string;
      linkMinutes: number;
    }
  | HistoryNote;

/** Where a typed history command was asked: that conversation's cases are looked at first. */
export interface Where {
  platform: Platform;
  conversation: string;
}

const CASE_ID = /^[A-Za-z0-9_-]{6,64}$/;

export class CaseHistory {
  private readonly links?: ExportLinks;

  constructor(private readonly o: HistoryOptions) {
    if (o.publicUrl) this.links = new ExportLinks(o.store, o.publicUrl);
  }

  /** The requester, the three named approvers and the audit admins; nobody else. */
  mayView(viewer: UserRef, data: CaseData): boolean {
    return (
      sameUser(viewer, data.requester) ||
      Object.values(data.approvers).some((a) => sameUser(viewer, a)) ||
      this.o.admins.some((a) => a.platform === viewer.platform && a.id === viewer.id)
    );
  }

  /** The case's history for this viewer, or a refusal (one warn line; nothing is written). */
  async show(caseId: string, viewer: UserRef, fallback: Language, note?: string): Promise<HistoryAnswer> {
    const s = CASE_ID.test(caseId) ? await this.o.repo.load(caseId) : undefined;
    if (!s) return { status: 'notFound', message: messages(fallback).errors.unknownCase, language: fallback };
    if (!this.mayView(viewer, s.data)) return this.refuse(s.data, viewer, 'history');
    const rows = caseRows(s.data, await this.o.repo.storedFacts(caseId), this.o.timeZone);
    return { status: 'shown', view: historyView(s, rows, this.o.timeZone, note) };
  }

  /**
   * "geschiedenis <klant>": a case id, or a client's name as on the request. The conversation's own cases are looked
   * at first; elsewhere (a direct message, a case started in another channel) every case is scanned. Of the cases the
   * viewer may see, the newest is shown and the others are named by their id, which the command also takes.
   */
  async find(query: string, viewer: UserRef, where: Where, language: Language): Promise<HistoryAnswer> {
    const m = messages(language);
    const q = query.trim();
    if (!q) return { status: 'usage', message: m.history.usage, language };
    if (CASE_ID.test(q) && (await this.o.repo.caseData(q))) return this.show(q, viewer, language);
    let found = await this.inConversation(q, where);
    if (found.length === 0) found = await this.everywhere(q);
    if (found.length === 0) return { status: 'notFound', message: m.history.notFound(md`${q}`), language };
    const visible = found.filter((d) => this.mayView(viewer, d)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    if (visible.length === 0) {
      this.o.logger.warn(
        { client: q, cases: found.length, user: viewer.id, platform: viewer.platform },
        'history refused: not involved in any case of this client',
      );
      return { status: 'refused', message: m.history.refusedClient(md`${q}`), language };
    }
    const [newest, ...others] = visible;
    return this.show(newest!.id, viewer, language, await this.othersNote(newest!, others));
  }

  /** The case's trail as CSV for this viewer, with a download link when the service has a public URL. */
  async export(caseId: string, viewer: UserRef, fallback: Language): Promise<ExportAnswer> {
    const s = CASE_ID.test(caseId) ? await this.o.repo.load(caseId) : undefined;
    if (!s) return { status: 'notFound', message: messages(fallback).errors.unknownCase, language: fallback };
    if (!this.mayView(viewer, s.data)) return this.refuse(s.data, viewer, 'export');
    const rows = caseRows(s.data, await this.o.repo.storedFacts(caseId), this.o.timeZone);
    const csv = csvHeader() + rows.map(csvRow).join('');
    const h = messages(s.data.language).history;
    const link = await this.links?.create(
      { caseId, platform: viewer.platform, userId: viewer.id, language: s.data.language },
      this.o.clock.now().getTime(),
    );
    this.o.logger.info({ caseId, user: viewer.id, platform: viewer.platform, facts: rows.length }, 'history exported');
    return {
      status: 'ok',
      view: historyView(s, rows, this.o.timeZone),
      csv,
      filename: `overname-${slug(s.data.clientName)}-${caseId}.csv`,
      comment: h.exportComment(md`${s.data.clientName}`, caseId),
      ...(link ? { link } : {}),
      linkMinutes: LINK_MINUTES,
    };
  }

  /**
   * GET of a download link: the CSV for a valid link whose user may still see the case, else a status and a short
   * message (403 for a bad signature or a user no longer in the case, 410 for an expired link, 404 for a case gone).
   */
  async download(
    query: URLSearchParams,
  ): Promise<{ status: 200; csv: string; filename: string } | { status: 403 | 404 | 410; message: string }> {
    const checked = this.links ? await this.links.check(query, this.o.clock.now().getTime()) : undefined;
    const lang: Language = query.get('l') === 'en' ? 'en' : 'nl';
    const h = messages(lang).history;
    if (!checked?.ok) {
      const expired = checked?.why === 'expired';
      this.o.logger.warn(
        { case: query.get('c') ?? undefined },
        `export link refused: ${expired ? 'expired' : 'invalid'}`,
      );
      return expired ? { status: 410, message: h.linkExpired } : { status: 403, message: h.linkInvalid };
    }
    const { caseId, platform, userId, language } = checked.claims;
    const answer = await this.export(caseId, { platform, id: userId }, language);
    if (answer.status === 'ok') return { status: 200, csv: answer.csv, filename: answer.filename };
    return answer.status === 'refused'
      ? { status: 403, message: messages(language).history.linkRefused }
      : { status: 404, message: messages(language).history.linkInvalid };
  }

  private refuse(data: CaseData, viewer: UserRef, what: 'history' | 'export'): HistoryNote {
    this.o.logger.warn(
      { caseId: data.id, user: viewer.id, platform: viewer.platform },
      `${what} refused: not involved in the case`,
    );
    return { status: 'refused', message: messages(data.language).history.refused, language: data.language };
  }

  private async inConversation(q: string, where: Where): Promise<CaseData[]> {
    const ids = await this.o.repo.casesInConversation(where.platform, where.conversation);
    const data = await Promise.all(ids.map((id) => this.o.repo.caseData(id)));
    return data.filter((d): d is CaseData => !!d && sameName(d.clientName, q));
  }

  private async everywhere(q: string): Promise<CaseData[]> {
    const found: CaseData[] = [];
    for await (const d of this.o.repo.allCases()) if (sameName(d.clientName, q)) found.push(d);
    return found;
  }

  private async othersNote(shown: CaseData, others: CaseData[]): Promise<string | undefined> {
    if (others.length === 0) return undefined;
    const h = messages(shown.language).history;
    const m = messages(shown.language);
    const parts = await Promise.all(
      others.slice(0, 10).map(async (d) => {
        const s = await this.o.repo.load(d.id);
        const date = formatDateTime(d.createdAt, shown.language, this.o.timeZone);
        return h.otherCase(md`${d.id}`, date, s ? m.status[s.status] : '');
      }),
    );
    return h.others(parts.join(', '));
  }
}

/** A file name part from the client's name: letters and digits only, so no platform or browser trips over it. */
function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'klant';
}
