// The per-user case index behind "my takeovers": the same entries on every store backend, one user's only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseData, CaseFact, Platform, UserRef } from '../../src/domain/case.js';
import { CaseRepository } from '../../src/domain/case-repository.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, storeBackends } from '../helpers/backends.js';
import { engineHarness } from '../helpers/engine.js';
import { describeSkipIf } from '../helpers/skip.js';

const user = (platform: Platform, id: string): UserRef => ({ platform, id, name: id });

function caseData(id: string, createdAt: string, people: Record<'req' | 'old' | 'client' | 'new', UserRef>): CaseData {
  return {
    id,
    createdAt,
    origin: { platform: people.req.platform, workspace: 'W', conversation: 'C1' },
    language: 'nl',
    clientName: `Klant ${id}`,
    administrations: ['1001'],
    oldEnvironment: 'Oud',
    newEnvironment: 'Nieuw',
    requester: people.req,
    approvers: { oldEnvironmentAdmin: people.old, client: people.client, newEnvironmentAdmin: people.new },
    features: { rabobank: 'no', knab: 'no', portsCertificates: 'no', vatAccessRights: 'no', reportingStructure: 'no' },
    bankLinksManagedBy: 'unknown',
  };
}

for (const backend of storeBackends()) {
  describeSkipIf(backend.skip, `per-user case index: ${backend.name}`, () => {
    let store: Store;
    let repo: CaseRepository;
    beforeAll(async () => {
      store = await openTestStore(backend);
      repo = new CaseRepository(store);
    });
    afterAll(async () => {
      await store?.close();
    });

    const create = (data: CaseData) => {
      const created: CaseFact = { type: 'created', at: data.createdAt, by: data.requester };
      return repo.create(data, created);
    };

    it('lists the cases a person requested or approves, newest first, and nobody else’s', async () => {
      const rianne = user('slack', 'UREQ');
      const otto = user('slack', 'UOLD');
      const karin = user('slack', 'UCLIENT');
      const bram = user('slack', 'UOUT');
      // Rianne requests and is the new environment's admin: one entry, not two.
      await create(caseData('a1', '2026-11-20T10:00:00.000Z', { req: rianne, old: otto, client: karin, new: rianne }));
      await create(caseData('a2', '2026-11-22T10:00:00.000Z', { req: otto, old: otto, client: bram, new: otto }));
      const ids = async (u: UserRef) => (await repo.casesOfUser(u)).map((e) => e.caseId);
      expect(await ids(rianne)).toEqual(['a1']);
      expect(await ids(otto)).toEqual(['a2', 'a1']);
      expect(await ids(karin)).toEqual(['a1']);
      expect(await ids(bram)).toEqual(['a2']);
      expect(await ids(user('slack', 'UNOBODY'))).toEqual([]);
      // The same id on another platform is another person.
      expect(await ids(user('teams', 'UREQ'))).toEqual([]);
      expect((await repo.casesOfUser(otto))[0]).toEqual({ caseId: 'a2', createdAt: '2026-11-22T10:00:00.000Z' });
    });

    it('keeps ids with colons apart (Teams ids look like "29:1…")', async () => {
      const short = user('teams', '29:1');
      const long = user('teams', '29:1:x');
      const other = user('teams', '29:2');
      await create(caseData('t1', '2026-11-23T10:00:00.000Z', { req: short, old: other, client: other, new: other }));
      await create(caseData('t2', '2026-11-24T10:00:00.000Z', { req: long, old: other, client: other, new: other }));
      expect((await repo.casesOfUser(short)).map((e) => e.caseId)).toEqual(['t1']);
      expect((await repo.casesOfUser(long)).map((e) => e.caseId)).toEqual(['t2']);
      expect((await repo.casesOfUser(other)).map((e) => e.caseId)).toEqual(['t2', 't1']);
    });

    it('indexes cases created before the index once, at the first start, and leaves indexed ones alone', async () => {
      const rianne = user('playground', 'U_OLDREQ');
      const karin = user('playground', 'U_OLDCLIENT');
      const other = user('playground', 'U_OLDADMIN');
      await create(
        caseData('old1', '2025-01-10T10:00:00.000Z', { req: rianne, old: other, client: karin, new: other }),
      );
      // As an older version stored it: the record and its facts, no per-user entries.
      for (const u of [rianne, karin, other]) await store.delete(`user:playground:${encodeURIComponent(u.id)}:old1`);
      expect(await repo.casesOfUser(karin)).toEqual([]);

      const h = await engineHarness(backend.url(), '2026-11-23T10:00:00+01:00', store);
      await h.engine.idle();
      expect((await repo.casesOfUser(karin)).map((e) => e.caseId)).toEqual(['old1']);
      expect((await repo.casesOfUser(rianne)).map((e) => e.caseId)).toEqual(['old1']);
      expect(await store.get('migrated:user-index')).toBeTruthy();
      // Done is done: a case that lost its entries afterwards is not looked for again at every start.
      await store.delete(`user:playground:${encodeURIComponent(karin.id)}:old1`);
      const again = await engineHarness(backend.url(), '2026-11-23T11:00:00+01:00', store);
      await again.engine.idle();
      expect(await repo.casesOfUser(karin)).toEqual([]);
      // The repository's pass itself writes only what is missing.
      expect(await repo.backfillUserIndex()).toBe(1);
      expect(await repo.backfillUserIndex()).toBe(0);
      await h.engine.stop();
      await again.engine.stop();
    });
  });
}
