// The approval page's core: what a link shows, and a decision made there, recorded like a press in the chat.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../clock.js';
import type { DialogEngine } from '../dialog/engine.js';
import { REASON_MAX } from '../dialog/forms.js';
import type { ActionOutcome, InboundAction } from '../dialog/inbound.js';
import { link, md, mention } from '../dialog/markup.js';
import { type CaseSnapshot, type Role, sameUser, type UserRef } from '../domain/case.js';
import { EXTERNAL_ROLES, type ExternalRole } from '../domain/case-input.js';
import { formatDateTime } from '../i18n/format.js';
import { languageFromLocale } from '../i18n/language.js';
import { messages } from '../i18n/messages.js';
import { loadKnowledge } from '../knowledge/loader.js';
import type { Article } from '../knowledge/types.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { ApprovalLinks, type LinkClaims, type LinkProblem } from './approval-link.js';
import type { Mailer } from './mailer.js';

export const NAME_MAX = 200;

/** Everything the page shows, as plain text: the renderer escapes each field once. */
export interface ApprovalPage {
  language: 'nl' | 'en';
  clientName: string;
  administrations: string[];
  from: string;
  to: string;
  requester: string;
  role: Role;
  /** The approver's name as the requester typed it: the page asks the person to confirm it. */
  approverName: string;
  /** From the knowledge article: what the approval is for, and what the move does not copy. */
  meaning: string[];
  notCopied: string[];
}

export type PageResult = { ok: true; page: ApprovalPage } | { ok: false; problem: LinkProblem; language: 'nl' | 'en' };

export interface DecisionInput {
  decision: 'approve' | 'reject';
  name: string;
  reason?: string;
  ip: string;
  userAgent: string;
}

export type DecisionResult =
  | { ok: true; decision: 'approved' | 'rejected'; language: 'nl' | 'en' }
  /** A field to fix: the page again, nothing written. */
  | { ok: false; invalid: { name?: string; reason?: string }; page: ApprovalPage }
  | { ok: false; problem: LinkProblem; language: 'nl' | 'en' };

export interface ExternalApprovalsOptions {
  store: Store;
  engine: DialogEngine;
  clock: Clock;
  logger: Logger;
  /** A function when the address is known only once the server listens (the playground's own). */
  publicUrl: string | (() => string);
  secret?: string;
  days: number;
  /** With SMTP_URL: sends the ready-to-send text to the outside approver's address. */
  mailer?: Mailer;
  knowledgeDir: string;
  timeZone: string;
}

export class ExternalApprovals {
  readonly links: ApprovalLinks;
  private articles?: Promise<Article[]>;
  /** The page's sentences per language, worked out once. */
  private readonly statementsOf = new Map<'nl' | 'en', Promise<Statements>>();

  constructor(private readonly o: ExternalApprovalsOptions) {
    this.links = new ApprovalLinks(o.store, o.engine.repo, o.clock, { secret: o.secret, days: o.days });
  }

  /** The page's address for a token. */
  url(token: string): string {
    const base = typeof this.o.publicUrl === 'function' ? this.o.publicUrl() : this.o.publicUrl;
    return `${base}/goedkeuring/${token}`;
  }

  /** What GET shows; reads only. */
  async open(token: string, language?: 'nl' | 'en'): Promise<PageResult> {
    const check = await this.links.check(token);
    if (!check.ok)
      return { ok: false, problem: check.problem, language: language ?? check.snapshot?.data.language ?? 'nl' };
    return { ok: true, page: await this.page(check.snapshot, check.claims.role, language) };
  }

  /** A decision from the page: checked, the link spent, then recorded through the same rules as a chat press. */
  async decide(token: string, input: DecisionInput, language?: 'nl' | 'en'): Promise<DecisionResult> {
    const check = await this.links.check(token);
    const fallback = language ?? check.snapshot?.data.language ?? 'nl';
    if (!check.ok) return { ok: false, problem: check.problem, language: fallback };
    const lang = language ?? check.snapshot.data.language;
    const p = messages(lang).external.page;
    const name = input.name.trim();
    const reason = input.reason?.trim() ?? '';
    const invalid: { name?: string; reason?: string } = {};
    if (!name) invalid.name = p.needName;
    else if (name.length > NAME_MAX) invalid.name = p.tooLong(NAME_MAX);
    if (input.decision === 'reject' && !reason) invalid.reason = p.needReason;
    else if (reason.length > REASON_MAX) invalid.reason = p.tooLong(REASON_MAX);
    if (invalid.name || invalid.reason)
      return { ok: false, invalid, page: await this.page(check.snapshot, check.claims.role, language) };
    if (!(await this.links.use(check.claims))) return { ok: false, problem: 'used', language: lang };
    try {
      return await this.record(check.claims, check.snapshot, { ...input, name, reason }, lang);
    } catch (err) {
      // Not recorded (or not known to be): the link works again, so "try again" on the page is true.
      await this.links.release(check.claims).catch(() => undefined);
      throw err;
    }
  }

  private async record(
    claims: LinkClaims,
    s: CaseSnapshot,
    input: DecisionInput,
    language: 'nl' | 'en',
  ): Promise<DecisionResult> {
    const approver = s.data.approvers[claims.role];
    // The approver's identity is the role's; the name is the one given on the page, with where it came from.
    const user: UserRef = {
      platform: 'external',
      id: approver.id,
      name: input.name,
      ip: input.ip,
      userAgent: input.userAgent.slice(0, 500),
    };
    const outcome = await this.o.engine.handleAction({
      platform: 'external',
      user,
      caseId: claims.caseId,
      action: input.decision,
      payload: { role: claims.role, ...(input.decision === 'reject' ? { reason: input.reason } : {}) },
    });
    if (outcome.status !== 'done') {
      this.o.logger.warn({ caseId: claims.caseId, status: outcome.status }, 'approval page decision not recorded');
      return { ok: false, problem: 'decided', language };
    }
    await this.tellRequester(s, claims.role, input).catch((err: unknown) =>
      this.o.logger.warn({ caseId: claims.caseId, err }, 'requester could not be told of the external decision'),
    );
    return { ok: true, decision: input.decision === 'approve' ? 'approved' : 'rejected', language };
  }

  /** In the case's thread, in the case's language: the requester sees the decision where the case lives. */
  private async tellRequester(s: CaseSnapshot, role: Role, input: DecisionInput): Promise<void> {
    const { data } = s;
    const messenger = this.o.engine.messenger(data.origin.platform);
    if (!messenger) return;
    const m = messages(data.language);
    const requester = mention(data.requester.id, data.requester.name);
    const name = md`${input.name}`;
    const text =
      input.decision === 'approve'
        ? m.external.toldApproved(requester, name, m.roleInText[role])
        : m.external.toldRejected(requester, name, m.roleInText[role], md`${input.reason ?? ''}`);
    const caseMessage = await this.o.engine.repo.messageId(data.id, 'case');
    await messenger.post({ ...data.origin, thread: caseMessage ?? data.origin.thread }, { kind: 'text', text });
  }

  /**
   * A link for every outside approver still to decide, each sent to the requester only, with a text ready to pass
   * on; where the platform cannot tell one person privately, nothing is sent (the requester can ask for a link).
   */
  async sendLinks(caseId: string): Promise<void> {
    const s = await this.o.engine.repo.load(caseId);
    if (!s || !this.o.engine.messenger(s.data.origin.platform)?.tellPrivately) return;
    for (const r of s.roles) {
      if (r.approver.platform !== 'external' || r.decision) continue;
      const issued = await this.links.issue(caseId, r.role);
      if (issued.ok) await this.deliver(s, r.role, issued.token, issued.expires);
    }
  }

  /**
   * "New link" and "send by e-mail" on the case message: only the requester may press them; anyone else is refused
   * and nothing changes.
   */
  async linkAction(action: InboundAction): Promise<ActionOutcome> {
    const fallback = messages(languageFromLocale(action.locale) ?? 'nl');
    const s = typeof action.caseId === 'string' && action.caseId ? await this.o.engine.repo.load(action.caseId) : null;
    if (!s) return { status: 'invalid', message: fallback.errors.unknownCase };
    const m = messages(s.data.language);
    const role = action.payload.role as ExternalRole;
    if (!EXTERNAL_ROLES.includes(role)) return { status: 'invalid', message: m.errors.malformed };
    if (!sameUser(action.user, s.data.requester)) {
      this.o.logger.warn(
        { caseId: s.data.id, role, action: action.action, user: action.user.id },
        'approval link action refused: not the requester',
      );
      return {
        status: 'refused',
        message: m.external.onlyRequester(md`${s.data.requester.name ?? s.data.requester.id}`),
      };
    }
    return action.action === 'send_email' ? this.email(s, role) : this.newLink(s, role);
  }

  /** A new link for the role (the old one dies with it), sent privately like the first. */
  private async newLink(s: CaseSnapshot, role: Role): Promise<ActionOutcome> {
    const m = messages(s.data.language);
    const issued = await this.links.issue(s.data.id, role);
    if (!issued.ok) return { status: 'stale', message: m.external.noLink };
    const sent = await this.deliver(s, role, issued.token, issued.expires);
    this.o.logger.info({ caseId: s.data.id, role }, 'new approval link issued');
    return { status: 'done', message: sent ? m.external.newLinkSent : m.external.newLinkNotSent };
  }

  /**
   * The ready-to-send text, e-mailed by the assistant to the address the requester gave, with the role's current
   * link (a new one only when there is none that works: the requester may have passed that one on already).
   */
  private async email(s: CaseSnapshot, role: Role): Promise<ActionOutcome> {
    const { data } = s;
    const m = messages(data.language);
    const to = data.approvers[role].email;
    if (!this.o.mailer || !to) return { status: 'invalid', message: m.external.noEmail };
    let link = await this.links.current(data.id, role);
    if (!link) {
      const issued = await this.links.issue(data.id, role);
      if (!issued.ok) return { status: 'stale', message: m.external.noLink };
      link = issued;
    }
    const until = this.until(link.expires, data.language);
    const name = data.approvers[role].name ?? '';
    const requester = data.requester.name ?? data.requester.id;
    const text = m.external.message(name, data.clientName, m.roleInText[role], requester, this.url(link.token), until);
    try {
      await this.o.mailer.send({ to, subject: m.external.mailSubject(data.clientName), text, language: data.language });
    } catch (err) {
      // The reason only: the address and the SMTP URL (with its password) stay out of the log.
      const reason = err instanceof Error ? err.message : String(err);
      this.o.logger.warn({ caseId: data.id, role, reason }, 'approval link could not be e-mailed');
      return { status: 'invalid', message: m.external.emailFailed };
    }
    this.o.logger.info({ caseId: data.id, role }, 'approval link e-mailed');
    return { status: 'done', message: m.external.emailSent(md`${name}`, md`${to}`) };
  }

  close(): void {
    this.o.mailer?.close();
  }

  /** The link and the text to pass on, to the requester only; false (one warn line, no stack) when that failed. */
  private async deliver(s: CaseSnapshot, role: Role, token: string, expires: Date): Promise<boolean> {
    const { data } = s;
    const messenger = this.o.engine.messenger(data.origin.platform);
    if (!messenger?.tellPrivately) return false;
    const m = messages(data.language);
    const until = this.until(expires, data.language);
    const text = [
      m.external.linkFor(md`${data.approvers[role].name ?? ''}`, m.roleInText[role], until),
      '',
      this.readyToSend(s, role, token, until),
    ].join('\n');
    const caseMessage = await this.o.engine.repo.messageId(data.id, 'case');
    try {
      await messenger.tellPrivately({ ...data.origin, thread: caseMessage ?? data.origin.thread }, data.requester, {
        kind: 'text',
        text,
      });
      this.o.logger.info({ caseId: data.id, role }, 'approval link sent to the requester');
      return true;
    } catch (err) {
      // One line, no stack: the requester can still ask for a new link on the case message.
      const reason = err instanceof Error ? err.message : String(err);
      this.o.logger.warn({ caseId: data.id, role, reason }, 'approval link could not be sent to the requester');
      return false;
    }
  }

  /**
   * The text the requester passes on, as markup: every part escaped except the link, which is a link so no escape
   * character (a token may hold `_`) ends up in the address a chat client makes clickable.
   */
  readyToSend(s: CaseSnapshot, role: Role, token: string, until: string): string {
    const { data } = s;
    const m = messages(data.language);
    const slot = 'APPROVALLINKSLOT';
    const name = data.approvers[role].name ?? '';
    const text = m.external.message(name, data.clientName, m.roleInText[role], data.requester.name ?? '', slot, until);
    const url = this.url(token);
    return md`${text}`.replace(slot, link(url, url));
  }

  /** The link's expiry, written for the message the requester sends. */
  until(expires: Date, language: 'nl' | 'en'): string {
    return formatDateTime(expires.toISOString(), language, this.o.timeZone);
  }

  private async page(s: CaseSnapshot, role: Role, language?: 'nl' | 'en'): Promise<ApprovalPage> {
    const lang = language ?? s.data.language;
    const { meaning, notCopied } = await this.statements(lang);
    return {
      language: lang,
      clientName: s.data.clientName,
      administrations: s.data.administrations,
      from: s.data.oldEnvironment,
      to: s.data.newEnvironment,
      requester: s.data.requester.name ?? s.data.requester.id,
      role,
      approverName: s.data.approvers[role].name ?? '',
      meaning,
      notCopied,
    };
  }

  /**
   * The article's own sentences, not a paraphrase: the section on having the administration moved says what every
   * party approves, the section on what is not copied lists it. Read once, from the knowledge directory.
   */
  private statements(language: 'nl' | 'en'): Promise<Statements> {
    let found = this.statementsOf.get(language);
    if (!found) {
      this.articles ??= loadKnowledge(knowledgePath(this.o.knowledgeDir));
      found = this.articles.then((articles) => statementsOf(articles, language));
      this.statementsOf.set(language, found);
    }
    return found;
  }
}

interface Statements {
  meaning: string[];
  notCopied: string[];
}

function statementsOf(articles: Article[], language: 'nl' | 'en'): Statements {
  const article = articles.find((a) => a.language === language);
  const section = (id: string) => article?.sections.find((x) => x.id === id);
  const paragraphs = (section('administratie-overzetten')?.blocks ?? []).flatMap((b) =>
    b.kind === 'paragraph' ? [b.text] : [],
  );
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=\.)\s+/));
  const meaning = [...sentences.slice(0, 1), ...sentences.filter((t) => /akkoord|approve/i.test(t))];
  const notCopied = (section('niet-meegekopieerd')?.blocks ?? []).flatMap((b) =>
    b.kind === 'list' ? b.items.filter((i) => !i.reference).map((i) => stripEmphasis(i.text)) : [],
  );
  return { meaning, notCopied };
}

/** The article's *titles* read as plain text on the page. */
function stripEmphasis(text: string): string {
  return text.replace(/\*([^*]+)\*/g, '$1');
}

/** Like main.ts: a relative knowledge directory is the project's own. */
function knowledgePath(dir: string): string {
  return isAbsolute(dir) ? dir : resolve(fileURLToPath(new URL('../..', import.meta.url)), dir);
}
