// Proactive sends with a stored conversation reference: reminders in the case's thread with real mentions,
// Teams throttling (429 with Retry-After) retried, and a removed bot (403) or a deleted channel (404
// ConversationNotFound) stopping the case's reminders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorRequest } from '../helpers/fake-bot-connector.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { captureLog } from '../helpers/log-capture.js';
import { CHANNEL, cardText, responseCard, tp } from '../helpers/teams-activities.js';
import { startCase, startValues, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

const DAY_LATER = '2026-11-24T11:00:00+01:00';

let h: TeamsHarness;
beforeEach(async () => {
  h = await teamsHarness();
  await h.teams.installed(tp.requester);
});
afterEach(async () => h.close());

const inThread = (caseMessageId: string) => (r: ConnectorRequest) =>
  r.op === 'post' && r.conversationId === `${CHANNEL};messageid=${caseMessageId}`;

describe('reminders', () => {
  it('posts the approval reminder in the case thread, mentioning the pending approvers', async () => {
    const { caseMessageId } = await startCase(h);
    h.app.clock.set(DAY_LATER);
    expect(await h.app.engine.runDueReminders()).toBe(1);
    const reminder = h.fake.posts().filter(inThread(caseMessageId)).at(-1)!;
    const body = reminder.body!;
    expect(body.text).toContain('Herinnering: <at>Otto Oud</at>, <at>Karin Klant</at> en <at>Rianne Aanvrager</at>');
    expect(body.entities).toEqual([
      { type: 'mention', text: '<at>Otto Oud</at>', mentioned: { id: tp.oldAdmin.id, name: 'Otto Oud' } },
      { type: 'mention', text: '<at>Karin Klant</at>', mentioned: { id: tp.client.id, name: 'Karin Klant' } },
      {
        type: 'mention',
        text: '<at>Rianne Aanvrager</at>',
        mentioned: { id: tp.requester.id, name: 'Rianne Aanvrager' },
      },
    ]);
    // A proactive post is not a reply to some old activity: it goes to the thread's conversation.
    expect(reminder.op).toBe('post');
  });

  it('shows user text literally in the card and in reminders: no mention, link or tag, escaped once', async () => {
    const Z = '\u200b';
    const clientName = '<at>Bram</at> [klik](https://evil.example) <script>x</script> _schuin_';
    const { caseId, caseMessageId } = await startCase(h, { ...startValues, clientName });
    const card = FakeBotConnector.card(h.fake.latest(caseMessageId));
    const text = cardText(card);
    expect(text).toContain(
      `<${Z}at>Bram<${Z}/at> \\[klik\\](https://evil.example) <${Z}script>x<${Z}/script> \\_schuin\\_`,
    );
    // No mention entity for "Bram": only the real people of the case can be mentioned.
    expect(JSON.stringify(h.fake.latest(caseMessageId)?.entities ?? [])).not.toContain('Bram');
    h.app.clock.set(DAY_LATER);
    expect(await h.app.engine.runDueReminders()).toBe(1);
    const reminder = String(h.fake.posts().filter(inThread(caseMessageId)).at(-1)!.body!.text);
    expect(reminder).not.toMatch(/&lt;|&amp;/);
    expect((await h.app.engine.repo.load(caseId))?.data.clientName).toBe(clientName);
  });

  it('waits out a 429 with Retry-After and then delivers', async () => {
    const { caseMessageId } = await startCase(h);
    h.fake.fail(429, { headers: { 'retry-after': '1' }, match: inThread(caseMessageId) });
    h.app.clock.set(DAY_LATER);
    expect(await h.app.engine.runDueReminders()).toBe(1);
    const tries = h.fake.requests.filter(inThread(caseMessageId));
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('retries a persistent 429 a bounded number of times, in one layer (the SDK retries are off)', async () => {
    const { caseMessageId } = await startCase(h);
    h.fake.fail(429, { times: 100, headers: { 'retry-after': '0' }, match: inThread(caseMessageId) });
    h.app.clock.set(DAY_LATER);
    await h.app.engine.runDueReminders();
    // DEFAULT_RETRY.attempts is 5; with the SDK's 3 retries underneath it would be 20.
    expect(h.fake.requests.filter(inThread(caseMessageId))).toHaveLength(5);
  });

  it('stops the reminders of a case when the bot was removed (403), without crashing', async () => {
    const { caseId, caseMessageId } = await startCase(h);
    h.fake.fail(403, { times: 100, match: (r) => r.conversationId.startsWith(CHANNEL) });
    h.app.clock.set(DAY_LATER);
    await h.app.engine.runDueReminders();
    const attempts = h.fake.requests.filter(inThread(caseMessageId)).length;
    expect(attempts).toBe(1);
    // Days later nothing is tried again for this case.
    h.app.clock.set('2026-11-30T11:00:00+01:00');
    expect(await h.app.engine.runDueReminders()).toBe(0);
    expect(h.fake.requests.filter(inThread(caseMessageId))).toHaveLength(attempts);
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('awaiting_approvals');
    const health = await fetch(`${h.app.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', platforms: { teams: true } });
  });

  it('treats a 403 on the case message update as gone too: the press is answered, reminders stop', async () => {
    const { caseId, caseMessageId } = await startCase(h);
    h.fake.fail(403, { times: 100, match: (r) => r.op === 'update' });
    const r = await h.teams.invoke(
      tp.oldAdmin,
      'approve',
      { caseId, role: 'oldEnvironmentAdmin', card: 'case' },
      {
        kind: 'channel',
        thread: caseMessageId,
      },
    );
    expect(r.status).toBe(200);
    expect(cardText(responseCard(r))).toContain('akkoord door Otto Oud');
    h.app.clock.set(DAY_LATER);
    expect(await h.app.engine.runDueReminders()).toBe(0);
    expect(h.fake.requests.filter(inThread(caseMessageId))).toHaveLength(0);
  });

  it('keeps reminding after a 404 ConversationNotFound in the thread: only its root message may be gone', async () => {
    const { caseId, caseMessageId } = await startCase(h);
    // Teams answers so for a post under a deleted message as well; the channel itself is still there.
    h.fake.fail(404, { times: 1, code: 'ConversationNotFound', match: inThread(caseMessageId) });
    h.app.clock.set(DAY_LATER);
    await h.app.engine.runDueReminders();
    expect(h.fake.requests.filter(inThread(caseMessageId)).map((r) => r.status)).toEqual([404]);
    // Retried later rather than stopped for good.
    h.app.clock.set('2026-11-24T11:10:00+01:00');
    expect(await h.app.engine.runDueReminders()).toBe(1);
    expect(h.fake.requests.filter(inThread(caseMessageId)).map((r) => r.status)).toEqual([404, 200]);
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('awaiting_approvals');
  });

  it('takes a 404 ConversationNotFound on the case update as gone, not as a deleted message to post again', async () => {
    const { caseId, caseMessageId } = await startCase(h);
    const postsBefore = h.fake.posts().length;
    const updatesBefore = h.fake.requests.filter((q) => q.op === 'update').length;
    h.fake.fail(404, { times: 100, code: 'ConversationNotFound', match: (r) => r.op === 'update' });
    const r = await h.teams.invoke(
      tp.oldAdmin,
      'approve',
      { caseId, role: 'oldEnvironmentAdmin', card: 'case' },
      { kind: 'channel', thread: caseMessageId },
    );
    expect(r.status).toBe(200);
    await h.app.engine.idle();
    expect(h.fake.requests.filter((q) => q.op === 'update')).toHaveLength(updatesBefore + 1);
    expect(h.fake.posts()).toHaveLength(postsBefore);
    h.app.clock.set(DAY_LATER);
    expect(await h.app.engine.runDueReminders()).toBe(0);
  });

  it('withdraws a new case whose card cannot be posted (403) and says so on the form', async () => {
    // Only the case card's own post fails: the form itself was posted before the bot lost access.
    h.fake.fail(403, { times: 100, match: (r) => r.op === 'post' && r.conversationId === CHANNEL });
    const { caseId, response } = await startCase(h);
    const s = (await h.app.engine.repo.load(caseId))!;
    expect(s.status).toBe('cancelled');
    expect(s.cancelled).toMatchObject({ by: { id: 'overname-assistent' } });
    expect(cardText(responseCard(response))).toContain('kon niet in het gesprek worden geplaatst');
  });
});

describe('the sent start form', () => {
  it('keeps the stored case and answers the sender when the form message cannot be replaced', async () => {
    const log = captureLog();
    const own = await teamsHarness({}, {}, log.logger);
    try {
      own.fake.fail(403, { times: 100, match: (r) => r.op === 'update' });
      log.clear();
      const { caseId, response, formPost } = await startCase(own);
      expect((await own.app.engine.repo.load(caseId))!.status).toBe('awaiting_approvals');
      expect(cardText(responseCard(response))).toContain('verstuurd door Rianne Aanvrager');
      expect(own.fake.latest(own.fake.idOf(formPost))).toEqual(formPost.body);
      expect(log.warnings().map((l) => l.msg)).toEqual(['Teams: could not replace the sent start form']);
      expect(log.errors()).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
