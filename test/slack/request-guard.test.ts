// Requests Bolt would choke on or keep waiting: each gets a fast 4xx or an empty 200, one warn line at most, and no
// state change, and the process keeps serving.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT } from '../helpers/fake-slack-api.js';
import { captureLog } from '../helpers/log-capture.js';
import { CHANNEL, PEOPLE, type SlackHarness, slackCaseInChannel, startSlackApp } from '../helpers/slack-app.js';
import { SIGNING_SECRET, slackSignature } from '../helpers/slack-requests.js';

const log = captureLog('info');
let h: SlackHarness;
let caseId: string;

beforeAll(async () => {
  h = await startSlackApp({ LOG_LEVEL: 'info' }, { logger: log.logger });
  ({ caseId } = await slackCaseInChannel(h.app));
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.settle();
  log.clear();
});

const form = (payload: string) => new URLSearchParams({ payload }).toString();
const interaction = (payload: unknown) =>
  h.slack.post(form(JSON.stringify(payload)), 'application/x-www-form-urlencoded');
const json = (body: unknown) => h.slack.post(JSON.stringify(body), 'application/json');

async function expectNothingChanged() {
  await h.settle();
  const s = (await h.app.engine.repo.load(caseId))!;
  expect(s.audit.map((f) => f.type)).toEqual(['created']);
  expect(h.fake.callsOf('chat.update')).toEqual([]);
  expect(log.errors()).toEqual([]);
  expect(log.lines.filter((l) => /not acknowledged/.test(String(l.msg)))).toEqual([]);
}

describe('Slack requests that are not what Bolt expects', () => {
  it.each([
    ['a JSON body of null', () => json(null)],
    ['a JSON array', () => json([1, 2])],
    ['a JSON string', () => json('hello')],
    ['payload=null', () => h.slack.post('payload=null', 'application/x-www-form-urlencoded')],
    ['payload that is not JSON', () => h.slack.post('payload=%7Bnope', 'application/x-www-form-urlencoded')],
    ['a body without a type', () => json({ hello: 'world' })],
    ['an unknown content type', () => h.slack.post('{}', 'text/plain')],
  ])('%s: 400, one warn line, nothing changes', async (_name, send) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(log.warnings()).toHaveLength(1);
    await expectNothingChanged();
    // Still serving.
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
  });

  it.each([
    ['user: null', { user: null }],
    ['no user', { user: undefined }],
    ['actions: null', { actions: null }],
    ['no actions', { actions: [] }],
    ['a user id that is a number', { user: { id: 42 } }],
  ])('block_actions with %s: 400 and nothing changes', async (_name, patch) => {
    const payload = {
      type: 'block_actions',
      user: { id: PEOPLE.client.id },
      team: { id: BOT.team },
      channel: { id: CHANNEL },
      trigger_id: 't1',
      actions: [{ action_id: 'approve:client', value: caseId, type: 'button' }],
      ...patch,
    };
    const res = await interaction(payload);
    expect(res.status).toBe(400);
    expect(log.warnings()).toHaveLength(1);
    await expectNothingChanged();
  });

  it.each([
    ['view_closed', { type: 'view_closed', user: { id: PEOPLE.client.id }, view: { callback_id: 'startCase' } }],
    ['shortcut', { type: 'shortcut', callback_id: 'x', user: { id: PEOPLE.client.id }, trigger_id: 't' }],
    ['message_action', { type: 'message_action', callback_id: 'x', user: { id: PEOPLE.client.id } }],
    ['a type Slack may add one day', { type: 'something_new', user: { id: PEOPLE.client.id } }],
    [
      'a modal this app did not open',
      {
        type: 'view_submission',
        user: { id: PEOPLE.client.id },
        view: { callback_id: 'other', state: { values: {} } },
      },
    ],
  ])('%s: acknowledged at once with an empty 200, no warning', async (_name, payload) => {
    const res = await interaction(payload);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(log.warnings()).toEqual([]);
    await expectNothingChanged();
  });

  it('block_suggestion: an empty option list', async () => {
    const res = await interaction({
      type: 'block_suggestion',
      user: { id: PEOPLE.client.id },
      action_id: 'x',
      value: 'a',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ options: [] });
  });

  it('an event type without a listener, and another slash command: acknowledged at once', async () => {
    const { res } = await h.slack.event({ type: 'reaction_added', user: PEOPLE.client.id, reaction: 'tada' });
    expect(res.status).toBe(200);
    const body = new URLSearchParams({
      command: '/other',
      user_id: PEOPLE.client.id,
      channel_id: CHANNEL,
      team_id: BOT.team,
      text: '',
    });
    expect((await h.slack.post(body.toString(), 'application/x-www-form-urlencoded')).status).toBe(200);
    expect(log.warnings()).toEqual([]);
    await expectNothingChanged();
  });

  it('a message event without a channel: 400', async () => {
    const { res } = await h.slack.event({ type: 'message', channel_type: 'im', user: PEOPLE.client.id, text: 'hoi' });
    expect(res.status).toBe(400);
    await expectNothingChanged();
  });

  it('checks both sides of the signature window: a request signed 400 s in the future is refused', async () => {
    const future = Math.floor(Date.now() / 1000) + 400;
    const res = await h.slack.action(
      { user: PEOPLE.client.id, actionId: 'approve:client', value: caseId },
      { timestamp: future },
    );
    expect(res.status).toBe(401);
    expect(log.warnings().map((l) => l.msg)).toEqual(['slack request outside the signature window']);
    await expectNothingChanged();
  });

  it('refuses a body over the size cap before reading it all', async () => {
    const big = form(JSON.stringify({ type: 'block_actions', junk: 'x'.repeat(300_000) }));
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`${h.app.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, big),
      },
      body: big,
    });
    expect(res.status).toBe(413);
    await expectNothingChanged();
  });

  it.each([
    ['one 40,000-character word', 'a'.repeat(40_000)],
    ['40,000 characters of questions', 'Wie moet akkoord geven? '.repeat(1700)],
  ])('a direct message of %s: answered, and the service keeps answering', async (_name, text) => {
    const before = h.fake.callsOf('chat.postMessage').length;
    const { res } = await h.slack.dm(PEOPLE.client.id, text);
    expect(res.status).toBe(200);
    await h.settle();
    // One reply in the conversation, and /healthz answers as usual.
    expect(h.fake.callsOf('chat.postMessage').length).toBe(before + 1);
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
    expect(log.errors()).toEqual([]);
  });

  it('lets a good press through to Bolt', async () => {
    const caseTs = (await h.app.engine.repo.messageId(caseId, 'case'))!;
    const res = await h.slack.action({
      user: PEOPLE.client.id,
      actionId: 'approve:client',
      value: caseId,
      messageTs: caseTs,
    });
    expect(res.status).toBe(200);
    await h.settle();
    const s = (await h.app.engine.repo.load(caseId))!;
    expect(s.audit.map((f) => f.type)).toEqual(['created', 'decision']);
  });
});
