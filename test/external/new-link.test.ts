// "New link" on the case message: the requester gets a fresh approval link privately and the old one dies (410);
// anyone else is refused privately and nothing changes. Through the real Slack adapter and the real CloudAdapter.
import { afterEach, describe, expect, it } from 'vitest';
import { createExternalPage } from '../../adapters/external/plugin.js';
import { createSlackAdapter } from '../../adapters/slack/plugin.js';
import { REFRESH_VERB } from '../../adapters/teams/cards.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { externalClient, externalTeamsHarness, PUBLIC_URL, pageUrl } from '../helpers/external.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { BOT, FakeSlackApi } from '../helpers/fake-slack-api.js';
import { buttonsOf, CHANNEL, PEOPLE, VALID_START } from '../helpers/slack-app.js';
import { SIGNING_SECRET, SlackSender } from '../helpers/slack-requests.js';
import { cardText, executeActions, responseCard, CHANNEL as TEAMS_CHANNEL, tp } from '../helpers/teams-activities.js';
import { startCase, type TeamsHarness } from '../helpers/teams-app.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The address of Slack's <url|label> in a message's blocks, made local. */
function slackPageUrl(appUrl: string, blocks: unknown[]): string {
  const path = /<https:\/\/overname\.example\.nl(\/goedkeuring\/[A-Za-z0-9_.-]+)\|/.exec(JSON.stringify(blocks))?.[1];
  if (!path) throw new Error('no approval link in the blocks');
  return `${appUrl}${path}`;
}

describe('a new approval link in Slack', () => {
  let app: TestApp;
  let fake: FakeSlackApi;
  let slack: SlackSender;

  async function start() {
    fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
    const adapter = createSlackAdapter();
    app = await startTestApp(
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PUBLIC_URL },
      { platforms: [adapter, createExternalPage()] },
    );
    slack = new SlackSender(app.url, fake);
    closers.push(async () => {
      await app.close();
      await fake.close();
    });
    const r = await app.engine.submitStart({
      platform: 'slack',
      workspace: BOT.team,
      conversation: CHANNEL,
      user: { platform: 'slack', id: PEOPLE.requester.id, name: PEOPLE.requester.real_name },
      values: {
        ...VALID_START,
        client: '',
        clientExternalName: 'Karin Bakker',
        newEnvironmentAdmin: PEOPLE.requester.id,
      },
      names: Object.fromEntries(Object.values(PEOPLE).map((p) => [p.id, p.real_name])),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const ts = (await app.engine.repo.messageId(r.caseId, 'case'))!;
    return { caseId: r.caseId, ts, settle: () => adapter.idle() };
  }
  const linksTo = (user: string) =>
    fake.ephemerals.filter((e) => e.user === user && /\/goedkeuring\//.test(JSON.stringify(e.blocks)));

  it('gives the requester a new link privately; the old link then gives the 410 page', async () => {
    const { caseId, ts, settle } = await start();
    const first = slackPageUrl(app.url, linksTo(PEOPLE.requester.id)[0]!.blocks);
    const message = fake.channelMessages(CHANNEL).find((m) => m.ts === ts)!;
    // The case message offers it on the outside role, not approve/reject buttons nobody in the chat may press.
    expect(buttonsOf(message.blocks).map(([id]) => id)).toContain('new_link:client');
    expect(buttonsOf(message.blocks).map(([id]) => id)).not.toContain('approve:client');

    expect(
      (
        await slack.action({
          user: PEOPLE.requester.id,
          actionId: 'new_link:client',
          value: caseId,
          channel: CHANNEL,
          messageTs: ts,
        })
      ).status,
    ).toBe(200);
    await settle();
    const links = linksTo(PEOPLE.requester.id);
    expect(links).toHaveLength(2);
    const second = slackPageUrl(app.url, links[1]!.blocks);
    expect(second).not.toBe(first);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === PEOPLE.requester.id)).toHaveLength(2);
    // The presser is told, privately, that the previous link is dead.
    expect(fake.ephemerals.at(-1)).toMatchObject({ user: PEOPLE.requester.id });
    expect(fake.ephemerals.at(-1)!.text).toContain('vorige link werkt niet meer');

    const old = await fetch(first);
    expect(old.status).toBe(410);
    expect(await old.text()).toContain('Er is een nieuwere link voor je gemaakt');
    expect((await fetch(second)).status).toBe(200);
    // Nothing about links in the channel.
    expect(JSON.stringify(fake.channelMessages(CHANNEL))).not.toContain('/goedkeuring/');
  });

  it('refuses anyone else privately and changes nothing: the old link still works', async () => {
    const { caseId, ts, settle } = await start();
    const first = slackPageUrl(app.url, linksTo(PEOPLE.requester.id)[0]!.blocks);
    const before = await app.engine.repo.load(caseId);
    for (const user of [PEOPLE.outsider.id, PEOPLE.oldAdmin.id]) {
      expect(
        (await slack.action({ user, actionId: 'new_link:client', value: caseId, channel: CHANNEL, messageTs: ts }))
          .status,
      ).toBe(200);
    }
    await settle();
    const notes = fake.ephemerals.filter((e) => e.user !== PEOPLE.requester.id);
    expect(notes.map((n) => n.user)).toEqual([PEOPLE.outsider.id, PEOPLE.oldAdmin.id]);
    for (const n of notes) {
      expect(n.text).toContain('Alleen de aanvrager');
      expect(JSON.stringify(n)).not.toContain('/goedkeuring/');
    }
    expect(linksTo(PEOPLE.requester.id)).toHaveLength(1);
    expect(await app.engine.repo.load(caseId)).toEqual(before);
    expect((await fetch(first)).status).toBe(200);
  });

  it('makes no link for a member’s role, nor once the outside person decided', async () => {
    const { caseId, ts, settle } = await start();
    const press = async (actionId: string) => {
      await slack.action({ user: PEOPLE.requester.id, actionId, value: caseId, channel: CHANNEL, messageTs: ts });
      await settle();
      return fake.ephemerals.at(-1)!.text;
    };
    expect(await press('new_link:oldEnvironmentAdmin')).toContain('Er kan nu geen link worden gemaakt');
    expect(await press('new_link:newEnvironmentAdmin')).toContain('begrijp ik niet');
    const page = await fetch(slackPageUrl(app.url, linksTo(PEOPLE.requester.id)[0]!.blocks));
    const html = await page.text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
    const decided = await fetch(page.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        page: field('page'),
        csrf: field('csrf'),
        lang: field('lang'),
        decision: 'approve',
        name: 'Karin Bakker',
      }).toString(),
    });
    expect(decided.status).toBe(200);
    expect(await press('new_link:client')).toContain('Er kan nu geen link worden gemaakt');
    expect(linksTo(PEOPLE.requester.id)).toHaveLength(1);
  });
});

describe('a new approval link in Teams', () => {
  let h: TeamsHarness;

  it('gives the requester a new link in the 1:1 chat and refuses anyone else; the old link gives 410', async () => {
    h = await externalTeamsHarness();
    closers.push(() => h.close());
    const { caseId, caseMessageId } = await startCase(h, externalClient);
    const firstPost = await h.fake.waitFor(() => h.fake.personalPosts(tp.requester.id)[0]);
    const first = pageUrl(h.app.url, String(firstPost.body!.text));
    // The shared card leaves it out; the requester's own view of the card (Teams' refresh) has it.
    expect(executeActions(FakeBotConnector.card(h.fake.latest(caseMessageId))).map((a) => a.verb)).not.toContain(
      'new_link',
    );
    const own = await h.teams.invoke(
      tp.requester,
      REFRESH_VERB,
      { caseId, card: 'case' },
      { kind: 'channel' },
      { trigger: 'automatic', replyToId: caseMessageId },
    );
    const action = executeActions(responseCard(own)).find((a) => a.verb === 'new_link');
    expect(action?.data).toMatchObject({ caseId, role: 'client' });

    // Someone else: refused in the answer to them alone, nothing sent, the link still works.
    const refused = await h.teams.invoke(
      tp.outsider,
      'new_link',
      action!.data,
      { kind: 'channel' },
      { replyToId: caseMessageId },
    );
    expect(refused.status).toBe(200);
    expect(cardText(responseCard(refused))).toContain('Alleen de aanvrager');
    expect(h.fake.personalPosts(tp.requester.id)).toHaveLength(1);
    expect(
      h.fake
        .posts()
        .filter((r) => r.conversationId.startsWith(TEAMS_CHANNEL))
        .map((r) => JSON.stringify(r.body))
        .join(),
    ).not.toContain('/goedkeuring/');
    expect((await fetch(first)).status).toBe(200);

    const pressed = await h.teams.invoke(
      tp.requester,
      'new_link',
      action!.data,
      { kind: 'channel' },
      { replyToId: caseMessageId },
    );
    expect(pressed.status).toBe(200);
    expect(cardText(responseCard(pressed))).toContain('vorige link werkt niet meer');
    const posts = await h.fake.waitFor(() => {
      const p = h.fake.personalPosts(tp.requester.id);
      return p.length === 2 ? p : undefined;
    });
    const second = pageUrl(h.app.url, String(posts[1]!.body!.text));
    expect(second).not.toBe(first);
    expect((await fetch(first)).status).toBe(410);
    expect((await fetch(second)).status).toBe(200);
  });
});
