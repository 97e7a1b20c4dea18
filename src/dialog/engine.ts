// The dialog engine: turns normalized messages, button presses and forms into case changes and views.
import { type CaseOrigin, isOpen, type Platform, ROLES, type Role, type UserRef } from '../domain/case.js';
import { parseStartForm } from '../domain/case-input.js';
import { CaseRepository, type RenderState } from '../domain/case-repository.js';
import { CaseService, type Verdict } from '../domain/case-service.js';
import { chainHead } from '../domain/fact-chain.js';
import { chooseLanguage, languageFromLocale } from '../i18n/language.js';
import { messages } from '../i18n/messages.js';
import { ReminderPolicy } from '../reminders/policy.js';
import { ReminderService } from '../reminders/reminder-service.js';
import { within } from '../within.js';
import { doneNotice, refusal } from './action-notices.js';
import { caseMessageLinks } from './case-links.js';
import { caseCard, checklistCard } from './case-views.js';
import { answerCard, helpCard, statusCard } from './chat-views.js';
import type {
  Duplicate,
  EngineOptions,
  StartFormResult,
  StartResult,
  StartSubmission,
  StoredStart,
} from './engine-types.js';
import { REASON_MAX, rejectForm, startForm } from './forms.js';
import { CaseHistory } from './history.js';
import { type ActionOutcome, actionSchema, type InboundAction, type InboundMessage, type Reply } from './inbound.js';
import { detectIntent, historyQuery, intentLanguage } from './intents.js';
import { md } from './markup.js';
import { MessageSync } from './message-sync.js';
import { TakeoversService } from './takeovers-service.js';
import { type CardView, LINK_ACTIONS, type Messenger } from './view.js';

export type { Duplicate, EngineOptions, StartFormResult, StartResult, StartSubmission, StoredStart };

const PENDING = 'pending';
/** A claim held while the case is created; a crash leaves it to expire (the form then works again). */
const CLAIM_MS = 2 * 60_000;
/** How long a submission's key is remembered: far longer than any retry or replay. */
const SUBMITTED_MS = 7 * 24 * 3_600_000;

const THREAD_MEMORY_MS = 24 * 3_600_000;

export class DialogEngine {
  readonly repo: CaseRepository;
  /** "My takeovers": the Slack Home tab and the chat card, kept current as cases change. */
  readonly takeovers: TakeoversService;
  /** Case histories in chat: who may see them, the views and the export (history.ts). */
  readonly history: CaseHistory;
  private readonly cases: CaseService;
  private readonly messengers = new Map<string, Messenger>();
  private readonly sync: MessageSync;
  private readonly reminders: ReminderService;
  private readonly timeZone: string;

  constructor(private readonly o: EngineOptions) {
    this.repo = new CaseRepository(o.store);
    this.timeZone = o.reminders.timeZone;
    const { store, clock, logger } = o;
    const common = { store, repo: this.repo, messengers: this.messengers, clock, logger };
    this.takeovers = new TakeoversService({ ...common, timeZone: this.timeZone });
    this.reminders = new ReminderService(
      this.repo,
      o.scheduler,
      new ReminderPolicy(o.reminders),
      this.messengers,
      o.logger,
      o.metrics,
    );
    this.sync = new MessageSync({
      store: o.store,
      repo: this.repo,
      messengers: this.messengers,
      views: { timeZone: this.timeZone, emailLinks: this.o.emailLinks },
      logger: o.logger,
      beforeMessages: (state) => this.reminders.follow(state.snapshot, state.plannedSeries, o.clock.now()),
      onGone: (state) => this.conversationGone(state),
      afterMessages: (state) => this.takeovers.changed(state.snapshot),
    });
    this.cases = new CaseService(this.repo, o.clock, (id, write) => this.sync.change(id, write));
    this.history = new CaseHistory({
      repo: this.repo,
      store: o.store,
      clock: o.clock,
      logger: o.logger,
      timeZone: this.timeZone,
      admins: o.audit?.admins ?? [],
      publicUrl: o.audit?.publicUrl,
    });
  }

  registerMessenger(messenger: Messenger): void {
    this.messengers.set(messenger.platform, messenger);
  }

  /** The platform's messenger, for a plugin that wraps it (the playground links to its own page). */
  messenger(platform: Platform): Messenger | undefined {
    return this.messengers.get(platform);
  }

  /**
   * Starts reminders and repairs case messages left stale by a crash. The repair is waited for a while, then left to
   * finish in the background: one that needs a service which is away (the reminder queue's Redis) must not keep the
   * replica from serving, nor from reporting itself not ready.
   */
  async start(): Promise<void> {
    await this.o.scheduler.start(this.reminders.handle);
    this.sync.startSweeping(this.o.sweepMs ?? 10_000);
    this.takeovers.backfillIndex();
    const repair = this.sync.repairAll().then((repaired) => {
      if (repaired > 0) this.o.logger.info({ repaired }, 'repaired case messages after restart');
      return true;
    });
    if (!(await within(repair, this.o.waitMs?.repair ?? 10_000, false))) {
      this.o.logger.warn('repair of case messages is still waiting (for Redis?); it goes on in the background');
    }
  }

  /** Stops reminders and waits a while for renders still under way (one cut off is repaired at the next start). */
  async stop(): Promise<void> {
    this.sync.stopSweeping();
    await this.o.scheduler.stop();
    if (
      !(await within(
        Promise.all([this.sync.idle(), this.takeovers.idle()]).then(() => true),
        this.o.waitMs?.renders ?? 10_000,
        false,
      ))
    ) {
      this.o.logger.warn('stopped with case message renders still waiting; they are repaired at the next start');
    }
  }

  /** Resolves when no case message render or Home page publish is waiting or running. */
  async idle(): Promise<void> {
    await this.sync.idle();
    await this.takeovers.idle();
  }

  async handleMessage(msg: InboundMessage): Promise<Reply> {
    const intent = detectIntent(msg.text);
    // Commands are single words: their own wording, else the locale, decides; questions are detected from the text.
    const language =
      intent === 'question'
        ? chooseLanguage(msg.text, msg.locale)
        : (intentLanguage(msg.text) ?? languageFromLocale(msg.locale) ?? 'nl');
    const m = messages(language);
    switch (intent) {
      case 'empty':
      case 'help':
        return { views: [helpCard(language, { direct: msg.direct })] };
      case 'start': {
        if (msg.direct) return { views: [{ kind: 'text', text: m.errors.notInChannel }] };
        const form = startForm(language, msg.user, {}, { external: this.o.externalApprovers });
        return { views: [form], openForm: form };
      }
      case 'status':
      case 'cancel': {
        const ids = await this.repo.casesInConversation(msg.platform, msg.conversation);
        // One read per case gives its state and its message id, which the link is asked for.
        const states = (await Promise.all(ids.map((id) => this.repo.loadForRender(id)))).filter(
          (s): s is RenderState => !!s && isOpen(s.snapshot.status),
        );
        const links = await caseMessageLinks(states, this.messengers, this.o.logger);
        const entries = states.map((s) => ({ snapshot: s.snapshot, link: links.get(s.snapshot.data.id) }));
        return { views: [statusCard(entries, language, intent === 'cancel', this.o.clock.now())] };
      }
      case 'mine':
        return { views: [await this.takeovers.card(msg.user, language)] };
      case 'history': {
        const where = { platform: msg.platform, conversation: msg.conversation };
        return { views: [], history: await this.history.find(historyQuery(msg.text), msg.user, where, language) };
      }
      case 'question':
        return { views: [await this.answer(msg)] };
    }
  }

  private async answer(msg: InboundMessage): Promise<CardView> {
    const threadKey = `thread:${msg.platform}:${msg.conversation}:${msg.thread ?? '-'}`;
    const previousQuestion = await this.o.store.get<string>(threadKey);
    const stopTimer = this.o.metrics?.answerSeconds.startTimer();
    const answer = await this.o.answers.answer({ question: msg.text, locale: msg.locale, previousQuestion });
    stopTimer?.();
    await this.o.store.set(threadKey, msg.text, THREAD_MEMORY_MS);
    return answerCard(answer, !msg.direct);
  }

  /** Whether the start form offers people outside the workspace; adapters validating a form themselves need it. */
  get externalApprovers(): boolean {
    return this.o.externalApprovers === true;
  }

  /** The start form in the user's language; a takeover is started in a channel, so a direct chat gets a refusal. */
  startForm(user: UserRef, locale: string | undefined, where: { direct: boolean }): StartFormResult {
    const language = languageFromLocale(locale) ?? 'nl';
    if (where.direct) return { refusal: messages(language).errors.notInChannel };
    return { form: startForm(language, user, {}, { external: this.o.externalApprovers }) };
  }

  /** Stores the case and waits for its message: what a caller that has time to wait for the platform uses. */
  async submitStart(sub: StartSubmission): Promise<StartResult> {
    const stored = await this.storeStart(sub);
    if (!stored.ok) return stored;
    return { ok: true, caseId: stored.caseId, withdrawn: await stored.posted, duplicate: stored.duplicate };
  }

  /**
   * Validates and stores a new case, and returns as soon as it is stored: an adapter acknowledges the submission
   * then (acknowledged means stored), while the case message is posted. A submission whose key was seen before
   * stores nothing.
   */
  async storeStart(sub: StartSubmission): Promise<StoredStart> {
    const language = languageFromLocale(sub.locale) ?? 'nl';
    const parsed = parseStartForm(sub.values, language, { external: this.o.externalApprovers });
    if (!parsed.ok) {
      const form = startForm(language, sub.user, {}, { external: this.o.externalApprovers });
      form.errors = parsed.errors as Record<string, string>;
      return { ok: false, errors: form.errors, form };
    }
    const claim = sub.key ? `start:${sub.key}` : undefined;
    if (claim && !(await this.o.store.setIfAbsent(claim, PENDING, CLAIM_MS))) {
      const existing = await this.o.store.get<string>(claim);
      const duplicate: Duplicate = existing === PENDING || !existing ? 'pending' : 'done';
      this.o.logger.info({ key: sub.key, duplicate }, 'start form submitted again; no second case');
      const caseId = duplicate === 'done' ? (existing as string) : '';
      return { ok: true, caseId, duplicate, posted: Promise.resolve(false) };
    }
    const origin: CaseOrigin = {
      platform: sub.platform,
      workspace: sub.workspace,
      conversation: sub.conversation,
      ...(sub.threads === false ? { threads: false } : {}),
    };
    let snapshot: Awaited<ReturnType<CaseService['create']>>;
    try {
      snapshot = await this.cases.create(origin, sub.user, parsed.input, sub.names ?? {}, language);
    } catch (err) {
      if (claim) await this.o.store.delete(claim).catch(() => undefined);
      throw err;
    }
    const caseId = snapshot.data.id;
    if (claim) await this.o.store.set(claim, caseId, SUBMITTED_MS);
    this.o.logger.info({ caseId, platform: sub.platform }, 'takeover requested');
    // The render (after the write's dirty mark) posts the case message and plans the first reminder.
    const posted = this.sync.sync(caseId).then(async () => {
      const withdrawn = (await this.repo.load(caseId))?.status === 'cancelled';
      if (!withdrawn)
        await this.o.onCaseCreated?.(caseId).catch((err) => this.o.logger.warn({ caseId, err }, 'after start'));
      return withdrawn;
    });
    return { ok: true, caseId, posted };
  }

  async handleAction(action: InboundAction): Promise<ActionOutcome> {
    const fallback = languageFromLocale(action.locale) ?? 'nl';
    const tooLong = await this.reasonTooLong(action);
    if (tooLong) return tooLong;
    if (LINK_ACTIONS.has(action.action) && this.o.onLinkAction) return this.o.onLinkAction(action);
    const parsed = actionSchema.safeParse({ ...action.payload, action: action.action });
    if (!parsed.success || typeof action.caseId !== 'string' || !action.caseId) {
      return { status: 'invalid', message: messages(fallback).errors.malformed };
    }
    const verdict = await this.cases.act(action.user, action.caseId, parsed.data);
    const outcome = await this.outcome(verdict, action, fallback);
    this.o.metrics?.actions.inc({ action: parsed.data.action, outcome: outcome.status });
    return outcome;
  }

  /** A reason past the form's limit (only a forged or pasted submission gets here): the form again, with why. */
  private async reasonTooLong(action: InboundAction): Promise<ActionOutcome | undefined> {
    const { reason, role } = action.payload;
    if (action.action !== 'reject' || typeof reason !== 'string' || reason.trim().length <= REASON_MAX)
      return undefined;
    const s = typeof action.caseId === 'string' ? await this.repo.load(action.caseId) : undefined;
    if (!s || !ROLES.includes(role as Role)) return undefined;
    const m = messages(s.data.language);
    const form = rejectForm(s.data.language, s.data.id, role as Role, s.data.clientName);
    form.errors = { reason: m.errors.tooLong(REASON_MAX) };
    return { status: 'needsInput', message: form.errors.reason, form };
  }

  private async outcome(v: Verdict, action: InboundAction, fallback: 'nl' | 'en'): Promise<ActionOutcome> {
    if (v.kind === 'unknownCase') return { status: 'invalid', message: messages(fallback).errors.unknownCase };
    const lang = v.snapshot.data.language;
    const m = messages(lang);
    const id = v.snapshot.data.id;
    switch (v.kind) {
      case 'done': {
        const rendered = this.sync.sync(id);
        if (!action.answerBeforeRender) await rendered;
        const message = doneNotice(v.fact, m, v.snapshot.data.origin.threads !== false);
        this.o.logger.info({ caseId: id, fact: v.fact.type, user: action.user.id }, 'case changed');
        return { status: 'done', message, rendered };
      }
      case 'snoozed':
        return { status: 'done', message: m.notices.snoozed(v.until.slice(0, 10)) };
      case 'unchanged':
      case 'stale': {
        // Nothing was written; the message is shown again from the store in case it shows less.
        const rendered = this.sync.sync(id);
        if (!action.answerBeforeRender) await rendered;
        const message = v.kind === 'unchanged' ? m.notices.alreadyDecided : m.notices.stale;
        return { status: v.kind, message, rendered };
      }
      case 'needsReason':
        return {
          status: 'needsInput',
          message: m.notices.needReason,
          form: rejectForm(lang, id, v.role, v.snapshot.data.clientName),
        };
      case 'refused': {
        const names = v.allowed.map((u) => md`${u.name ?? u.id}`).join(' / ');
        const message = v.role ? m.refused.notYourRole(m.roleInText[v.role], names) : refusal(action.action, names, m);
        this.o.logger.info(
          { caseId: id, action: action.action, user: action.user.id },
          'action refused: not this user',
        );
        return { status: 'refused', message };
      }
    }
  }

  /**
   * The platform says the bot can no longer post in the case's conversation. Reminders stop; a case whose message
   * was never posted is withdrawn (nobody could ever press its buttons), recorded as done by the assistant itself.
   */
  private async conversationGone({ snapshot: s, messageIds }: RenderState): Promise<void> {
    const caseId = s.data.id;
    await this.o.scheduler.cancel(caseId, 'approvals');
    await this.o.scheduler.cancel(caseId, 'checklist');
    // The render that met the gone conversation read the case just now: no need to read it again.
    if (!isOpen(s.status) || messageIds.case) return;
    const assistant: UserRef = {
      platform: s.data.origin.platform,
      id: 'overname-assistent',
      name: 'Overname-assistent',
    };
    const reason = messages(s.data.language).errors.notPosted;
    const at = this.o.clock.now().toISOString();
    // Chained to the state the failed render read: the same snapshot decided that the case is withdrawn.
    await this.repo.addFact(caseId, { type: 'cancelled', reason, at, by: assistant }, chainHead(s));
    this.o.logger.warn({ caseId }, 'case message could not be posted in its conversation; case withdrawn');
  }

  /** The case's current views, rendered from the store; adapters use it to answer a press with the fresh card. */
  async views(caseId: string): Promise<{ case: CardView; checklist?: CardView } | undefined> {
    const s = await this.repo.load(caseId);
    if (!s) return undefined;
    const o = { timeZone: this.timeZone, emailLinks: this.o.emailLinks };
    return {
      case: caseCard(s, o),
      checklist: s.transfer ? checklistCard(s, o) : undefined,
    };
  }

  /** Renders now and waits: tests and adapters that must answer with the final state use it. */
  async syncCase(caseId: string): Promise<void> {
    await this.sync.sync(caseId);
  }

  /** Fires due reminders now (the scheduler's timer does this on its own). */
  runDueReminders(): Promise<number> {
    return this.o.scheduler.runDue();
  }
}
