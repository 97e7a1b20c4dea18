// The whole Teams flow over HTTP: install, question, start form, approvals with user-specific views, the move,
// the checklist in the case's thread, and completion; every card checked by the Adaptive Cards parser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidCard } from '../helpers/adaptive-card-validator.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import {
  CHANNEL,
  cardText,
  executeActions,
  responseCard,
  type SendResult,
  TEAM,
  TEAM_GROUP,
  TENANT,
  tp,
} from '../helpers/teams-activities.js';
import { startCase, startValues, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

let h: TeamsHarness;
beforeAll(async () => {
  h = await teamsHarness();
});
afterAll(async () => {
  // Every card the bot sent or answered with, checked once more as a whole.
  for (const versions of h.fake.versions.values()) {
    for (const v of versions) {
      const card = FakeBotConnector.card(v);
      if (card) assertValidCard(card);
    }
  }
  await h.close();
});

function card(r: SendResult): Record<string, unknown> {
  expect(r.status).toBe(200);
  expect(r.body?.statusCode).toBe(200);
  expect(r.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  const c = responseCard(r)!;
  assertValidCard(c);
  return c;
}

describe('Teams conversation', () => {
  it('stores the conversation and says hello when installed in a team', async () => {
    const r = await h.teams.installed(tp.requester);
    expect(r.status).toBe(200);
    const hello = h.fake.posts().at(-1)!;
    expect(hello.conversationId).toBe(CHANNEL);
    expect(cardText(FakeBotConnector.card(hello.body))).toContain('wat ik kan');
    const stored = await h.app.store.get<{ reference: { serviceUrl: string }; conversationType: string }>(
      `teams:conv:${CHANNEL}`,
    );
    expect(stored).toMatchObject({ reference: { serviceUrl: h.fake.url }, conversationType: 'channel' });
  });

  it('answers a question in personal chat with a cited answer card', async () => {
    const r = await h.teams.message(tp.requester, 'Hoe neem ik een klant over uit een andere Twinfield omgeving?');
    expect(r.status).toBe(200);
    const reply = h.fake.posts().at(-1)!;
    expect(reply.op).toBe('reply');
    expect(reply.conversationId).toBe(`a:personal-${tp.requester.aadObjectId}`);
    const answer = FakeBotConnector.card(reply.body)!;
    assertValidCard(answer);
    expect(cardText(answer)).toMatch(/Bron: .*\[.+\]\(https:\/\//);
    // No start button in a personal chat: a case needs the channel where the approvers are.
    expect(executeActions(answer)).toEqual([]);
  });

  it('answers in English when asked in English, whatever the client locale', async () => {
    await h.teams.message(tp.requester, 'How do I take over a client from another environment?');
    const answer = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    expect(cardText(answer)).toContain('Source:');
  });

  it('strips the @mention in a channel and replies in the thread', async () => {
    const r = await h.teams.message(tp.outsider, 'help', { kind: 'channel', thread: 'root-1' });
    expect(r.status).toBe(200);
    const reply = h.fake.posts().at(-1)!;
    expect(reply.conversationId).toBe(`${CHANNEL};messageid=root-1`);
    expect(cardText(FakeBotConnector.card(reply.body))).toContain('wat ik kan');
  });

  it('refuses to start a case in personal chat', async () => {
    await h.teams.message(tp.requester, 'nieuwe overname');
    expect(h.fake.posts().at(-1)!.body?.text).toContain('privégesprek');
  });
});

describe('start form', () => {
  it('offers the channel members as approvers, the requester preselected, and toggles for the features', async () => {
    await h.teams.message(tp.requester, 'nieuwe overname', { kind: 'channel' });
    const post = h.fake.posts().at(-1)!;
    const form = FakeBotConnector.card(post.body)!;
    assertValidCard(form);
    expect(h.fake.requests.some((r) => r.op === 'pagedmembers' && r.conversationId === TEAM)).toBe(true);
    const body = form.body as Record<string, unknown>[];
    const approver = body.find((e) => e.id === 'newEnvironmentAdmin')!;
    // A short member list is a plain dropdown (compact, the default style); type-ahead only for long lists.
    expect(approver).toMatchObject({ type: 'Input.ChoiceSet', value: tp.requester.id });
    expect(approver.style).toBeUndefined();
    expect((approver.choices as { title: string }[]).map((c) => c.title).sort()).toEqual(
      Object.values(tp)
        .map((u) => u.name)
        .sort(),
    );
    expect(body.filter((e) => e.type === 'Input.Toggle').map((e) => e.id)).toEqual([
      'features.rabobank',
      'features.knab',
      'features.portsCertificates',
      'features.vatAccessRights',
      'features.reportingStructure',
      'features.unknown',
    ]);
    expect(executeActions(form).map((a) => a.verb)).toEqual(['start_submit']);
  });

  it('shows errors per input on the card, keeps the entries, and creates nothing', async () => {
    const post = h.fake.posts().at(-1)!;
    const submit = executeActions(FakeBotConnector.card(post.body)).find((a) => a.verb === 'start_submit')!;
    const r = await h.teams.invoke(tp.requester, 'start_submit', {
      ...submit.data,
      ...startValues,
      clientName: '',
      newEnvironment: 'accountantskantoor oud',
    });
    const again = card(r);
    const text = cardText(again);
    expect(text).toContain('Controleer de gemarkeerde velden.');
    expect(text).toContain('Vul dit veld in.');
    expect(text).toContain('De nieuwe omgeving moet een andere zijn dan de oude.');
    const body = again.body as Record<string, unknown>[];
    expect(body.find((e) => e.id === 'oldEnvironment')?.value).toBe('Accountantskantoor Oud');
    expect(body.find((e) => e.id === 'features.rabobank')?.value).toBe('true');
    expect(body.find((e) => e.id === 'features.knab')?.value).toBe('false');
    expect(await h.app.engine.repo.casesInConversation('teams', CHANNEL)).toEqual([]);
  });
});

describe('a case from request to completion', () => {
  let caseId: string;
  let caseMessageId: string;
  let form: Record<string, unknown> | undefined;

  it('posts the case card top-level in the channel, read-only, refreshing for the three approvers', async () => {
    const started = await startCase(h);
    ({ caseId, caseMessageId, form } = started);
    const sent = 'Aanvraag voor **Bakkerij De Korst B.V.** verstuurd door Rianne Aanvrager.';
    expect(cardText(card(started.response))).toContain(sent);
    // The form's message itself turns into that notice for everyone: nobody else can send it again.
    const formNow = FakeBotConnector.card(h.fake.latest(h.fake.idOf(started.formPost)!))!;
    assertValidCard(formNow);
    expect(cardText(formNow)).toContain(sent);
    expect(executeActions(formNow)).toEqual([]);
    const post = h.fake.posts().find((p) => h.fake.idOf(p) === caseMessageId)!;
    expect(post.op).toBe('post');
    expect(post.conversationId).toBe(CHANNEL);
    const base = FakeBotConnector.card(post.body)!;
    assertValidCard(base);
    expect(base.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: 'refresh', data: { caseId, card: 'case' } },
      userIds: [tp.oldAdmin.id, tp.client.id, tp.requester.id],
    });
    expect(executeActions(base)).toEqual([]);
    expect(cardText(base)).toContain('<at>Otto Oud</at>');
    expect((base.msteams as { entities: unknown[] }).entities).toContainEqual({
      type: 'mention',
      text: '<at>Otto Oud</at>',
      mentioned: { id: tp.oldAdmin.id, name: 'Otto Oud' },
    });
    const snapshot = (await h.app.engine.repo.load(caseId))!;
    expect(snapshot.data.origin).toEqual({ platform: 'teams', workspace: TENANT, conversation: CHANNEL });
    expect(snapshot.data.approvers.client).toEqual({ platform: 'teams', id: tp.client.id, name: 'Karin Klant' });
    expect(snapshot.data.features).toMatchObject({ rabobank: 'yes', knab: 'no' });
  });

  it('lists the open case on "status"', async () => {
    await h.teams.message(tp.requester, 'status', { kind: 'channel' });
    const text = cardText(FakeBotConnector.card(h.fake.posts().at(-1)!.body));
    expect(text).toContain('Bakkerij De Korst B.V.');
    expect(text).not.toContain('Er lopen hier geen overnames.');
  });

  it('counts a second submit of the same form once', async () => {
    const submit = executeActions(form).find((a) => a.verb === 'start_submit')!;
    const repeat = card(await h.teams.invoke(tp.requester, 'start_submit', { ...submit.data, ...startValues }));
    expect(cardText(repeat)).toContain('Dit formulier is al verstuurd');
    expect(await h.app.engine.repo.casesInConversation('teams', CHANNEL)).toEqual([caseId]);
  });

  const refresh = (who: (typeof tp)[keyof typeof tp]) =>
    h.teams.invoke(
      who,
      'refresh',
      { caseId, card: 'case' },
      { kind: 'channel', thread: caseMessageId },
      { trigger: 'automatic' },
    );

  it('gives each approver their own buttons on refresh, and an outsider none', async () => {
    const otto = card(await refresh(tp.oldAdmin));
    expect(executeActions(otto).map((a) => [a.verb, a.data.role])).toEqual([
      ['approve', 'oldEnvironmentAdmin'],
      ['reject', 'oldEnvironmentAdmin'],
    ]);
    const rianne = card(await refresh(tp.requester));
    expect(executeActions(rianne).map((a) => [a.verb, a.data.role ?? null])).toEqual([
      ['approve', 'newEnvironmentAdmin'],
      ['reject', 'newEnvironmentAdmin'],
      ['cancel', null],
    ]);
    const outsider = card(await refresh(tp.outsider));
    expect(executeActions(outsider)).toEqual([]);
    // Who still decides, and apart from that who may cancel.
    expect(cardText(outsider)).toContain(
      'Alleen Otto Oud, Karin Klant en Rianne Aanvrager zien de knoppen **Akkoord** en **Afwijzen**.\nAlleen Rianne Aanvrager ziet de knop **Annuleren**.',
    );
    // A person with buttons of their own is told only about the others'.
    expect(cardText(rianne)).not.toContain('Alleen Rianne');
    expect(cardText(otto)).toContain('Alleen Rianne Aanvrager ziet de knop **Annuleren**.');
    expect(cardText(otto)).not.toContain('zien de knoppen');
  });

  it('refuses a click by anyone but the named person and changes nothing', async () => {
    const before = await h.app.engine.repo.load(caseId);
    const updates = h.fake.requests.filter((r) => r.op === 'update').length;
    const r = await h.teams.invoke(
      tp.outsider,
      'approve',
      { caseId, role: 'client', card: 'case' },
      {
        kind: 'channel',
        thread: caseMessageId,
      },
    );
    const refused = card(r);
    expect(cardText(refused)).toContain('Alleen Karin Klant kan akkoord geven of afwijzen als klant');
    expect(executeActions(refused)).toEqual([]);
    expect(await h.app.engine.repo.load(caseId)).toEqual(before);
    expect(h.fake.requests.filter((r) => r.op === 'update')).toHaveLength(updates);
  });

  it('records an approval once, however often the invoke arrives, and updates the message for everyone', async () => {
    const where = { kind: 'channel' as const, thread: caseMessageId };
    const id = h.teams.nextId();
    const data = { caseId, role: 'oldEnvironmentAdmin', card: 'case' };
    const [a, b] = await Promise.all([
      h.teams.invoke(tp.oldAdmin, 'approve', data, where, { id }),
      h.teams.invoke(tp.oldAdmin, 'approve', data, where, { id }),
    ]);
    for (const r of [a, b]) expect(cardText(card(r))).toContain('akkoord door Otto Oud');
    const again = card(await h.teams.invoke(tp.oldAdmin, 'approve', data, where));
    expect(cardText(again)).toContain('Dit besluit was al vastgelegd');
    const snapshot = (await h.app.engine.repo.load(caseId))!;
    expect(snapshot.audit.filter((f) => f.type === 'decision')).toHaveLength(1);
    const latest = FakeBotConnector.card(h.fake.latest(caseMessageId))!;
    expect(cardText(latest)).toContain('✅ **Beheerder oude omgeving**: <at>Otto Oud</at> — akkoord door Otto Oud');
    expect((latest.refresh as { userIds: string[] }).userIds).toEqual([tp.client.id, tp.requester.id]);
  });

  it('asks for a reason on the card when rejecting, and returns to the case card on "back"', async () => {
    const where = { kind: 'channel' as const, thread: caseMessageId };
    const ask = card(await h.teams.invoke(tp.client, 'reject', { caseId, role: 'client', card: 'case' }, where));
    const body = ask.body as Record<string, unknown>[];
    expect(body.find((e) => e.id === 'reason')).toMatchObject({
      type: 'Input.Text',
      isRequired: true,
      isMultiline: true,
    });
    // The reason card says which case and in which capacity.
    expect(cardText(ask)).toContain('Je wijst de overname van **Bakkerij De Korst B.V.** af als **klant**.');
    expect(executeActions(ask).map((a) => [a.verb, a.data])).toEqual([
      ['reject', { caseId, role: 'client', card: 'case' }],
      ['refresh', { caseId, card: 'case' }],
    ]);
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('awaiting_approvals');
    const back = card(await h.teams.invoke(tp.client, 'refresh', { caseId, card: 'case' }, where));
    expect(executeActions(back).map((a) => a.verb)).toEqual(['approve', 'reject']);
  });

  it('runs the approvals, the move, the checklist in the thread and completes', async () => {
    const where = { kind: 'channel' as const, thread: caseMessageId };
    card(await h.teams.invoke(tp.client, 'approve', { caseId, role: 'client', card: 'case' }, where));
    const last = card(
      await h.teams.invoke(tp.requester, 'approve', { caseId, role: 'newEnvironmentAdmin', card: 'case' }, where),
    );
    expect(executeActions(last).map((a) => a.verb)).toEqual(['confirm_transfer', 'cancel']);
    expect(cardText(last)).toContain('Je akkoord als beheerder nieuwe omgeving is vastgelegd.');

    const moved = card(await h.teams.invoke(tp.requester, 'confirm_transfer', { caseId, card: 'case' }, where));
    // In a channel the checklist goes in the case message's thread, and the card says so.
    expect(cardText(moved)).toContain('De nazorglijst staat in de thread.');
    const checklistId = (await h.app.engine.repo.messageId(caseId, 'checklist'))!;
    const checklistPost = h.fake.posts().find((p) => h.fake.idOf(p) === checklistId)!;
    expect(checklistPost.conversationId).toBe(`${CHANNEL};messageid=${caseMessageId}`);
    const checklist = FakeBotConnector.card(checklistPost.body)!;
    expect(executeActions(checklist)).toEqual([]);
    expect((checklist.refresh as { userIds: string[] }).userIds).toEqual([tp.requester.id]);

    const mine = card(
      await h.teams.invoke(tp.requester, 'refresh', { caseId, card: 'checklist' }, where, { trigger: 'automatic' }),
    );
    const items = executeActions(mine).filter((a) => a.verb === 'checklist_done');
    expect(items.map((a) => a.data.item)).toEqual([
      'newUser',
      'rabobank',
      'portsCertificates',
      'vatAccessRights',
      'reportingStructure',
    ]);
    for (const item of ['newUser', 'rabobank', 'portsCertificates', 'vatAccessRights']) {
      card(await h.teams.invoke(tp.requester, 'checklist_done', { caseId, item, card: 'checklist' }, where));
    }
    const done = card(
      await h.teams.invoke(
        tp.requester,
        'checklist_na',
        { caseId, item: 'reportingStructure', card: 'checklist' },
        where,
      ),
    );
    // Completed, and still each item can be undone (Knab, not used says the request, can be needed after all).
    expect(executeActions(done).map((a) => [a.verb, a.data.item])).toEqual([
      ['checklist_undo', 'newUser'],
      ['checklist_undo', 'rabobank'],
      ['checklist_undo', 'knab'],
      ['checklist_undo', 'portsCertificates'],
      ['checklist_undo', 'vatAccessRights'],
      ['checklist_undo', 'reportingStructure'],
    ]);
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('completed');
    const finalCase = FakeBotConnector.card(h.fake.latest(caseMessageId))!;
    expect(cardText(finalCase)).toContain('Afgerond');
    expect(finalCase.refresh).toBeUndefined();
    expect(cardText(FakeBotConnector.card(h.fake.latest(checklistId)))).toContain(
      'niet van toepassing — Rianne Aanvrager',
    );
  });

  it('undoes an item ticked by mistake: the case reopens, "status" lists it with a link, and it completes again', async () => {
    const where = { kind: 'channel' as const, thread: caseMessageId };
    const checklistId = (await h.app.engine.repo.messageId(caseId, 'checklist'))!;
    const data = { caseId, item: 'vatAccessRights', card: 'checklist' };
    // Someone who does not run the case is refused on their own copy; nothing changes.
    const refused = card(await h.teams.invoke(tp.client, 'checklist_undo', data, where));
    expect(cardText(refused)).toContain('Alleen de aanvrager of de beheerder van de nieuwe omgeving');
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('completed');

    // The same invoke delivered twice and a second press: one undo.
    const id = h.teams.nextId();
    const [a, b] = await Promise.all([
      h.teams.invoke(tp.requester, 'checklist_undo', data, where, { id }),
      h.teams.invoke(tp.requester, 'checklist_undo', data, where, { id }),
    ]);
    for (const r of [a, b]) expect(cardText(card(r))).toContain('heropend — Rianne Aanvrager');
    const again = card(await h.teams.invoke(tp.requester, 'checklist_undo', data, where));
    expect(
      executeActions(again)
        .filter((x) => x.data.item === 'vatAccessRights')
        .map((x) => x.verb),
    ).toEqual(['checklist_done', 'checklist_na']);
    const s = (await h.app.engine.repo.load(caseId))!;
    expect(s.status).toBe('transferred');
    expect(s.audit.filter((f) => f.type === 'checklist' && f.item === 'vatAccessRights')).toHaveLength(2);
    expect(cardText(FakeBotConnector.card(h.fake.latest(caseMessageId)))).toContain('Overgezet — nazorg loopt');
    expect(cardText(FakeBotConnector.card(h.fake.latest(checklistId)))).toContain('heropend — Rianne Aanvrager');

    // "status" in the channel: the case with its age, the open item and who runs it, and a deep link to the card.
    h.app.clock.set('2026-11-26T10:00:00+01:00');
    await h.teams.message(tp.requester, 'status', { kind: 'channel' });
    const text = cardText(FakeBotConnector.card(h.fake.posts().at(-1)!.body));
    expect(text).toContain('**Bakkerij De Korst B.V.** — Overgezet — nazorg loopt — sinds 3 dagen');
    expect(text).toContain('1 nazorgpunt open, af te handelen door <at>Rianne Aanvrager</at>.');
    const link =
      `https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL)}/${caseMessageId}` +
      `?tenantId=${TENANT}&groupId=${TEAM_GROUP}&parentMessageId=${caseMessageId}&createdTime=${caseMessageId}`;
    expect(text).toContain(`[Naar het overnamebericht](${link})`);

    card(await h.teams.invoke(tp.requester, 'checklist_done', data, where));
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('completed');
  });

  it('says nothing is open on "status" once the case is completed', async () => {
    await h.teams.message(tp.requester, 'status', { kind: 'channel' });
    expect(cardText(FakeBotConnector.card(h.fake.posts().at(-1)!.body))).toContain('Er lopen hier geen overnames.');
  });
});
