// Outside approvers in Teams, through the real CloudAdapter: the link reaches the requester in a 1:1 chat only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { externalClient, externalTeamsHarness, pageUrl } from '../helpers/external.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { type CapturedLog, captureLog } from '../helpers/log-capture.js';
import { CHANNEL, cardText, tp } from '../helpers/teams-activities.js';
import { startCase, type TeamsHarness } from '../helpers/teams-app.js';

let h: TeamsHarness;
let log: CapturedLog;

beforeEach(async () => {
  log = captureLog();
  h = await externalTeamsHarness(log);
});
afterEach(() => h.close());

describe('outside approvers in Teams', () => {
  it('sends the link to the requester in a personal chat only, and the link opens the page', async () => {
    const { caseId, caseMessageId } = await startCase(h, externalClient);
    const personal = await h.fake.waitFor(() => {
      const posts = h.fake.personalPosts(tp.requester.id);
      return posts.length ? posts : undefined;
    });
    expect(personal).toHaveLength(1);
    // The chat was opened for the requester alone, in the channel's tenant, by the bot.
    const create = h.fake.requests.filter((r) => r.op === 'create');
    expect(create).toHaveLength(1);
    expect(create[0]!.body).toMatchObject({ isGroup: false, members: [{ id: tp.requester.id }] });
    const text = String(personal[0]!.body!.text);
    expect(text).toContain('Beste Karin');
    expect(text).toContain('geldig tot');
    // Nothing about the link in the channel or the case's thread.
    const inChannel = h.fake.posts().filter((r) => r.conversationId.startsWith(CHANNEL));
    expect(JSON.stringify(inChannel.map((r) => r.body))).not.toContain('/goedkeuring/');
    expect(JSON.stringify(h.fake.latest(caseMessageId))).not.toContain('/goedkeuring/');
    // No one else got a personal message.
    for (const u of [tp.oldAdmin, tp.client, tp.outsider]) expect(h.fake.personalPosts(u.id)).toEqual([]);
    // The case message names the outside person, escaped, as external.
    expect(cardText(FakeBotConnector.card(h.fake.latest(caseMessageId)))).toContain('(extern)');

    // A markdown link, so Teams makes the whole address clickable, escapes and all.
    expect(text).toMatch(
      /\[https:\/\/overname\.example\.nl\/goedkeuring\/[^\]]+\]\(https:\/\/overname\.example\.nl\/goedkeuring\/[A-Za-z0-9_.-]+\)/,
    );
    const page = await fetch(pageUrl(h.app.url, text));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Bakkerij De Korst B.V.');
    expect(html).toContain('Karin &lt;Bakker&gt; &amp; Zn');
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('awaiting_approvals');
  });

  it('logs one warn line and keeps the case when the personal chat cannot be opened', async () => {
    h.fake.fail(403, { match: (r) => r.op === 'create', code: 'BotNotInConversationRoster' });
    log.clear(); // the start-up warning that authentication is off
    const { caseId } = await startCase(h, externalClient);
    await h.app.engine.idle();
    expect(h.fake.personalPosts(tp.requester.id)).toEqual([]);
    expect((await h.app.engine.repo.load(caseId))!.status).toBe('awaiting_approvals');
    const warnings = log.warnings();
    expect(warnings.map((l) => l.msg)).toEqual(['approval link could not be sent to the requester']);
    expect(JSON.stringify(warnings)).not.toContain('    at ');
  });
});
