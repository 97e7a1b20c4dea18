// Other places and clients: a group chat (no threads), English, a connector without paged members, the answer's
// start button, and older clients that send Action.Submit messages instead of invokes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertValidCard } from '../helpers/adaptive-card-validator.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { CHANNEL, cardText, executeActions, responseCard, tp } from '../helpers/teams-activities.js';
import { startCase, startValues, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

let h: TeamsHarness;
beforeEach(async () => {
  h = await teamsHarness();
});
afterEach(async () => h.close());

const GROUP = '19:group-chat@thread.v2';

describe('group chat', () => {
  it('runs a case where follow-ups are plain messages in the chat (no threads there)', async () => {
    await h.teams.message(tp.requester, 'start', { kind: 'groupChat' });
    const form = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    const submit = executeActions(form)[0]!;
    await h.teams.invoke(tp.requester, 'start_submit', { ...submit.data, ...startValues }, { kind: 'groupChat' });
    const [caseId] = await h.app.engine.repo.casesInConversation('teams', GROUP);
    expect(caseId).toBeDefined();
    for (const [who, role] of [
      [tp.oldAdmin, 'oldEnvironmentAdmin'],
      [tp.client, 'client'],
      [tp.requester, 'newEnvironmentAdmin'],
    ] as const) {
      await h.teams.invoke(who, 'approve', { caseId, role, card: 'case' }, { kind: 'groupChat' });
    }
    const confirmed = responseCard(
      await h.teams.invoke(tp.requester, 'confirm_transfer', { caseId, card: 'case' }, { kind: 'groupChat' }),
    );
    const checklistId = (await h.app.engine.repo.messageId(caseId!, 'checklist'))!;
    const post = h.fake.posts().find((p) => h.fake.idOf(p) === checklistId)!;
    expect(post.conversationId).toBe(GROUP);
    // A chat has no threads: every pointer to the checklist says where it really is.
    const caseMessageId = (await h.app.engine.repo.messageId(caseId!, 'case'))!;
    const shared = cardText(FakeBotConnector.card(h.fake.latest(caseMessageId)));
    expect(shared).toContain('Zie de nazorglijst hieronder.');
    expect(cardText(confirmed)).toContain('De nazorglijst staat hieronder.');
    for (const text of [shared, cardText(confirmed), cardText(FakeBotConnector.card(post.body))]) {
      expect(text).not.toMatch(/thread/i);
    }
  });
});

describe('English', () => {
  it('opens an English form on "new takeover" and keeps the case in English', async () => {
    await h.teams.message(tp.requester, 'new takeover', { kind: 'channel' });
    const form = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    expect(cardText(form)).toContain('New takeover');
    const submit = executeActions(form)[0]!;
    expect(submit.data.lang).toBe('en');
    const bad = responseCard(await h.teams.invoke(tp.requester, 'start_submit', { ...submit.data, clientName: '' }));
    expect(cardText(bad)).toContain('Please check the marked fields.');
    await h.teams.invoke(tp.requester, 'start_submit', { ...submit.data, ...startValues });
    const [caseId] = await h.app.engine.repo.casesInConversation('teams', CHANNEL);
    const caseMessageId = (await h.app.engine.repo.messageId(caseId!, 'case'))!;
    const base = FakeBotConnector.card(h.fake.latest(caseMessageId));
    expect(cardText(base)).toContain('Awaiting approvals');
    expect(cardText(base)).toContain(
      'Only Otto Oud, Karin Klant and Rianne Aanvrager see the buttons **Approve** and **Reject**.',
    );
  });
});

describe('members', () => {
  it('falls back to the plain members list when paged members are not served (e.g. the Agents Playground)', async () => {
    h.fake.pagedMembersStatus = 404;
    await h.teams.message(tp.requester, 'start', { kind: 'channel' });
    expect(h.fake.requests.some((r) => r.op === 'members')).toBe(true);
    const form = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    const client = (form.body as Record<string, unknown>[]).find((e) => e.id === 'client')!;
    expect(client.choices).toHaveLength(4);
  });

  it('cuts a very large member list to what fits on a card, and says so', async () => {
    h.fake.members = Array.from({ length: 400 }, (_, i) => ({
      id: `29:${String(i).padStart(3, '0')}-${'y'.repeat(90)}`,
      name: `Medewerker ${i} met een lange achternaam ${'z'.repeat(40)}`,
    }));
    await h.teams.message(tp.requester, 'start', { kind: 'channel' });
    const form = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    assertValidCard(form);
    expect(cardText(form)).toMatch(/De keuzelijsten tonen \d+ van de 401 leden/);
    const chosen = (form.body as Record<string, unknown>[]).find((e) => e.id === 'newEnvironmentAdmin')!;
    expect(chosen.value).toBe(tp.requester.id);
  });
});

describe('the start button of an answer', () => {
  it('turns the answer card into the start form for whoever presses it', async () => {
    await h.teams.message(tp.requester, 'Ik wil een klant overnemen uit een andere omgeving, hoe start ik dat?', {
      kind: 'channel',
    });
    const answer = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    const start = executeActions(answer).find((a) => a.verb === 'start');
    expect(start).toBeDefined();
    const form = responseCard(await h.teams.invoke(tp.client, 'start', start!.data));
    assertValidCard(form);
    expect(executeActions(form).map((a) => a.verb)).toEqual(['start_submit']);
  });
});

describe('older clients (Action.Submit)', () => {
  it('acts on a submitted value message and answers refusals with a message', async () => {
    const { caseId, caseMessageId } = await startCase(h);
    const where = { kind: 'channel' as const, thread: caseMessageId };
    const submit = (who: typeof tp.client, value: Record<string, unknown>) =>
      h.teams.message(who, '', where, { value, replyToId: caseMessageId, entities: [], text: undefined });
    expect((await submit(tp.client, { verb: 'approve', caseId, role: 'client', card: 'case' })).status).toBe(200);
    expect((await h.app.engine.repo.load(caseId))!.roles.find((r) => r.role === 'client')?.decision?.decision).toBe(
      'approved',
    );
    expect(cardText(FakeBotConnector.card(h.fake.latest(caseMessageId)))).toContain('akkoord door Karin Klant');
    await submit(tp.outsider, { verb: 'approve', caseId, role: 'oldEnvironmentAdmin', card: 'case' });
    expect(h.fake.posts().at(-1)!.body?.text).toContain('Alleen Otto Oud kan akkoord geven');
  });

  it('turns the form message into the confirmation on an Action.Submit of the start form', async () => {
    await h.teams.message(tp.requester, 'start', { kind: 'channel' });
    const formPost = h.fake.posts().at(-1)!;
    const formId = h.fake.idOf(formPost);
    const data = executeActions(FakeBotConnector.card(formPost.body))[0]!.data;
    await h.teams.message(
      tp.requester,
      '',
      { kind: 'channel', thread: formPost.activityId },
      {
        value: { verb: 'start_submit', ...data, ...startValues },
        replyToId: formId,
        text: undefined,
      },
    );
    expect(await h.app.engine.repo.casesInConversation('teams', CHANNEL)).toHaveLength(1);
    expect(cardText(FakeBotConnector.card(h.fake.latest(formId)))).toContain(
      'Aanvraag voor **Bakkerij De Korst B.V.** verstuurd door Rianne Aanvrager.',
    );
  });
});

describe('welcome', () => {
  const welcomes = () =>
    h.fake
      .posts()
      .map((p) => FakeBotConnector.card(p.body))
      .filter((c) => c && /Overname-assistent — wat ik kan|Overname-assistent — what I can do/.test(cardText(c)));

  it("welcomes once per install, in the installer's language, whichever event comes first", async () => {
    await h.teams.installed(tp.requester, { kind: 'channel' }, { locale: 'en-US' });
    await h.teams.installed(tp.requester, { kind: 'channel' }, { locale: 'en-US', installFirst: true });
    const cards = welcomes();
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toContain('Overname-assistent — what I can do');
    expect(executeActions(cards[0]).map((a) => [a.verb, a.data.lang])).toEqual([['start', 'en']]);
  });

  it('offers no start button in a personal chat, and says where a takeover is started', async () => {
    await h.teams.installed(tp.requester, { kind: 'personal' });
    const [card] = welcomes();
    expect(executeActions(card)).toEqual([]);
    expect(cardText(card)).toContain('doe je in het kanaal of groepsgesprek waar de drie betrokkenen meelezen');
    expect(cardText(card)).not.toContain('**status**');
    // Asked for help in a group chat, the start button is there.
    await h.teams.message(tp.requester, 'help', { kind: 'groupChat' });
    expect(executeActions(welcomes().at(-1)).map((a) => a.verb)).toEqual(['start']);
  });
});
