// The takeover case: its data, the facts recorded about it, and how its status follows from those facts.
export const ROLES = ['oldEnvironmentAdmin', 'client', 'newEnvironmentAdmin'] as const;
export type Role = (typeof ROLES)[number];

export const CHECKLIST_ITEMS = [
  'newUser',
  'rabobank',
  'knab',
  'portsCertificates',
  'vatAccessRights',
  'reportingStructure',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/** Features that the move does not copy; the client may use them, not use them, or nobody knows yet. */
export const FEATURES = ['rabobank', 'knab', 'portsCertificates', 'vatAccessRights', 'reportingStructure'] as const;
export type Feature = (typeof FEATURES)[number];
export type FeatureUse = 'yes' | 'no' | 'unknown';
export const LINK_MANAGERS = ['client', 'previousAccountant', 'unknown'] as const;
export type LinkManager = (typeof LINK_MANAGERS)[number];

/** 'external': someone outside the workspace, deciding on the approval page a signed link opens. */
export type Platform = 'slack' | 'teams' | 'playground' | 'external';

export interface UserRef {
  platform: Platform;
  id: string;
  name?: string;
  /** An external approver's address, given by the requester; the link may be e-mailed there. */
  email?: string;
  /** On a decision made on the approval page: where it came from, as evidence beside the name the person gave. */
  ip?: string;
  userAgent?: string;
}

/** The id an external approver gets: one per role, so the rules' sameUser() tells the roles apart. */
export const externalId = (role: Role) => `external:${role}`;

/** Where the case lives on its platform: the conversation, and the case message once posted. */
export interface CaseOrigin {
  platform: Platform;
  workspace: string;
  conversation: string;
  /** Thread root; for Slack the case message ts once posted, for Teams the conversation itself. */
  thread?: string;
  /**
   * False where follow-ups cannot go in a thread under the case message (Teams group and personal chats): they are
   * the next messages in the chat, and texts point "below" instead of "in the thread". Absent means threads.
   */
  threads?: boolean;
}

export interface CaseData {
  id: string;
  createdAt: string;
  origin: CaseOrigin;
  language: 'nl' | 'en';
  clientName: string;
  administrations: string[];
  oldEnvironment: string;
  newEnvironment: string;
  requester: UserRef;
  approvers: Record<Role, UserRef>;
  features: Record<Feature, FeatureUse>;
  /** Who managed the bank links in the old environment: decides whom to ask about relinking. */
  bankLinksManagedBy: LinkManager;
}

export type Decision = 'approved' | 'rejected';

/**
 * A stored fact's link in the case's hash chain (see fact-chain.ts): `prev` is the hash of the latest fact its writer
 * saw (or of the case record), `hash` covers the fact with `prev`. Both absent on facts written before hashing.
 */
export interface FactLink {
  prev?: string;
  hash?: string;
}

/** One fact: written once, never changed. Together the facts are the case's audit trail. */
export type CaseFact = (
  | { type: 'created'; at: string; by: UserRef }
  | { type: 'decision'; round: number; role: Role; decision: Decision; reason?: string; at: string; by: UserRef }
  | { type: 'roundStarted'; round: number; at: string; by: UserRef }
  | { type: 'transferConfirmed'; at: string; by: UserRef }
  /**
   * A checklist item's state, set by a press: done, not applicable, or open again (an undo). `seq` numbers an item's
   * facts (absent: 1, as written before undo existed); the highest wins, and each is kept for the audit trail.
   */
  | { type: 'checklist'; item: ChecklistItem; state: ItemState; seq?: number; at: string; by: UserRef }
  | { type: 'cancelled'; reason?: string; at: string; by: UserRef }
) &
  FactLink;

export type CaseStatus = 'awaiting_approvals' | 'approved' | 'transferred' | 'completed' | 'rejected' | 'cancelled';

export interface RoleState {
  role: Role;
  approver: UserRef;
  decision?: Extract<CaseFact, { type: 'decision' }>;
}

export type ItemState = 'open' | 'done' | 'notApplicable';

export interface ChecklistState {
  item: ChecklistItem;
  /**
   * False when the request says the client does not use the feature: the item then starts not applicable. That
   * follows from the case's data, not from a fact, so the audit trail holds only what people did.
   */
  expected: boolean;
  /** The item's latest fact; absent while nobody pressed anything for it. */
  fact?: Extract<CaseFact, { type: 'checklist' }>;
  state: ItemState;
  /** The latest fact's number (0 without one): the next press on the item writes seq + 1. */
  seq: number;
}

/** Everything known about a case, derived from its data and facts; never stored itself. */
export interface CaseSnapshot {
  data: CaseData;
  status: CaseStatus;
  round: number;
  roles: RoleState[];
  transfer?: Extract<CaseFact, { type: 'transferConfirmed' }>;
  checklist: ChecklistState[];
  cancelled?: Extract<CaseFact, { type: 'cancelled' }>;
  /** All facts, oldest first. */
  audit: CaseFact[];
}

export const ITEM_FEATURE: Partial<Record<ChecklistItem, Feature>> = {
  rabobank: 'rabobank',
  knab: 'knab',
  portsCertificates: 'portsCertificates',
  vatAccessRights: 'vatAccessRights',
  reportingStructure: 'reportingStructure',
};

export function deriveSnapshot(data: CaseData, facts: CaseFact[]): CaseSnapshot {
  const audit = [...facts].sort((a, b) => a.at.localeCompare(b.at));
  const round = Math.max(1, ...audit.filter((f) => f.type === 'roundStarted').map((f) => f.round));
  const roles: RoleState[] = ROLES.map((role) => ({
    role,
    approver: data.approvers[role],
    decision: audit.find(
      (f): f is Extract<CaseFact, { type: 'decision' }> =>
        f.type === 'decision' && f.round === round && f.role === role,
    ),
  }));
  const transfer = audit.find(
    (f): f is Extract<CaseFact, { type: 'transferConfirmed' }> => f.type === 'transferConfirmed',
  );
  const cancelled = audit.find((f): f is Extract<CaseFact, { type: 'cancelled' }> => f.type === 'cancelled');
  const checklist: ChecklistState[] = CHECKLIST_ITEMS.map((item) => {
    const feature = ITEM_FEATURE[item];
    const expected = feature ? data.features[feature] !== 'no' : true;
    // The highest seq wins, not the latest timestamp: replicas' clocks may disagree, the atomic key never does.
    let fact: Extract<CaseFact, { type: 'checklist' }> | undefined;
    for (const f of audit) {
      if (f.type === 'checklist' && f.item === item && (!fact || itemSeq(f) > itemSeq(fact))) fact = f;
    }
    const state: ItemState = fact ? fact.state : expected ? 'open' : 'notApplicable';
    return { item, expected, fact, state, seq: fact ? itemSeq(fact) : 0 };
  });
  return {
    data,
    status: statusOf(roles, transfer, checklist, cancelled),
    round,
    roles,
    transfer,
    checklist,
    cancelled,
    audit,
  };
}

function statusOf(
  roles: RoleState[],
  transfer: CaseSnapshot['transfer'],
  checklist: ChecklistState[],
  cancelled: CaseSnapshot['cancelled'],
): CaseStatus {
  if (cancelled) return 'cancelled';
  if (transfer) return checklist.every((c) => c.state !== 'open') ? 'completed' : 'transferred';
  if (roles.some((r) => r.decision?.decision === 'rejected')) return 'rejected';
  if (roles.every((r) => r.decision?.decision === 'approved')) return 'approved';
  return 'awaiting_approvals';
}

/** A checklist fact's number among the item's facts. */
export function itemSeq(fact: Extract<CaseFact, { type: 'checklist' }>): number {
  return fact.seq ?? 1;
}

export function isOpen(status: CaseStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}

export function sameUser(a: UserRef, b: UserRef): boolean {
  return a.platform === b.platform && a.id === b.id;
}
