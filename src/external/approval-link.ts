// Signed, single-use approval links for approvers outside the workspace: issuing, checking and using them.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { type CaseSnapshot, ROLES, type Role } from '../domain/case.js';
import type { CaseRepository } from '../domain/case-repository.js';
import { mac, macMatches, storedKey } from '../security/signed-token.js';
import type { Store } from '../store/store.js';

export { sameMac } from '../security/signed-token.js';

/** What a token says, all of it covered by the signature. */
export interface LinkClaims {
  caseId: string;
  role: Role;
  round: number;
  /** Epoch milliseconds, rounded down to the second. */
  expires: number;
  nonce: string;
}

/** Why a link no longer (or never) opens the decision; each gets its own page. */
export type LinkProblem =
  | 'tampered'
  | 'expired'
  | 'superseded'
  | 'used'
  | 'wrongRound'
  | 'cancelled'
  | 'rejected'
  | 'decided'
  | 'unknownCase';

export type LinkCheck =
  | { ok: true; claims: LinkClaims; snapshot: CaseSnapshot }
  | { ok: false; problem: LinkProblem; snapshot?: CaseSnapshot };

export type IssueResult = { ok: true; token: string; expires: Date } | { ok: false; problem: LinkProblem };

/** The link the requester last issued for a role: any other nonce for it is dead. */
interface CurrentLink {
  nonce: string;
  round: number;
  expires: number;
}

const SECRET_KEY = 'extlink:secret';
const currentKey = (caseId: string, role: Role) => `extlink:${caseId}:${role}`;
/** The per-case keys of approval links (the current link of each role): retention deletes them with the case. */
export const linkKeysOfCase = (caseId: string): string[] => ROLES.map((role) => currentKey(caseId, role));
const nonceKey = (nonce: string) => `extlink:nonce:${nonce}`;
const usedKey = (nonce: string) => `extlink:used:${nonce}`;
const DAY_MS = 86_400_000;

// caseId . role index . round . expiry (seconds, base 36) . nonce . signature (HMAC-SHA256, base64url)
const TOKEN =
  /^([A-Za-z0-9_-]{6,40})\.([0-2])\.([1-9][0-9]{0,3})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export function signToken(secret: Buffer, c: LinkClaims): string {
  const body = [c.caseId, ROLES.indexOf(c.role), c.round, Math.floor(c.expires / 1000).toString(36), c.nonce].join('.');
  return `${body}.${mac(secret, `link.${body}`).toString('base64url')}`;
}

/** The claims of a token signed with `secret`, or undefined for anything malformed or tampered with. */
export function readToken(secret: Buffer, token: string): LinkClaims | undefined {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const body = token.slice(0, token.lastIndexOf('.'));
  if (!macMatches(secret, `link.${body}`, m[6]!)) return undefined;
  return {
    caseId: m[1]!,
    role: ROLES[Number(m[2])]!,
    round: Number(m[3]),
    expires: Number.parseInt(m[4]!, 36) * 1000,
    nonce: m[5]!,
  };
}

export interface ApprovalLinkOptions {
  /** APPROVAL_LINK_SECRET; without it one is generated once and kept in the store (local use only). */
  secret?: string;
  days: number;
}

export class ApprovalLinks {
  /** The signing key: configured, or the store's (the first replica to ask writes it, every other reads that one). */
  readonly secret: () => Promise<Buffer>;

  constructor(
    private readonly store: Store,
    private readonly repo: CaseRepository,
    private readonly clock: Clock,
    private readonly o: ApprovalLinkOptions,
  ) {
    const configured = o.secret ? Promise.resolve(Buffer.from(o.secret, 'utf8')) : undefined;
    this.secret = configured ? () => configured : storedKey(store, SECRET_KEY, 'base64url');
  }

  /** A new link for an external role that is still to decide; the role's previous link dies with it. */
  async issue(caseId: string, role: Role): Promise<IssueResult> {
    const snapshot = await this.repo.load(caseId);
    if (!snapshot) return { ok: false, problem: 'unknownCase' };
    const problem = caseProblem(snapshot, role, snapshot.round);
    if (problem) return { ok: false, problem };
    if (snapshot.data.approvers[role].platform !== 'external') return { ok: false, problem: 'tampered' };
    const expires = Math.floor((this.clock.now().getTime() + this.o.days * DAY_MS) / 1000) * 1000;
    let nonce = randomBytes(12).toString('base64url');
    // A nonce is never handed out twice, not even by two replicas at once.
    while (!(await this.store.setIfAbsent(nonceKey(nonce), caseId, this.o.days * DAY_MS + DAY_MS)))
      nonce = randomBytes(12).toString('base64url');
    const current: CurrentLink = { nonce, round: snapshot.round, expires };
    await this.store.set(currentKey(caseId, role), current);
    const token = signToken(await this.secret(), { caseId, role, round: snapshot.round, expires, nonce });
    return { ok: true, token, expires: new Date(expires) };
  }

  /**
   * The role's newest link again, while it still works: the token is the signature over what is stored, so it can be
   * rebuilt rather than kept. Undefined when there is none or it is dead (expired, used, case moved on).
   */
  async current(caseId: string, role: Role): Promise<{ token: string; expires: Date } | undefined> {
    const current = await this.store.get<CurrentLink>(currentKey(caseId, role));
    if (!current) return undefined;
    const claims = { caseId, role, round: current.round, expires: current.expires, nonce: current.nonce };
    const token = signToken(await this.secret(), claims);
    return (await this.check(token)).ok ? { token, expires: new Date(current.expires) } : undefined;
  }

  /** Whether the token may decide now. Reads only: a link preview or mail scanner opening it changes nothing. */
  async check(token: string): Promise<LinkCheck> {
    const claims = readToken(await this.secret(), token);
    if (!claims) return { ok: false, problem: 'tampered' };
    const [current, used] = await this.store.getMany<unknown>([
      currentKey(claims.caseId, claims.role),
      usedKey(claims.nonce),
    ]);
    const snapshot = await this.repo.load(claims.caseId);
    if (!snapshot) return { ok: false, problem: 'unknownCase' };
    // Signed for a role that is a member's: only a leaked secret makes one, so treat it as forged.
    if (snapshot.data.approvers[claims.role].platform !== 'external') return { ok: false, problem: 'tampered' };
    const problem =
      caseProblem(snapshot, claims.role, claims.round) ??
      (used !== undefined ? 'used' : undefined) ??
      ((current as CurrentLink | undefined)?.nonce !== claims.nonce ? 'superseded' : undefined) ??
      (this.clock.now().getTime() >= claims.expires ? 'expired' : undefined);
    return problem ? { ok: false, problem, snapshot } : { ok: true, claims, snapshot };
  }

  /**
   * Spends the link's single use; false when another request spent it first. Called just before the decision is
   * recorded, so two posts of one page record at most one decision even before the case rules see them.
   */
  async use(claims: LinkClaims): Promise<boolean> {
    const ttl = Math.max(claims.expires - this.clock.now().getTime(), 0) + DAY_MS;
    return this.store.setIfAbsent(usedKey(claims.nonce), this.clock.now().toISOString(), ttl);
  }

  /** Gives the use back when recording the decision failed: the case rules still let at most one decision count. */
  async release(claims: LinkClaims): Promise<void> {
    await this.store.delete(usedKey(claims.nonce));
  }

  /** A CSRF token for one rendering of the page: bound to the link and to a nonce the page carries. */
  async csrf(token: string, pageNonce: string): Promise<string> {
    return mac(await this.secret(), `csrf.${token}.${pageNonce}`).toString('base64url');
  }

  async csrfValid(token: string, pageNonce: string, given: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(pageNonce) || !/^[A-Za-z0-9_-]{43}$/.test(given)) return false;
    // One spelling per token, as for links: the last character's spare bits must not make a second one.
    return macMatches(await this.secret(), `csrf.${token}.${pageNonce}`, given);
  }
}

/** Why the case no longer asks this role for a decision in this round, if it does not. */
function caseProblem(s: CaseSnapshot, role: Role, round: number): LinkProblem | undefined {
  if (s.status === 'cancelled') return 'cancelled';
  if (round !== s.round) return 'wrongRound';
  if (s.roles.find((r) => r.role === role)?.decision) return 'decided';
  if (s.status === 'rejected') return 'rejected';
  if (s.status !== 'awaiting_approvals') return 'decided';
  return undefined;
}
