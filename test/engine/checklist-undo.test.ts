// Undo on the follow-up checklist: who may, what the audit trail keeps, how status and reminders follow, and what
// a double, late or wrong press does; plus what the checklist takes over from the start form.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/dialog/markup.js';
import type { ButtonView, CardView } from '../../src/dialog/view.js';
import { dirtyMarksOf, type EngineHarness, engineHarness, people, validForm } from '../helpers/engine.js';

const ITEMS = ['newUser', 'rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure'];

describe('checklist undo', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await engineHarness();
  });
  afterEach(async () => h.close());

  /** A case through its three approvals and the move: the checklist is out. */
  async function moved(values: Record<string, unknown> = validForm): Promise<string> {
    const id = await h.start(values);
    await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
    await h.act(id, people.client, 'approve', { role: 'client' });
    await h.act(id, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
    expect((await h.act(id, people.requester, 'confirm_transfer')).status).toBe('done');
    return id;
  }

  const views = async (id: string) => {
    const v = (await h.engine.views(id))!;
    return { case: v.case, checklist: v.checklist! };
  };
  const itemButtons = (card: CardView, item: string): [string, string][] =>
    card.sections
      .flatMap((s) => s.buttons ?? [])
      .filter((b: ButtonView) => b.item === item)
      .map((b) => [b.action, b.label]);
  const itemText = async (id: string, n: number) => toPlainText((await views(id)).checklist.sections[n]!.text);

  it('reopens a completed case, keeps every press in the audit trail, and completes again', async () => {
    const id = await moved();
    for (const item of ITEMS) await h.act(id, people.requester, 'checklist_done', { item });
    expect((await h.engine.repo.load(id))!.status).toBe('completed');

    h.clock.advance(3_600_000);
    const undo = await h.act(id, people.requester, 'checklist_undo', { item: 'rabobank' });
    expect(undo.status).toBe('done');
    let s = (await h.engine.repo.load(id))!;
    expect(s.status).toBe('transferred');
    expect(s.checklist.find((c) => c.item === 'rabobank')).toMatchObject({ state: 'open', seq: 2 });
    let v = await views(id);
    expect(toPlainText(v.case.facts[0]!.value)).toBe('Overgezet — nazorg loopt');
    expect(v.case.sections.map((x) => x.text).join('\n')).not.toContain('Alle nazorgpunten zijn afgerond');
    expect(itemButtons(v.checklist, 'rabobank')).toEqual([
      ['checklist_done', 'Gereed'],
      ['checklist_na', 'Niet van toepassing'],
    ]);
    expect(await itemText(id, 1)).toMatch(/^Rabobank-bankkoppeling opnieuw leggen — ⏳ heropend — Rianne Aanvrager, /);
    // The other items still show who closed them, with their own undo.
    expect(itemButtons(v.checklist, 'newUser')).toEqual([['checklist_undo', 'Ongedaan maken']]);

    expect((await h.act(id, people.requester, 'checklist_na', { item: 'rabobank' })).status).toBe('done');
    s = (await h.engine.repo.load(id))!;
    expect(s.status).toBe('completed');
    const rabobank = s.audit.filter((f) => f.type === 'checklist' && f.item === 'rabobank');
    expect(rabobank.map((f) => (f.type === 'checklist' ? [f.state, f.seq ?? 1, f.by.id] : []))).toEqual([
      ['done', 1, 'U_REQ'],
      ['open', 2, 'U_REQ'],
      ['notApplicable', 3, 'U_REQ'],
    ]);
    v = await views(id);
    expect(await itemText(id, 1)).toContain('niet van toepassing — Rianne Aanvrager');
    expect(itemButtons(v.checklist, 'rabobank')).toEqual([['checklist_undo', 'Ongedaan maken']]);
  });

  it('resumes the checklist reminders when a completed case is reopened', async () => {
    const id = await moved();
    for (const item of ITEMS) await h.act(id, people.requester, 'checklist_done', { item });
    h.clock.set('2026-11-24T09:30:00+01:00');
    await h.engine.runDueReminders();
    const texts = () => h.messenger.posts().flatMap((p) => (p.view.kind === 'text' ? [toPlainText(p.view.text)] : []));
    expect(texts().filter((t) => t.includes('nazorgpunten'))).toEqual([]);

    await h.act(id, people.requester, 'checklist_undo', { item: 'vatAccessRights' });
    h.clock.set('2026-11-25T09:30:00+01:00');
    expect(await h.engine.runDueReminders()).toBe(1);
    expect(texts().at(-1)).toBe(
      'Herinnering: @Rianne Aanvrager, dit nazorgpunt staat nog open:\n• Toegangsrechten voor btw instellen',
    );
  });

  it('changes nothing on a double press, a late press or a press by someone else', async () => {
    const id = await moved();
    await h.act(id, people.requester, 'checklist_done', { item: 'newUser' });
    const [a, b] = await Promise.all([
      h.act(id, people.requester, 'checklist_undo', { item: 'newUser' }),
      h.act(id, people.requester, 'checklist_undo', { item: 'newUser' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['done', 'unchanged']);
    expect((await h.act(id, people.requester, 'checklist_undo', { item: 'newUser' })).status).toBe('unchanged');
    // Undo of an item that is open anyway, from a message that is older than the state: nothing to undo.
    expect((await h.act(id, people.requester, 'checklist_undo', { item: 'rabobank' })).status).toBe('unchanged');
    await h.act(id, people.requester, 'checklist_na', { item: 'newUser' });
    // "Done" from a message that still showed the item open: it is not applicable now, and stays so.
    expect((await h.act(id, people.requester, 'checklist_done', { item: 'newUser' })).status).toBe('stale');
    const before = await h.engine.repo.load(id);
    for (const who of [people.client, people.oldAdmin, people.outsider]) {
      const out = await h.act(id, who, 'checklist_undo', { item: 'newUser' });
      expect(out.status).toBe('refused');
      expect(toPlainText(out.message!)).toContain('Alleen de aanvrager of de beheerder van de nieuwe omgeving');
    }
    expect(await h.engine.repo.load(id)).toEqual(before);
    expect(await dirtyMarksOf(h.store, id)).toEqual([]);
    const facts = before!.audit.filter((f) => f.type === 'checklist' && f.item === 'newUser');
    expect(facts.map((f) => (f.type === 'checklist' ? f.state : ''))).toEqual(['done', 'open', 'notApplicable']);
  });

  it('refuses undo before the move, on a cancelled case, and for an unknown item', async () => {
    const id = await h.start();
    expect((await h.act(id, people.requester, 'checklist_undo', { item: 'newUser' })).status).toBe('stale');
    expect((await h.act(id, people.requester, 'checklist_undo', { item: 'coffee' })).status).toBe('invalid');
    const other = await moved();
    await h.act(other, people.requester, 'checklist_done', { item: 'newUser' });
    await h.act(other, people.requester, 'cancel');
    expect((await h.act(other, people.requester, 'checklist_undo', { item: 'newUser' })).status).toBe('stale');
    const checklist = (await views(other)).checklist;
    expect(checklist.sections.flatMap((s) => s.buttons ?? [])).toEqual([]);
    expect((await h.engine.repo.load(id))!.audit.map((f) => f.type)).toEqual(['created']);
  });

  it('reads an item undone more often than one read asks for, also after a restart', async () => {
    const id = await moved();
    for (let i = 0; i < 5; i++) {
      expect((await h.act(id, people.requester, 'checklist_done', { item: 'portsCertificates' })).status).toBe('done');
      expect((await h.act(id, people.requester, 'checklist_undo', { item: 'portsCertificates' })).status).toBe('done');
    }
    await h.act(id, people.requester, 'checklist_na', { item: 'portsCertificates' });
    const next = await h.restart();
    h = next;
    const s = (await h.engine.repo.load(id))!;
    expect(s.checklist.find((c) => c.item === 'portsCertificates')).toMatchObject({
      state: 'notApplicable',
      seq: 11,
    });
    expect(s.audit.filter((f) => f.type === 'checklist')).toHaveLength(11);
  });
});

describe('checklist from the start form', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await engineHarness();
  });
  afterEach(async () => h.close());

  async function moved(values: Record<string, unknown>): Promise<string> {
    const id = await h.start(values);
    await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
    await h.act(id, people.client, 'approve', { role: 'client' });
    await h.act(id, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
    await h.act(id, people.requester, 'confirm_transfer');
    return id;
  }
  const checklist = async (id: string) => (await h.engine.views(id))!.checklist!;
  const text = (card: CardView, n: number) => toPlainText(card.sections[n]!.text);

  it('starts an unused feature as not applicable, from the request and not from a made-up fact', async () => {
    const id = await moved(validForm);
    let card = await checklist(id);
    expect(text(card, 2)).toBe(
      'Knab-bankkoppeling opnieuw leggen — ➖ niet van toepassing — de klant gebruikt dit niet volgens de aanvraag\n' +
        'De Knab-koppeling wordt niet mee gekopieerd en moet opnieuw worden gelegd.',
    );
    const knab = card.sections[2]!.buttons!;
    expect(knab.map((b) => [b.action, b.label, b.allowedUsers?.map((u) => u.id)])).toEqual([
      ['checklist_undo', 'Toch nodig', ['U_REQ']],
    ]);
    // The audit trail holds only what people did.
    let s = (await h.engine.repo.load(id))!;
    expect(s.audit.some((f) => f.type === 'checklist')).toBe(false);
    expect(s.checklist.find((c) => c.item === 'knab')).toMatchObject({ state: 'notApplicable', seq: 0 });
    // It cannot be ticked as done before someone says it is needed after all.
    expect((await h.act(id, people.requester, 'checklist_done', { item: 'knab' })).status).toBe('stale');
    expect((await h.act(id, people.client, 'checklist_undo', { item: 'knab' })).status).toBe('refused');

    for (const item of ITEMS) await h.act(id, people.requester, 'checklist_done', { item });
    expect((await h.engine.repo.load(id))!.status).toBe('completed');
    expect((await h.act(id, people.requester, 'checklist_undo', { item: 'knab' })).status).toBe('done');
    s = (await h.engine.repo.load(id))!;
    expect(s.status).toBe('transferred');
    expect(s.audit.filter((f) => f.type === 'checklist' && f.item === 'knab')).toMatchObject([
      { state: 'open', seq: 1, by: { id: 'U_REQ' } },
    ]);
    card = await checklist(id);
    expect(text(card, 2)).toContain('⏳ heropend — Rianne Aanvrager');
    expect(text(card, 2)).toContain('Deze koppeling werd beheerd door de vorige accountant.');
    expect(card.sections[2]!.buttons!.map((b) => b.action)).toEqual(['checklist_done', 'checklist_na']);
  });

  it('names who managed each bank link on its item, and says so when nobody knows', async () => {
    let card = await checklist(await moved(validForm));
    expect(text(card, 1)).toBe(
      'Rabobank-bankkoppeling opnieuw leggen — ⏳\n' +
        'De Rabobank-koppeling wordt niet mee gekopieerd en moet opnieuw worden gelegd.\n' +
        'Deze koppeling werd beheerd door de vorige accountant.',
    );
    // The move has happened: no "discuss beforehand", and no articles the assistant cannot link to.
    expect(toPlainText(card.subtitle!)).toBe(
      'Deze functies en stappen zijn niet mee gekopieerd. Markeer elk punt als gereed of niet van toepassing; een vergissing maak je ongedaan.',
    );
    const all = card.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/vooraf|Zie het artikel/);

    card = await checklist(await moved({ ...validForm, features: ['rabobank', 'knab'], bankLinksManagedBy: 'client' }));
    expect(text(card, 1)).toContain('Deze koppeling werd beheerd door de klant.');
    expect(text(card, 2)).toContain('Deze koppeling werd beheerd door de klant.');
    expect(text(card, 3)).toContain('➖ niet van toepassing — de klant gebruikt dit niet volgens de aanvraag');

    card = await checklist(await moved({ ...validForm, features: ['unknown'], bankLinksManagedBy: '' }));
    // Not known whether the client uses anything: every item is open.
    expect(card.sections.every((s) => s.buttons?.[0]?.action === 'checklist_done')).toBe(true);
    expect(text(card, 2)).toContain(
      'Niet bekend wie deze koppeling beheerde: vraag na of de klant dat zelf deed of de vorige accountant.',
    );
  });

  it('speaks English on an English case', async () => {
    const r = await h.engine.submitStart({
      platform: 'playground',
      workspace: 'W1',
      conversation: 'C1',
      user: people.requester,
      locale: 'en-GB',
      values: validForm,
    });
    if (!r.ok) throw new Error('not started');
    await h.act(r.caseId, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
    await h.act(r.caseId, people.client, 'approve', { role: 'client' });
    await h.act(r.caseId, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
    await h.act(r.caseId, people.requester, 'confirm_transfer');
    await h.act(r.caseId, people.requester, 'checklist_done', { item: 'newUser' });
    const card = await checklist(r.caseId);
    expect(card.sections[0]!.buttons!.map((b) => b.label)).toEqual(['Undo']);
    expect(card.sections[2]!.buttons!.map((b) => b.label)).toEqual(['Needed after all']);
    expect(text(card, 1)).toContain('This connection was managed by the previous accountant.');
    expect(text(card, 2)).toContain('not applicable — the client does not use this, according to the request');
  });
});
