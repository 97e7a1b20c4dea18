// The whole takeover through the engine: request, three approvals, move, checklist, completion; and the bad paths.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/dialog/markup.js';
import { type CardView, MessageGoneError } from '../../src/dialog/view.js';
import { dirtyMarksOf, type EngineHarness, engineHarness, names, people, validForm } from '../helpers/engine.js';

const origin = { platform: 'playground' as const, workspace: 'W1', conversation: 'C1' };

function cardText(card: CardView): string {
  return [
    card.title,
    ...card.facts.map((f) => `${f.label}: ${toPlainText(f.value)}`),
    ...card.sections.map((s) => toPlainText(s.text)),
  ].join('\n');
}

describe('case lifecycle', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await engineHarness();
  });
  afterEach(async () => h.close());

  it('posts the case message with a line and buttons per role, only for the named person', async () => {
    const id = await h.start();
    const post = h.messenger.posts()[0]!;
    expect(post.target).toMatchObject(origin);
    const card = post.view as CardView;
    expect(card.purpose).toBe('case');
    const text = cardText(card);
    expect(text).toContain('Bakkerij De Korst B.V.');
    expect(text).toContain('Beheerder oude omgeving');
    expect(text).toContain('@Otto Oud');
    expect(text).toContain('Wacht op akkoord');
    const buttons = card.sections.flatMap((s) => s.buttons ?? []);
    expect(buttons.filter((b) => b.action === 'approve').map((b) => [b.role, b.allowedUsers?.[0]?.id])).toEqual([
      ['oldEnvironmentAdmin', 'U_OLD'],
      ['client', 'U_CLIENT'],
      ['newEnvironmentAdmin', 'U_REQ'],
    ]);
    expect(buttons.every((b) => b.caseId === id)).toBe(true);
  });

  it('runs from request to completed, updating the same message in place', async () => {
    const id = await h.start();
    const caseMsg = h.messenger.posts()[0]!.messageId;
    expect((await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' })).status).toBe('done');
    expect((await h.act(id, people.client, 'approve', { role: 'client' })).status).toBe('done');
    expect((await h.act(id, people.requester, 'approve', { role: 'newEnvironmentAdmin' })).status).toBe('done');
    let card = h.messenger.latest(caseMsg) as CardView;
    expect(card.buttons.map((b) => b.action)).toContain('confirm_transfer');
    expect(cardText(card)).toContain('Akkoord — klaar om over te zetten');

    expect((await h.act(id, people.requester, 'confirm_transfer')).status).toBe('done');
    const checklistPost = h.messenger.posts()[1]!;
    expect(checklistPost.target.thread).toBe(caseMsg);
    let checklist = checklistPost.view as CardView;
    expect(checklist.purpose).toBe('checklist');
    const itemButtons = checklist.sections.flatMap((s) => s.buttons ?? []).filter((b) => b.action === 'checklist_done');
    // Knab was not ticked in the form: it is shown as not used, without buttons.
    expect(itemButtons.map((b) => b.item)).toEqual([
      'newUser',
      'rabobank',
      'portsCertificates',
      'vatAccessRights',
      'reportingStructure',
    ]);
    expect(cardText(checklist)).toContain('Wolters Kluwer Account');

    for (const item of ['newUser', 'rabobank', 'portsCertificates', 'vatAccessRights']) {
      expect((await h.act(id, people.requester, 'checklist_done', { item })).status).toBe('done');
    }
    expect((await h.act(id, people.requester, 'checklist_na', { item: 'reportingStructure' })).status).toBe('done');
    card = h.messenger.latest(caseMsg) as CardView;
    expect(cardText(card)).toContain('Afgerond');
    checklist = h.messenger.latest(checklistPost.messageId) as CardView;
    // Done is not final: each item can be undone, Knab (not used, says the request) can be needed after all.
    expect(checklist.sections.flatMap((s) => s.buttons ?? []).map((b) => [b.item, b.action, b.label])).toEqual([
      ['newUser', 'checklist_undo', 'Ongedaan maken'],
      ['rabobank', 'checklist_undo', 'Ongedaan maken'],
      ['knab', 'checklist_undo', 'Toch nodig'],
      ['portsCertificates', 'checklist_undo', 'Ongedaan maken'],
      ['vatAccessRights', 'checklist_undo', 'Ongedaan maken'],
      ['reportingStructure', 'checklist_undo', 'Ongedaan maken'],
    ]);
    expect(checklist.buttons).toEqual([]);
    const snapshot = await h.engine.repo.load(id);
    expect(snapshot?.status).toBe('completed');
    expect(snapshot?.audit.map((f) => f.type)).toEqual([
      'created',
      'decision',
      'decision',
      'decision',
      'transferConfirmed',
      'checklist',
      'checklist',
      'checklist',
      'checklist',
      'checklist',
    ]);
    expect(h.messenger.posts()).toHaveLength(2);
  });

  it('refuses a wrong clicker with the name of who may press, and changes nothing', async () => {
    const id = await h.start();
    const before = await h.engine.repo.load(id);
    const out = await h.act(id, people.outsider, 'approve', { role: 'client' });
    expect(out.status).toBe('refused');
    expect(toPlainText(out.message!)).toContain('Karin Klant');
    const forOther = await h.act(id, people.oldAdmin, 'approve', { role: 'client' });
    expect(forOther.status).toBe('refused');
    expect(await h.engine.repo.load(id)).toEqual(before);
    // Nothing was written, so nothing is left marked for a re-render at the next start.
    expect(await dirtyMarksOf(h.store, id)).toEqual([]);
  });

  it('treats a double click as one decision', async () => {
    const id = await h.start();
    const first = await h.act(id, people.client, 'approve', { role: 'client' });
    const second = await h.act(id, people.client, 'approve', { role: 'client' });
    expect([first.status, second.status]).toEqual(['done', 'unchanged']);
    expect((await h.engine.repo.load(id))!.audit.filter((f) => f.type === 'decision')).toHaveLength(1);
  });

  it('asks for a reason before recording a rejection, then allows a new round by the requester only', async () => {
    const id = await h.start();
    const ask = await h.act(id, people.client, 'reject', { role: 'client' });
    expect(ask.status).toBe('needsInput');
    expect(ask.form).toMatchObject({ kind: 'form', form: 'rejectReason', context: { caseId: id, role: 'client' } });
    expect((await h.engine.repo.load(id))!.status).toBe('awaiting_approvals');
    expect(
      (await h.act(id, people.client, 'reject', { role: 'client', reason: 'Eerst factuur <!channel> betalen' })).status,
    ).toBe('done');
    const s = (await h.engine.repo.load(id))!;
    expect(s.status).toBe('rejected');
    const card = h.messenger.latest(h.messenger.posts()[0]!.messageId) as CardView;
    expect(cardText(card)).toContain('Eerst factuur <!channel> betalen');
    // The two others are no longer waited for, and the card does not pretend they are.
    expect(cardText(card)).not.toContain('wacht op akkoord');
    expect(cardText(card).match(/^➖ .* — geen besluit meer nodig$/gm)).toHaveLength(2);
    // The late approval of another party no longer applies to this round.
    expect((await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' })).status).toBe('stale');
    expect((await h.act(id, people.client, 'rerequest')).status).toBe('refused');
    expect((await h.act(id, people.requester, 'rerequest')).status).toBe('done');
    const again = (await h.engine.repo.load(id))!;
    expect(again.status).toBe('awaiting_approvals');
    expect(again.round).toBe(2);
    expect(again.roles.every((r) => !r.decision)).toBe(true);
    expect(again.audit.filter((f) => f.type === 'decision')).toHaveLength(1);
  });

  it('rejects malformed actions and unknown cases with a clear message and changes nothing', async () => {
    const id = await h.start();
    const before = await h.engine.repo.load(id);
    for (const [caseId, action, payload] of [
      [id, 'approve', { role: 'boss' }],
      [id, 'explode', {}],
      [id, 'checklist_done', { item: 'coffee' }],
      ['', 'approve', { role: 'client' }],
    ] as const) {
      const out = await h.act(caseId, people.client, action, payload);
      expect(out.status).toBe('invalid');
      expect(out.message).toMatch(/niet|not/);
    }
    const unknown = await h.act('does-not-exist', people.client, 'approve', { role: 'client' });
    expect(unknown).toMatchObject({ status: 'invalid' });
    expect(toPlainText(unknown.message!)).toContain('bestaat niet');
    expect(await h.engine.repo.load(id)).toEqual(before);
  });

  it('validates the start form per field and creates nothing on errors', async () => {
    const r = await h.engine.submitStart({
      ...origin,
      user: people.requester,
      values: { ...validForm, clientName: ' ', newEnvironment: 'accountantskantoor oud', client: people.oldAdmin.id },
      names,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['client', 'clientName', 'newEnvironment']);
    expect(r.form.errors).toEqual(r.errors);
    expect(h.messenger.sent).toHaveLength(0);
    expect(await h.engine.repo.casesInConversation('playground', 'C1')).toEqual([]);
  });

  it('does not confirm a move before all three approved, nor let anyone but the new admin confirm', async () => {
    const id = await h.start();
    expect((await h.act(id, people.requester, 'confirm_transfer')).status).toBe('stale');
    await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
    await h.act(id, people.client, 'approve', { role: 'client' });
    await h.act(id, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
    expect((await h.act(id, people.client, 'confirm_transfer')).status).toBe('refused');
    expect((await h.act(id, people.requester, 'checklist_done', { item: 'newUser' })).status).toBe('stale');
    expect((await h.engine.repo.load(id))!.status).toBe('approved');
  });

  it('lists open cases of the conversation on "status" and cancels via the case', async () => {
    const id = await h.start();
    const reply = await h.engine.handleMessage({ ...origin, user: people.requester, text: 'status' });
    const card = reply.views[0] as CardView;
    expect(cardText(card)).toContain('Bakkerij De Korst B.V.');
    expect(cardText(card)).toContain('Wacht op akkoord van @Otto Oud, @Karin Klant en @Rianne Aanvrager.');
    expect((await h.act(id, people.outsider, 'cancel')).status).toBe('refused');
    expect((await h.act(id, people.requester, 'cancel')).status).toBe('done');
    const after = await h.engine.handleMessage({ ...origin, user: people.requester, text: 'status' });
    expect(cardText(after.views[0] as CardView)).toContain('geen overnames');
  });

  it('answers help in Dutch by default and in English when written to in English', async () => {
    const nl = await h.engine.handleMessage({ ...origin, user: people.requester, text: 'help' });
    expect((nl.views[0] as CardView).title).toContain('wat ik kan');
    const en = await h.engine.handleMessage({ ...origin, user: people.requester, text: 'what can you do?' });
    expect((en.views[0] as CardView).title).toContain('what I can do');
    const start = await h.engine.handleMessage({ ...origin, user: people.requester, text: 'nieuwe overname' });
    expect(start.openForm).toMatchObject({ kind: 'form', form: 'startCase' });
    const dm = await h.engine.handleMessage({ ...origin, user: people.requester, text: 'start', direct: true });
    expect(dm.openForm).toBeUndefined();
  });

  it('posts the case message again when someone deleted it, so the buttons are never lost', async () => {
    const id = await h.start();
    const first = h.messenger.posts()[0]!.messageId;
    h.messenger.failNext = new MessageGoneError('message_not_found');
    expect((await h.act(id, people.client, 'approve', { role: 'client' })).status).toBe('done');
    const posts = h.messenger.posts().filter((p) => (p.view as CardView).purpose === 'case');
    expect(posts).toHaveLength(2);
    const second = posts[1]!.messageId;
    expect(second).not.toBe(first);
    expect(await h.engine.repo.messageId(id, 'case')).toBe(second);
    expect(cardText(posts[1]!.view as CardView)).toContain('akkoord door Karin Klant');
  });
});
