// "mijn overnames" / "my takeovers" in a Teams personal chat: the card, its working buttons, and its refresh.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertValidCard } from '../helpers/adaptive-card-validator.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { cardText, executeActions, responseCard, tp } from '../helpers/teams-activities.js';
import { startCase, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

describe('Teams: my takeovers', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
  });
  afterEach(async () => h.close());

  async function mine(user: typeof tp.client, text = 'mijn overnames') {
    expect((await h.teams.message(user, text)).status).toBe(200);
    const reply = h.fake.posts().at(-1)!;
    expect(reply.conversationId).toBe(`a:personal-${user.aadObjectId}`);
    const card = FakeBotConnector.card(reply.body)!;
    assertValidCard(card);
    return card;
  }

  it('shows an approver their decision with working buttons, and the case no longer waits once approved', async () => {
    const { caseId } = await startCase(h);
    const card = await mine(tp.client);
    const text = cardText(card);
    expect(text).toContain('Wacht op jou');
    expect(text).toContain('Bakkerij De Korst B.V.');
    const approve = executeActions(card).find((a) => a.verb === 'approve')!;
    expect(approve.data).toMatchObject({ caseId, role: 'client', card: 'mine' });
    expect(executeActions(card).filter((a) => a.verb === 'approve' || a.verb === 'reject')).toHaveLength(2);
    // Refreshes itself for its reader when seen again.
    expect(card.refresh).toMatchObject({
      action: { verb: 'refresh', data: { card: 'mine' } },
      userIds: [tp.client.id],
    });

    // The press goes through the same invoke path as on the case card, and answers with the list again.
    const r = await h.teams.invoke(tp.client, 'approve', approve.data, { kind: 'personal' });
    expect(r.status).toBe(200);
    const after = responseCard(r)!;
    assertValidCard(after);
    expect(cardText(after)).toContain('Er wacht nu niets op jou.');
    const s = (await h.app.engine.repo.load(caseId))!;
    expect(s.roles.find((x) => x.role === 'client')!.decision).toMatchObject({ decision: 'approved' });
    // The channel's case card follows, as after a press there.
    const channelCard = FakeBotConnector.card(h.fake.latest((await h.app.engine.repo.messageId(caseId, 'case'))!)!);
    expect(cardText(channelCard)).toContain('akkoord door Karin Klant');
  });

  it('refuses someone else’s press from the card, changing nothing', async () => {
    const { caseId } = await startCase(h);
    const approve = executeActions(await mine(tp.client)).find((a) => a.verb === 'approve')!;
    const before = await h.app.engine.repo.load(caseId);
    const r = await h.teams.invoke(tp.outsider, 'approve', approve.data, { kind: 'personal' });
    expect(r.status).toBe(200);
    expect(cardText(responseCard(r))).toContain('Karin Klant');
    expect(await h.app.engine.repo.load(caseId)).toEqual(before);
  });

  it('lists the requester’s request, nothing for an outsider, and answers in English when asked so', async () => {
    await startCase(h);
    const rianne = cardText(await mine(tp.requester));
    expect(rianne).toContain('Door jou aangevraagd');
    expect(rianne).toMatch(/Wacht op akkoord van .*Otto Oud.*Karin Klant/);
    const bram = await mine(tp.outsider, 'my takeovers');
    expect(cardText(bram)).toContain('Nothing is waiting for you.');
    expect(cardText(bram)).not.toContain('Bakkerij');
    expect(executeActions(bram)).toEqual([]);
    // The refresh renders the current list, in the card's language.
    const r = await h.teams.invoke(tp.outsider, 'refresh', { card: 'mine', lang: 'en' }, { kind: 'personal' });
    expect(cardText(responseCard(r))).toContain('You requested');
  });
});
