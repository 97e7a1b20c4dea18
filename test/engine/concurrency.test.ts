// 200 parallel decisions and checklist updates on each real backend: nothing lost, nothing duplicated, messages true.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toPlainText } from '../../src/dialog/markup.js';
import type { CardView } from '../../src/dialog/view.js';
import { openTestStore, storeBackends } from '../helpers/backends.js';
import { type EngineHarness, engineHarness, names, people, validForm } from '../helpers/engine.js';
import { describeSkipIf } from '../helpers/skip.js';

const CASES = 20;
const origin = { platform: 'playground' as const, workspace: 'W1', conversation: 'C-conc' };

for (const backend of storeBackends().filter((b) => b.name !== 'memory')) {
  describeSkipIf(backend.skip, `concurrency on ${backend.name}`, () => {
    let h: EngineHarness;
    const ids: string[] = [];
    beforeAll(async () => {
      h = await engineHarness('unused://', undefined, await openTestStore(backend));
      for (let i = 0; i < CASES; i++) {
        const r = await h.engine.submitStart({
          ...origin,
          user: people.requester,
          values: { ...validForm, clientName: `Klant ${i}` },
          names,
        });
        if (!r.ok) throw new Error('start failed');
        ids.push(r.caseId);
      }
    });
    afterAll(async () => h?.close());

    const act = (
      caseId: string,
      user: typeof people.requester,
      action: string,
      payload: Record<string, unknown> = {},
    ) => h.engine.handleAction({ platform: 'playground', user, caseId, action, payload });

    it('records each of 200 parallel approvals (incl. double clicks) exactly once', async () => {
      const roles = [
        [people.oldAdmin, 'oldEnvironmentAdmin'],
        [people.client, 'client'],
        [people.requester, 'newEnvironmentAdmin'],
      ] as const;
      const jobs = ids.flatMap((id) =>
        roles.flatMap(([user, role]) => Array.from({ length: 3 }, () => [id, user, role] as const)),
      );
      jobs.push(...ids.map((id) => [id, people.client, 'client'] as const));
      expect(jobs).toHaveLength(200);
      const outcomes = await Promise.all(jobs.map(([id, user, role]) => act(id, user, 'approve', { role })));
      expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(CASES * 3);
      expect(outcomes.every((o) => o.status === 'done' || o.status === 'unchanged')).toBe(true);
      for (const id of ids) {
        const s = (await h.engine.repo.load(id))!;
        expect(s.status).toBe('approved');
        expect(s.audit.filter((f) => f.type === 'decision')).toHaveLength(3);
      }
    });

    it('records each of 200 parallel checklist updates exactly once and completes every case', async () => {
      await Promise.all(ids.map((id) => act(id, people.requester, 'confirm_transfer')));
      const items = ['newUser', 'rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure'];
      const jobs = ids.flatMap((id) =>
        items.flatMap((item) => [[id, item, 'checklist_done'] as const, [id, item, 'checklist_na'] as const]),
      );
      expect(jobs).toHaveLength(200);
      const outcomes = await Promise.all(jobs.map(([id, item, action]) => act(id, people.requester, action, { item })));
      expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(CASES * items.length);
      for (const id of ids) {
        const s = (await h.engine.repo.load(id))!;
        expect(s.status).toBe('completed');
        expect(s.audit.filter((f) => f.type === 'checklist')).toHaveLength(items.length);
        expect(s.audit.filter((f) => f.type === 'transferConfirmed')).toHaveLength(1);
      }
    });

    it('records 200 parallel undos and presses on the reopened items once each, and completes every case again', async () => {
      const items = ['newUser', 'rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure'];
      // Two undos of one item at once (a double click on two replicas): one reopens it, the other finds it open.
      const undos = ids.flatMap((id) =>
        items.flatMap((item) => [0, 1].map(() => [id, item, 'checklist_undo'] as const)),
      );
      expect(undos).toHaveLength(200);
      const undone = await Promise.all(undos.map(([id, item, action]) => act(id, people.requester, action, { item })));
      expect(undone.filter((o) => o.status === 'done')).toHaveLength(CASES * items.length);
      expect(undone.every((o) => o.status === 'done' || o.status === 'unchanged')).toBe(true);
      for (const id of ids) expect((await h.engine.repo.load(id))!.status).toBe('transferred');
      // Then "done" and "not applicable" at once on each reopened item: exactly one wins.
      const presses = ids.flatMap((id) =>
        items.flatMap((item) => [[id, item, 'checklist_done'] as const, [id, item, 'checklist_na'] as const]),
      );
      const pressed = await Promise.all(
        presses.map(([id, item, action]) => act(id, people.requester, action, { item })),
      );
      expect(pressed.filter((o) => o.status === 'done')).toHaveLength(CASES * items.length);
      expect(pressed.every((o) => ['done', 'unchanged', 'stale'].includes(o.status))).toBe(true);
      for (const id of ids) {
        const s = (await h.engine.repo.load(id))!;
        expect(s.status).toBe('completed');
        // Every press that counted is in the audit trail: closed, reopened, closed again.
        expect(s.audit.filter((f) => f.type === 'checklist')).toHaveLength(items.length * 3);
        expect(s.checklist.filter((c) => c.expected).map((c) => c.seq)).toEqual(items.map(() => 3));
      }
    });

    it('leaves every case message and checklist showing the final stored state', async () => {
      for (const id of ids) await h.engine.syncCase(id);
      const caseMessages = new Set(
        h.messenger
          .posts()
          .filter((p) => (p.view as CardView).purpose === 'case')
          .map((p) => p.messageId),
      );
      expect(caseMessages.size).toBe(CASES);
      for (const messageId of caseMessages) {
        const card = h.messenger.latest(messageId) as CardView;
        expect(toPlainText(card.facts[0]!.value)).toBe('Afgerond');
      }
      const checklists = h.messenger.posts().filter((p) => (p.view as CardView).purpose === 'checklist');
      expect(checklists).toHaveLength(CASES);
      for (const c of checklists) {
        const card = h.messenger.latest(c.messageId) as CardView;
        // A completed checklist offers only undo, one per item.
        const buttons = card.sections.flatMap((s) => s.buttons ?? []);
        expect(buttons.map((b) => b.action)).toEqual(Array(6).fill('checklist_undo'));
        expect(card.buttons).toEqual([]);
      }
    });
  });
}
