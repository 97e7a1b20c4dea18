// TEAMS_USER_SPECIFIC_VIEWS=off, for clients that show everyone the shared card (the Agents Playground): every
// role's buttons sit on that card, it says whose they are, and the server still refuses whoever is not allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidCard } from '../helpers/adaptive-card-validator.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { cardText, executeActions, responseCard, tp } from '../helpers/teams-activities.js';
import { startCase, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

let h: TeamsHarness;
let caseId: string;
let caseMessageId: string;
beforeAll(async () => {
  h = await teamsHarness({ TEAMS_USER_SPECIFIC_VIEWS: 'off' });
  ({ caseId, caseMessageId } = await startCase(h));
});
afterAll(async () => h.close());

const shared = () => FakeBotConnector.card(h.fake.latest(caseMessageId))!;
const buttons = (card: Record<string, unknown>) =>
  executeActions(card).map((a) => `${a.verb}:${(a.data.role as string | undefined) ?? ''}`);

describe('Teams without user-specific views', () => {
  it('puts every role its buttons on the shared card, asks no refresh, and says whose they are', () => {
    const card = shared();
    assertValidCard(card);
    expect(card.refresh).toBeUndefined();
    expect(buttons(card)).toEqual([
      'approve:oldEnvironmentAdmin',
      'reject:oldEnvironmentAdmin',
      'approve:client',
      'reject:client',
      'approve:newEnvironmentAdmin',
      'reject:newEnvironmentAdmin',
      'cancel:',
    ]);
    const text = cardText(card);
    expect(text).toContain(
      'De knoppen **Akkoord** en **Afwijzen** werken alleen voor Otto Oud, Karin Klant en Rianne Aanvrager, elk bij de eigen naam.',
    );
    expect(text).toContain('De knop **Annuleren** werkt alleen voor Rianne Aanvrager.');
  });

  it('refuses a press on someone else’s button and changes nothing', async () => {
    const before = await h.app.engine.repo.load(caseId);
    const r = await h.teams.invoke(
      tp.oldAdmin,
      'approve',
      { caseId, role: 'client', card: 'case' },
      { kind: 'channel', thread: caseMessageId },
    );
    expect(cardText(responseCard(r))).toContain('Alleen Karin Klant kan akkoord geven of afwijzen als klant');
    expect(await h.app.engine.repo.load(caseId)).toEqual(before);
  });

  it('shows the case card from a status line, so someone whose chat lost the card can still decide', async () => {
    const where = { kind: 'channel' as const };
    await h.teams.message(tp.client, 'status', where);
    const status = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    assertValidCard(status);
    const show = executeActions(status).find((a) => a.verb === 'refresh')!;
    expect(show.data).toEqual({ caseId, card: 'case' });
    const shown = responseCard(await h.teams.invoke(tp.client, show.verb, show.data, where))!;
    expect(cardText(shown)).toContain('Overname Bakkerij De Korst B.V.');
    expect(buttons(shown)).toContain('approve:client');
  });

  it('lets each approver press their own button on the shared card, until the case is approved', async () => {
    const where = { kind: 'channel' as const, thread: caseMessageId };
    for (const [who, role] of [
      [tp.oldAdmin, 'oldEnvironmentAdmin'],
      [tp.client, 'client'],
      [tp.requester, 'newEnvironmentAdmin'],
    ] as const) {
      const r = await h.teams.invoke(who, 'approve', { caseId, role, card: 'case' }, where);
      expect(r.status).toBe(200);
    }
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('approved');
    const card = shared();
    expect(card.refresh).toBeUndefined();
    expect(buttons(card)).toEqual(['confirm_transfer:', 'cancel:']);
    expect(cardText(card)).toContain(
      'De knoppen **Administratie is overgezet** en **Annuleren** werken alleen voor Rianne Aanvrager.',
    );
  });
});
