// Bolt's request verification on the shared server: unsigned, badly signed, tampered or stale requests get 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, PEOPLE, type SlackHarness, slackCaseInChannel, startSlackApp } from '../helpers/slack-app.js';
import { SIGNING_SECRET, slackSignature } from '../helpers/slack-requests.js';

describe('Slack request verification', () => {
  let h: SlackHarness;
  let caseId: string;
  let caseTs: string;
  beforeAll(async () => {
    h = await startSlackApp();
    ({ caseId, ts: caseTs } = await slackCaseInChannel(h.app));
  });
  afterAll(async () => h?.close());

  const approve = (o: Parameters<SlackHarness['slack']['action']>[1]) =>
    h.slack.action({ user: PEOPLE.client.id, actionId: 'approve:client', value: caseId, messageTs: caseTs }, o);

  async function expectNothingChanged() {
    await h.settle();
    const s = (await h.app.engine.repo.load(caseId))!;
    expect(s.audit.map((f) => f.type)).toEqual(['created']);
    expect(h.fake.ephemerals).toEqual([]);
    expect(h.fake.callsOf('chat.update')).toEqual([]);
    // The forged mention below must not have been answered: the only message is the case message itself.
    expect(h.fake.callsOf('chat.postMessage').map((c) => c.args.thread_ts)).toEqual([undefined]);
  }

  it('rejects a request signed six minutes ago (replay window is five)', async () => {
    const res = await approve({ timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await expectNothingChanged();
  });

  it('rejects a bad signature, a wrong secret and a missing signature', async () => {
    expect((await approve({ signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await approve({ secret: 'not-the-secret' })).status).toBe(401);
    expect((await approve({ signature: null })).status).toBe(401);
    const { res } = await h.slack.event(
      { type: 'app_mention', user: PEOPLE.requester.id, channel: CHANNEL, text: 'hoi', ts: '1700000001.000100' },
      { signature: 'v1=abc' },
    );
    expect(res.status).toBe(401);
    await expectNothingChanged();
  });

  it('rejects a body changed after signing', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', actions: [] }) }).toString();
    const tampered = new URLSearchParams({
      payload: JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'approve:client', value: caseId }] }),
    }).toString();
    const res = await h.slack.post(tampered, 'application/x-www-form-urlencoded', {
      timestamp,
      signature: slackSignature(SIGNING_SECRET, timestamp, signed),
    });
    expect(res.status).toBe(401);
    await expectNothingChanged();
  });

  it('answers Slack’s URL verification challenge when signed', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const res = await h.slack.post(body, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
    expect((await h.slack.post(body, 'application/json', { signature: null })).status).toBe(401);
  });

  it('only takes POST on /slack/events', async () => {
    expect((await fetch(`${h.app.url}/slack/events`)).status).toBe(405);
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
  });

  it('accepts the same press when it is properly signed and fresh', async () => {
    const res = await approve({});
    expect(res.status).toBe(200);
    await h.settle();
    expect((await h.app.engine.repo.load(caseId))!.audit.map((f) => f.type)).toEqual(['created', 'decision']);
  });
});
