// Events and the slash command: retries handled once, bots ignored, DMs, language, /overname status and help.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT } from '../helpers/fake-slack-api.js';
import {
  blockText,
  buttonsOf,
  CHANNEL,
  PEOPLE,
  type SlackHarness,
  startSlackApp,
  VALID_START,
} from '../helpers/slack-app.js';

describe('Slack events and /overname', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackApp();
  });
  afterAll(async () => h?.close());
  beforeEach(() => {
    h.fake.calls.length = 0;
  });

  const posted = () => h.fake.callsOf('chat.postMessage');

  it('handles an event retried by Slack (same event_id, X-Slack-Retry-Num) once', async () => {
    const ts = h.slack.ts();
    const first = await h.slack.mention(PEOPLE.requester.id, CHANNEL, 'Hoe neem ik een klant over?', { ts });
    const retry = await h.slack.event(
      {
        type: 'app_mention',
        user: PEOPLE.requester.id,
        channel: CHANNEL,
        text: `<@${BOT.userId}> Hoe neem ik een klant over?`,
        ts,
      },
      { eventId: first.eventId, retryNum: 1 },
    );
    // Both are acknowledged (else Slack keeps retrying), only one is answered.
    expect([first.res.status, retry.res.status]).toEqual([200, 200]);
    await h.settle();
    expect(h.fake.threadReplies(CHANNEL, ts)).toHaveLength(1);
    expect(await h.app.store.get(`slack:event:${first.eventId}`)).toBe(1);
  });

  it('answers a question in its thread with a "start a takeover" button when it is about a takeover', async () => {
    const ts = h.slack.ts();
    await h.slack.mention(PEOPLE.requester.id, CHANNEL, 'Hoe neem ik een klant over uit een andere omgeving?', { ts });
    await h.settle();
    const [reply] = h.fake.threadReplies(CHANNEL, ts);
    expect(buttonsOf(reply!.blocks)).toEqual([['start', undefined]]);
  });

  it('answers a thread follow-up in the same thread', async () => {
    const root = h.slack.ts();
    await h.slack.mention(PEOPLE.requester.id, CHANNEL, 'Welke functies worden niet mee gekopieerd?', { ts: root });
    await h.slack.mention(PEOPLE.requester.id, CHANNEL, 'En de Knab?', { threadTs: root });
    await h.settle();
    expect(h.fake.threadReplies(CHANNEL, root)).toHaveLength(2);
  });

  it('ignores bots, message subtypes, its own messages and channel messages without a mention', async () => {
    await h.slack.dm(PEOPLE.requester.id, 'hallo', { bot_id: 'B999' });
    await h.slack.dm(PEOPLE.requester.id, 'hallo', { subtype: 'message_changed' });
    await h.slack.dm(BOT.userId, 'mijn eigen bericht');
    await h.slack.event({
      type: 'message',
      channel_type: 'channel',
      channel: CHANNEL,
      user: PEOPLE.requester.id,
      text: 'hoi',
      ts: h.slack.ts(),
    });
    await h.slack.event({
      type: 'app_mention',
      channel: CHANNEL,
      bot_id: 'B999',
      text: `<@${BOT.userId}> hoi`,
      ts: h.slack.ts(),
    });
    await h.settle();
    expect(posted()).toEqual([]);
  });

  it('answers a DM in the language of the text, else in the Slack locale, else Dutch', async () => {
    await h.slack.dm(PEOPLE.english.id, 'help');
    await h.slack.dm(PEOPLE.requester.id, 'help');
    await h.slack.dm(PEOPLE.requester.id, 'How do I take over a client from another environment?');
    await h.settle();
    const [english, dutch, asked] = posted().map((c) => String(c.args.text));
    expect(english).toContain('what I can do');
    expect(dutch).toContain('wat ik kan');
    expect(asked).toMatch(/administration|client/i);
    expect(h.fake.callsOf('users.info').every((c) => c.args.include_locale === 'true')).toBe(true);
  });

  it('does not start a takeover in a DM, and offers a start button when asked by @mention', async () => {
    await h.slack.dm(PEOPLE.requester.id, 'start');
    const ts = h.slack.ts();
    await h.slack.mention(PEOPLE.requester.id, CHANNEL, 'nieuwe overname', { ts });
    await h.settle();
    const [dm, mention] = posted();
    expect(String(dm!.args.text)).toContain('niet in een privégesprek');
    expect(buttonsOf(mention!.args.blocks as unknown[])).toEqual([['start', undefined]]);
    expect(h.fake.threadReplies(CHANNEL, ts)).toHaveLength(1);
  });

  it('/overname help, status and a question answer only the asker, through response_url', async () => {
    const before = h.fake.responses.length;
    await h.slack.command(PEOPLE.requester.id, CHANNEL, 'help');
    await h.slack.command(PEOPLE.requester.id, 'C9', 'status');
    await h.slack.command(PEOPLE.english.id, CHANNEL, 'what is not copied when moving an administration?');
    await h.settle();
    const [help, status, question] = h.fake.responses.slice(before).map((r) => r.body);
    expect(help).toMatchObject({ response_type: 'ephemeral' });
    expect(blockText(help!.blocks as unknown[])).toContain('/overname');
    expect(String(status!.text)).toContain('Lopende overnames');
    expect(blockText(status!.blocks as unknown[])).toContain('Er lopen hier geen overnames.');
    expect(blockText(question!.blocks as unknown[])).toMatch(/Source: .*<https:/);
    expect(posted()).toEqual([]);
  });

  it("reads a command's text as typed: Slack's &amp;, &lt; and &gt; undone once", async () => {
    await h.slack.command(PEOPLE.requester.id, 'C7', 'Blijft de Rabo &amp; Knab koppeling &lt;echt&gt; bestaan?');
    await h.settle();
    expect(await h.app.store.get('thread:slack:C7:-')).toBe('Blijft de Rabo & Knab koppeling <echt> bestaan?');
  });

  it('/overname status lists the open cases of this channel', async () => {
    const r = await h.app.engine.submitStart({
      platform: 'slack',
      workspace: BOT.team,
      conversation: 'C7',
      user: { platform: 'slack', id: PEOPLE.requester.id, name: PEOPLE.requester.real_name },
      values: { ...VALID_START, newEnvironmentAdmin: PEOPLE.requester.id },
    });
    expect(r.ok).toBe(true);
    await h.slack.command(PEOPLE.requester.id, 'C7', 'status');
    await h.settle();
    const text = blockText(h.fake.responses.at(-1)!.body.blocks as unknown[]);
    expect(text).toContain('Bakkerij De Korst B.V.');
    expect(text).toContain(`<@${PEOPLE.oldAdmin.id}>`);
  });

  it('/overname start in a DM says where to start instead of opening a modal', async () => {
    const views = h.fake.views.length;
    await h.slack.command(PEOPLE.requester.id, `D${PEOPLE.requester.id}`, 'start');
    await h.settle();
    expect(h.fake.views).toHaveLength(views);
    expect(String(h.fake.responses.at(-1)!.body.text)).toContain('niet in een privégesprek');
  });
});
