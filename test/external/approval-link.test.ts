// Every rule of an approval link: signature, expiry, single use, superseding, and the case states that void it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { CaseOrigin, UserRef } from '../../src/domain/case.js';
import type { CaseInput } from '../../src/domain/case-input.js';
import { CaseRepository } from '../../src/domain/case-repository.js';
import { CaseService } from '../../src/domain/case-service.js';
import { ApprovalLinks, readToken, sameMac, signToken } from '../../src/external/approval-link.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';

const origin: CaseOrigin = { platform: 'slack', workspace: 'T1', conversation: 'C1', thread: '1.1' };
const requester: UserRef = { platform: 'slack', id: 'U_REQ', name: 'Rianne' };
const input: CaseInput = {
  clientName: 'Bakkerij <script>',
  administrations: ['100'],
  oldEnvironment: 'Oud',
  newEnvironment: 'Nieuw',
  approvers: { oldEnvironmentAdmin: '', client: '', newEnvironmentAdmin: 'U_REQ' },
  external: { client: { name: 'Karin Bakker', email: 'karin@example.nl' }, oldEnvironmentAdmin: { name: 'Piet' } },
  features: { rabobank: 'no', knab: 'no', portsCertificates: 'no', vatAccessRights: 'no', reportingStructure: 'no' },
  bankLinksManagedBy: 'unknown',
};

let store: Store;
let clock: ManualClock;
let repo: CaseRepository;
let cases: CaseService;
let links: ApprovalLinks;
let caseId: string;

beforeEach(async () => {
  store = await createStore('memory://');
  clock = new ManualClock('2026-11-23T10:00:00Z');
  repo = new CaseRepository(store);
  cases = new CaseService(repo, clock, (_id, write) => write());
  links = new ApprovalLinks(store, repo, clock, { days: 7 });
  caseId = (await cases.create(origin, requester, input, { U_REQ: 'Rianne' }, 'nl')).data.id;
});
afterEach(async () => {
  await store.close();
});

async function issue(role: 'client' | 'oldEnvironmentAdmin' = 'client') {
  const r = await links.issue(caseId, role);
  if (!r.ok) throw new Error(r.problem);
  return r.token;
}

const external = (role: 'client' | 'oldEnvironmentAdmin', name = 'Karin'): UserRef => ({
  platform: 'external',
  id: `external:${role}`,
  name,
});

describe('approval link tokens', () => {
  it('records external roles as external approvers with their name and e-mail', async () => {
    const s = (await repo.load(caseId))!;
    expect(s.data.approvers.client).toEqual({
      platform: 'external',
      id: 'external:client',
      name: 'Karin Bakker',
      email: 'karin@example.nl',
    });
    expect(s.data.approvers.newEnvironmentAdmin.platform).toBe('slack');
  });

  it('opens a freshly issued link, bound to case, role and round', async () => {
    const token = await issue();
    const check = await links.check(token);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.claims).toMatchObject({ caseId, role: 'client', round: 1 });
  });

  it('refuses a token signed with another secret, or changed in any part', async () => {
    const token = await issue();
    const secret = await links.secret();
    const claims = readToken(secret, token)!;
    expect(await links.check(signToken(Buffer.from('another secret of at least 32 chars!!'), claims))).toMatchObject({
      ok: false,
      problem: 'tampered',
    });
    // Another role, another round, a later expiry: each changes the signed text, so the signature no longer fits.
    const parts = token.split('.');
    const variants = [
      [parts[0], parts[1] === '0' ? '2' : '0', ...parts.slice(2)],
      [parts[0], parts[1], '2', ...parts.slice(3)],
      [...parts.slice(0, 3), 'zzzzzz', ...parts.slice(4)],
      [...parts.slice(0, 5), `${parts[5]!.slice(0, -1)}${parts[5]!.endsWith('A') ? 'B' : 'A'}`],
    ];
    // The last character carries two spare bits: flipping only those must not make a valid twin either.
    const last = parts[5]!.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    variants.push([...parts.slice(0, 5), `${parts[5]!.slice(0, -1)}${twin}`]);
    for (const v of variants) expect((await links.check(v.join('.'))).ok, v.join('.')).toBe(false);
    for (const bad of ['', 'x', `${token}.`, token.toUpperCase(), `../${token}`, '%00', 'a'.repeat(5000)])
      expect(await links.check(bad)).toMatchObject({ ok: false, problem: 'tampered' });
  });

  it('compares signatures in constant time and only at equal length', () => {
    const a = Buffer.alloc(32, 1);
    expect(sameMac(a, Buffer.alloc(32, 1))).toBe(true);
    expect(sameMac(a, Buffer.alloc(31, 1))).toBe(false);
    expect(sameMac(a, Buffer.alloc(32, 2))).toBe(false);
  });

  it('expires after APPROVAL_LINK_DAYS', async () => {
    const token = await issue();
    clock.advance(7 * 86_400_000 - 1000);
    expect((await links.check(token)).ok).toBe(true);
    clock.advance(1000);
    expect(await links.check(token)).toMatchObject({ ok: false, problem: 'expired' });
  });

  it('works once: a second use fails, also when both race', async () => {
    const token = await issue();
    const check = await links.check(token);
    if (!check.ok) throw new Error(check.problem);
    const results = await Promise.all([links.use(check.claims), links.use(check.claims), links.use(check.claims)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await links.check(token)).toMatchObject({ ok: false, problem: 'used' });
  });

  it('dies when a new link is issued for the role, and not for another role', async () => {
    const first = await issue();
    const other = await issue('oldEnvironmentAdmin');
    const second = await issue();
    expect(await links.check(first)).toMatchObject({ ok: false, problem: 'superseded' });
    expect((await links.check(second)).ok).toBe(true);
    expect((await links.check(other)).ok).toBe(true);
    expect(second).not.toBe(first);
  });

  it('is void once the role decided, the case was rejected, re-requested or cancelled', async () => {
    const client = await issue();
    const admin = await issue('oldEnvironmentAdmin');
    await cases.act(external('client'), caseId, { action: 'approve', role: 'client' });
    expect(await links.check(client)).toMatchObject({ ok: false, problem: 'decided' });
    expect((await links.check(admin)).ok).toBe(true);
    await cases.act(requester, caseId, { action: 'reject', role: 'newEnvironmentAdmin', reason: 'nee' });
    expect(await links.check(admin)).toMatchObject({ ok: false, problem: 'rejected' });
    expect(await links.issue(caseId, 'oldEnvironmentAdmin')).toEqual({ ok: false, problem: 'rejected' });
    await cases.act(requester, caseId, { action: 'rerequest' });
    expect(await links.check(admin)).toMatchObject({ ok: false, problem: 'wrongRound' });
    expect(await links.check(client)).toMatchObject({ ok: false, problem: 'wrongRound' });
    const fresh = await issue('oldEnvironmentAdmin');
    expect((await links.check(fresh)).ok).toBe(true);
    await cases.act(requester, caseId, { action: 'cancel' });
    expect(await links.check(fresh)).toMatchObject({ ok: false, problem: 'cancelled' });
    expect(await links.issue(caseId, 'client')).toEqual({ ok: false, problem: 'cancelled' });
  });

  it('is never issued for a member role or an unknown case', async () => {
    expect(await links.issue(caseId, 'newEnvironmentAdmin')).toEqual({ ok: false, problem: 'tampered' });
    expect(await links.issue('nosuchcase00', 'client')).toEqual({ ok: false, problem: 'unknownCase' });
  });

  it('refuses a validly signed token for a member role or a case that does not exist', async () => {
    const secret = await links.secret();
    const expires = clock.now().getTime() + 86_400_000;
    const member = signToken(secret, { caseId, role: 'newEnvironmentAdmin', round: 1, expires, nonce: 'A'.repeat(16) });
    expect(await links.check(member)).toMatchObject({ ok: false, problem: 'tampered' });
    const none = signToken(secret, {
      caseId: 'nosuchcase00',
      role: 'client',
      round: 1,
      expires,
      nonce: 'A'.repeat(16),
    });
    expect(await links.check(none)).toMatchObject({ ok: false, problem: 'unknownCase' });
  });

  it('keeps a generated secret in the store, shared by every instance; a configured one wins', async () => {
    const token = await issue();
    const again = new ApprovalLinks(store, repo, clock, { days: 7 });
    expect((await again.check(token)).ok).toBe(true);
    const configured = new ApprovalLinks(store, repo, clock, { days: 7, secret: 'x'.repeat(32) });
    expect(await configured.check(token)).toMatchObject({ ok: false, problem: 'tampered' });
  });

  it('binds the CSRF token to the link and the page nonce', async () => {
    const token = await issue();
    const other = await issue('oldEnvironmentAdmin');
    const nonce = 'N'.repeat(22);
    const csrf = await links.csrf(token, nonce);
    expect(await links.csrfValid(token, nonce, csrf)).toBe(true);
    expect(await links.csrfValid(other, nonce, csrf)).toBe(false);
    expect(await links.csrfValid(token, 'M'.repeat(22), csrf)).toBe(false);
    expect(await links.csrfValid(token, nonce, '')).toBe(false);
    expect(await links.csrfValid(token, nonce, `${csrf.slice(0, -1)}x`)).toBe(csrf.endsWith('x'));
  });
});
