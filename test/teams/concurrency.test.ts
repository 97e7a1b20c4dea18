// Teams' updateActivity has no version check: concurrent decisions must never leave the case message showing an
// older state than the store. Also: a slow update still gets the invoke answered in time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderCard } from '../../adapters/teams/cards.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { cardText, responseCard, tp } from '../helpers/teams-activities.js';
import { startCase, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

describe('the case card', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
  });
  afterEach(async () => h.close());

  it('ends with the last PUT of concurrent decisions showing exactly the stored state', async () => {
    const { caseId, caseMessageId } = await startCase(h);
    const where = { kind: 'channel' as const, thread: caseMessageId };
    // Slow PUTs widen the window in which renders could overtake each other.
    h.fake.delay(150, { times: 3, match: (r) => r.op === 'update' });
    const results = await Promise.all([
      h.teams.invoke(tp.oldAdmin, 'approve', { caseId, role: 'oldEnvironmentAdmin', card: 'case' }, where),
      h.teams.invoke(tp.client, 'approve', { caseId, role: 'client', card: 'case' }, where),
      h.teams.invoke(tp.requester, 'approve', { caseId, role: 'newEnvironmentAdmin', card: 'case' }, where),
      h.teams.invoke(tp.client, 'approve', { caseId, role: 'client', card: 'case' }, where),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const snapshot = (await h.app.engine.repo.load(caseId))!;
    expect(snapshot.status).toBe('approved');
    expect(snapshot.audit.filter((f) => f.type === 'decision')).toHaveLength(3);
    const stored = (await h.app.engine.views(caseId))!.case;
    const latest = FakeBotConnector.card(h.fake.latest(caseMessageId));
    expect(latest).toEqual(renderCard(stored, undefined));
    expect(cardText(latest)).toContain('Akkoord — klaar om over te zetten');
  });

  it('is posted again, once deleted, when the connector answers the update with 404', async () => {
    const { caseId, caseMessageId } = await startCase(h);
    h.fake.versions.delete(caseMessageId);
    const where = { kind: 'channel' as const, thread: caseMessageId };
    await h.teams.invoke(tp.client, 'approve', { caseId, role: 'client', card: 'case' }, where);
    expect(h.fake.requests.filter((r) => r.op === 'update').at(-1)?.status).toBe(404);
    const again = (await h.app.engine.repo.messageId(caseId, 'case'))!;
    expect(again).not.toBe(caseMessageId);
    expect(cardText(FakeBotConnector.card(h.fake.latest(again)))).toContain('akkoord door Karin Klant');
  });
});

describe('a slow connector', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness({}, { invokeBudgetMs: 300 });
  });
  afterEach(async () => h.close());

  it("answers a press at once with the stored state; the channel's card follows", async () => {
    const { caseId, caseMessageId } = await startCase(h);
    const release = h.fake.hold((r) => r.op === 'update');
    h.teams.afterSend = undefined;
    const r = await h.teams.invoke(
      tp.oldAdmin,
      'approve',
      { caseId, role: 'oldEnvironmentAdmin', card: 'case' },
      { kind: 'channel', thread: caseMessageId },
    );
    // Answered while the (slow) update of the channel's card is still on its way.
    expect(cardText(FakeBotConnector.card(h.fake.latest(caseMessageId)))).not.toContain('akkoord door Otto');
    const card = responseCard(r);
    expect(cardText(card)).toContain('Je akkoord als beheerder oude omgeving is vastgelegd.');
    expect(cardText(card)).toContain('akkoord door Otto Oud');
    release();
    await h.fake.waitFor(() =>
      cardText(FakeBotConnector.card(h.fake.latest(caseMessageId))).includes('akkoord door Otto'),
    );
  });

  it('answers at the invoke budget when posting the case message is slow, and the message follows', async () => {
    const release = h.fake.hold((r) => r.op === 'post' && JSON.stringify(r.body ?? {}).includes('Bakkerij'));
    h.teams.afterSend = undefined;
    const { caseId, response } = await startCase(h);
    expect(response.status).toBe(200);
    expect(response.text).toContain('Je keuze is ontvangen');
    // Answered while the case message is still being posted.
    expect(await h.app.engine.repo.messageId(caseId, 'case')).toBeUndefined();
    release();
    await h.app.engine.idle();
    expect(await h.app.engine.repo.messageId(caseId, 'case')).toBeDefined();
  });
});
