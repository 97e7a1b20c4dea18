// The rules of a takeover case: who may decide what, when, and what a repeated or late press does.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { ParsedAction } from '../dialog/inbound.js';
import {
  type CaseData,
  type CaseFact,
  type CaseOrigin,
  type CaseSnapshot,
  type Decision,
  deriveSnapshot,
  externalId,
  isOpen,
  type Role,
  sameUser,
  type UserRef,
} from './case.js';
import type { CaseInput } from './case-input.js';
import type { CaseRepository } from './case-repository.js';
import { chainHead } from './fact-chain.js';

/** Outcome of a rule check, before any wording: the engine turns it into a message in the user's language. */
export type Verdict =
  | { kind: 'done'; snapshot: CaseSnapshot; fact: CaseFact }
  | { kind: 'unchanged'; snapshot: CaseSnapshot }
  /** Reminders paused until `until` (ISO); the case's messages do not show it, so nothing re-renders. */
  | { kind: 'snoozed'; snapshot: CaseSnapshot; until: string }
  | { kind: 'stale'; snapshot: CaseSnapshot }
  | { kind: 'refused'; snapshot: CaseSnapshot; allowed: UserRef[]; role?: Role }
  | { kind: 'needsReason'; snapshot: CaseSnapshot; role: Role }
  | { kind: 'unknownCase' };

export function newCaseId(): string {
  // Short enough for Slack button values and store keys, random enough never to collide or be guessed.
  return randomBytes(9).toString('base64url');
}

export class CaseService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly clock: Clock,
    /**
     * Runs every write that changes what the case's messages show. The engine puts it behind the case's dirty mark
     * and renders the case after it, so a crash between the write and the message update heals at start-up;
     * refused or invalid presses write nothing and leave no mark behind.
     */
    private readonly aroundWrite: <T>(caseId: string, write: () => Promise<T>) => Promise<T>,
  ) {}

  async create(
    origin: CaseOrigin,
    requester: UserRef,
    input: CaseInput,
    names: Record<string, string | undefined>,
    language: 'nl' | 'en',
  ): Promise<CaseSnapshot> {
    const user = (id: string): UserRef => ({ platform: origin.platform, id, name: names[id] ?? id });
    const approver = (role: Role): UserRef => {
      const outside = ((input.external ?? {}) as Partial<Record<Role, { name: string; email?: string }>>)[role];
      return outside ? { platform: 'external', id: externalId(role), ...outside } : user(input.approvers[role]);
    };
    const at = this.clock.now().toISOString();
    const data: CaseData = {
      id: newCaseId(),
      createdAt: at,
      origin,
      language,
      clientName: input.clientName,
      administrations: input.administrations,
      oldEnvironment: input.oldEnvironment,
      newEnvironment: input.newEnvironment,
      requester,
      approvers: {
        oldEnvironmentAdmin: approver('oldEnvironmentAdmin'),
        client: approver('client'),
        newEnvironmentAdmin: approver('newEnvironmentAdmin'),
      },
      features: input.features,
      bankLinksManagedBy: input.bankLinksManagedBy,
    };
    const created: CaseFact = { type: 'created', at, by: requester };
    await this.aroundWrite(data.id, () => this.repo.create(data, created));
    return deriveSnapshot(data, [created]);
  }

  async act(user: UserRef, caseId: string, action: ParsedAction): Promise<Verdict> {
    const snapshot = await this.repo.load(caseId);
    if (!snapshot) return { kind: 'unknownCase' };
    const at = this.clock.now().toISOString();
    const { data } = snapshot;
    switch (action.action) {
      case 'approve':
      case 'reject': {
        const approver = data.approvers[action.role];
        if (!sameUser(user, approver)) return { kind: 'refused', snapshot, allowed: [approver], role: action.role };
        const decision: Decision = action.action === 'approve' ? 'approved' : 'rejected';
        const existing = snapshot.roles.find((r) => r.role === action.role)?.decision;
        if (existing) return { kind: existing.decision === decision ? 'unchanged' : 'stale', snapshot };
        if (snapshot.status !== 'awaiting_approvals') return { kind: 'stale', snapshot };
        const reason = action.action === 'reject' ? action.reason : undefined;
        if (decision === 'rejected' && !reason) return { kind: 'needsReason', snapshot, role: action.role };
        const fact: CaseFact = {
          type: 'decision',
          round: snapshot.round,
          role: action.role,
          decision,
          reason,
          at,
          by: user,
        };
        return this.record(caseId, fact, snapshot);
      }
      case 'confirm_transfer': {
        const admin = data.approvers.newEnvironmentAdmin;
        if (!sameUser(user, admin)) return { kind: 'refused', snapshot, allowed: [admin] };
        if (snapshot.transfer) return { kind: 'unchanged', snapshot };
        if (snapshot.status !== 'approved') return { kind: 'stale', snapshot };
        return this.record(caseId, { type: 'transferConfirmed', at, by: user }, snapshot);
      }
      case 'checklist_done':
      case 'checklist_na':
      case 'checklist_undo': {
        const refused = notAFollowUpPerson(snapshot, user);
        if (refused) return refused;
        // The checklist exists from the move on, and stays changeable after completion (a mistake found later).
        if (!snapshot.transfer || snapshot.cancelled) return { kind: 'stale', snapshot };
        const item = snapshot.checklist.find((c) => c.item === action.item)!;
        const state = ITEM_STATE[action.action];
        if (item.state === state) return { kind: 'unchanged', snapshot };
        // Done and not applicable apply to an open item, an undo to a closed one: a "done" press on an item that is
        // now not applicable comes from a message older than the last change, and changes nothing.
        if (state !== 'open' && item.state !== 'open') return { kind: 'stale', snapshot };
        const fact: CaseFact = { type: 'checklist', item: action.item, state, seq: item.seq + 1, at, by: user };
        const verdict = await this.record(caseId, fact, snapshot);
        if (verdict.kind !== 'unchanged') return verdict;
        // Someone else's press took this seq first: the same state is "unchanged", another one makes this stale.
        const now = (await this.repo.load(caseId))?.checklist.find((c) => c.item === action.item);
        return now?.state === state ? verdict : { kind: 'stale', snapshot };
      }
      case 'rerequest': {
        if (!sameUser(user, data.requester)) return { kind: 'refused', snapshot, allowed: [data.requester] };
        if (snapshot.status !== 'rejected') return { kind: 'stale', snapshot };
        return this.record(caseId, { type: 'roundStarted', round: snapshot.round + 1, at, by: user }, snapshot);
      }
      case 'cancel': {
        const refused = notAFollowUpPerson(snapshot, user);
        if (refused) return refused;
        if (snapshot.cancelled) return { kind: 'unchanged', snapshot };
        if (!isOpen(snapshot.status)) return { kind: 'stale', snapshot };
        return this.record(caseId, { type: 'cancelled', reason: action.reason, at, by: user }, snapshot);
      }
      case 'snooze': {
        const refused = notAFollowUpPerson(snapshot, user);
        if (refused) return refused;
        if (!isOpen(snapshot.status)) return { kind: 'stale', snapshot };
        const until = new Date(this.clock.now().getTime() + action.days * 86_400_000).toISOString();
        await this.repo.snooze(caseId, until);
        return { kind: 'snoozed', snapshot, until };
      }
    }
  }

  /**
   * Writes the fact once, chained to the latest fact the rules saw; a racing identical request finds it written and
   * reports "unchanged". The snapshot returned is the one the rules ran on: what follows from the change (messages,
   * reminders) reads the store afresh.
   */
  private async record(caseId: string, fact: CaseFact, before: CaseSnapshot): Promise<Verdict> {
    const prev = chainHead(before);
    const written = await this.aroundWrite(caseId, () => this.repo.addFact(caseId, fact, prev));
    return written ? { kind: 'done', snapshot: before, fact } : { kind: 'unchanged', snapshot: before };
  }
}

const ITEM_STATE = { checklist_done: 'done', checklist_na: 'notApplicable', checklist_undo: 'open' } as const;

/** A refusal when `user` is not one of the follow-up people (checklist, cancel, snooze). */
function notAFollowUpPerson(snapshot: CaseSnapshot, user: UserRef): Verdict | undefined {
  const allowed = followUpPeople(snapshot.data);
  return allowed.some((u) => sameUser(u, user)) ? undefined : { kind: 'refused', snapshot, allowed };
}

/** The requester and the new environment's admin run the case after approval (checklist, cancel, snooze). */
export function followUpPeople(data: CaseData): UserRef[] {
  const admin = data.approvers.newEnvironmentAdmin;
  return sameUser(admin, data.requester) ? [admin] : [data.requester, admin];
}
