// Decides, for a due reminder, whom to remind of what, posts it in the case's thread, and plans the next one.

import { openItems, pendingApprovers, who } from '../dialog/case-views.js';
import { escapeMarkup } from '../dialog/markup.js';
import { ConversationGoneError, type Messenger } from '../dialog/view.js';
import type { CaseSnapshot } from '../domain/case.js';
import type { CaseRepository } from '../domain/case-repository.js';
import { followUpPeople } from '../domain/case-service.js';
import { joinNames } from '../i18n/format.js';
import { messages } from '../i18n/messages.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { ReminderPolicy } from './policy.js';
import type { ReminderJob, ReminderScheduler } from './scheduler.js';

export class ReminderService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly scheduler: ReminderScheduler,
    private readonly policy: ReminderPolicy,
    private readonly messengers: Map<string, Messenger>,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {}

  /**
   * Re-plans the case's reminders when its series (status and approval round) moved on since the last plan, and
   * records the series planned. Runs in the case's serialized render, after every change and at crash repair, so
   * racing decisions cannot each see half of the change, and a crash between a write and its plan heals.
   */
  async follow(s: CaseSnapshot, plannedSeries: string | undefined, now: Date): Promise<void> {
    const series = `${s.status}:${s.round}`;
    if (series === plannedSeries) return;
    await this.plan(s, now);
    await this.repo.setPlannedSeries(s.data.id, series);
  }

  /** Brings the case's reminder series in line with its status. */
  private async plan(s: CaseSnapshot, now: Date): Promise<void> {
    const id = s.data.id;
    if (s.status === 'awaiting_approvals') {
      const start = s.round > 1 ? now : new Date(s.data.createdAt);
      await this.scheduler.schedule({
        caseId: id,
        kind: 'approvals',
        at: this.policy.firstApprovalReminder(start).toISOString(),
        count: 0,
        round: s.round,
      });
    } else {
      await this.scheduler.cancel(id, 'approvals');
    }
    if (s.status === 'transferred') {
      await this.scheduler.schedule({
        caseId: id,
        kind: 'checklist',
        at: this.policy.nextChecklistReminder(now).toISOString(),
        count: 0,
      });
    } else {
      await this.scheduler.cancel(id, 'checklist');
    }
  }

  /** The scheduler's handler: returns the next job of the series, or null when nothing is left to remind of. */
  handle = async (job: ReminderJob, now: Date): Promise<ReminderJob | null> => {
    const state = await this.repo.loadForRender(job.caseId);
    if (!state) return null;
    const s = state.snapshot;
    const messenger = this.messengers.get(s.data.origin.platform);
    if (!messenger) throw new Error(`no messenger for ${s.data.origin.platform}`);
    const text =
      job.kind === 'approvals' ? this.approvalsText(s, job) : this.checklistText(s, state.snoozedUntil, job, now);
    if (text === null) return null;
    if (typeof text !== 'string') return text;
    try {
      // In the thread under the case message (where the platform has threads).
      const thread = state.messageIds.case ?? s.data.origin.thread;
      await messenger.post({ ...s.data.origin, thread }, { kind: 'text', text });
      this.metrics?.reminders.inc({ kind: job.kind, result: 'sent' });
    } catch (err) {
      this.metrics?.reminders.inc({ kind: job.kind, result: 'failed' });
      if (err instanceof ConversationGoneError) {
        this.logger.warn({ caseId: s.data.id, reason: err.message }, 'conversation gone: reminders for this case stop');
        return null;
      }
      throw err;
    }
    this.logger.info({ caseId: s.data.id, kind: job.kind, count: job.count + 1 }, 'reminder sent');
    const next =
      job.kind === 'approvals' ? this.policy.nextApprovalReminder(now) : this.policy.nextChecklistReminder(now);
    return { ...job, at: next.toISOString(), count: job.count + 1 };
  };

  private approvalsText(s: CaseSnapshot, job: ReminderJob): string | null {
    if (s.status !== 'awaiting_approvals' || (job.round !== undefined && job.round !== s.round)) return null;
    const m = messages(s.data.language);
    const people = pendingApprovers(s);
    if (people.length === 0) return null;
    const lines = [
      m.reminders.approvals(
        joinNames(
          people.map((u) => who(u, s.data.language)),
          s.data.language,
        ),
        escapeMarkup(s.data.clientName),
      ),
    ];
    if (job.count >= this.policy.options.escalateAfter)
      lines.push(m.reminders.escalate(who(s.data.requester, s.data.language), job.count));
    return lines.join('\n');
  }

  private checklistText(
    s: CaseSnapshot,
    snoozed: string | undefined,
    job: ReminderJob,
    now: Date,
  ): string | ReminderJob | null {
    if (s.status !== 'transferred') return null;
    if (snoozed && Date.parse(snoozed) > now.getTime()) {
      return { ...job, at: this.policy.nextChecklistReminder(new Date(snoozed)).toISOString() };
    }
    const items = openItems(s);
    if (items.length === 0) return null;
    const m = messages(s.data.language);
    const list = items.map((i) => `- ${m.items[i]}`).join('\n');
    return m.reminders.checklist(
      joinNames(
        followUpPeople(s.data).map((u) => who(u, s.data.language)),
        s.data.language,
      ),
      list,
      items.length,
    );
  }
}
