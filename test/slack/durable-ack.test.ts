// Acknowledged means stored: Slack hears 200 for a decision or a new case only once it is in the store; a replayed
// submission makes no second case; a press that could not be stored is not acknowledged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { BOT } from '../helpers/fake-slack-api.js';
import { type GatedStore, gatedStore } from '../helpers/gated-store.js';
import { CHANNEL, fillModal, PEOPLE, type SlackHarness, startSlackApp, VALID_START } from '../helpers/slack-app.js';

let h: SlackHarness;
let store: GatedStore;

beforeEach(async () => {
  store = gatedStore(await createStore('memory://'));
  h = await startSlackApp({}, { store });
});
afterEach(async () => h?.close());

async function newCase(): Promise<{ caseId: string; ts: string }> {
  const r = await h.app.engine.submitStart({
    platform: 'slack',
    workspace: BOT.team,
    conversation: CHANNEL,
    user: { platform: 'slack', id: PEOPLE.requester.id, name: PEOPLE.requester.real_name },
    values: { ...VALID_START, newEnvironmentAdmin: PEOPLE.requester.id },
  });
  if (!r.ok) throw new Error('case not created');
  return { caseId: r.caseId, ts: (await h.app.engine.repo.messageId(r.caseId, 'case'))! };
}

/** Whether a response has arrived, looked at after the event loop had every chance to deliver it. */
async function arrived(p: Promise<Response>): Promise<boolean> {
  let done = false;
  void p.then(() => {
    done = true;
  });
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 10));
  return done;
}

describe('Slack: acknowledged means stored', () => {
  it('answers a press only after its decision is written', async () => {
    const { caseId, ts } = await newCase();
    const held = store.hold(`case:${caseId}:f:`);
    const press = h.slack.action({ user: PEOPLE.client.id, actionId: 'approve:client', value: caseId, messageTs: ts });
    await held.started;
    expect(await arrived(press)).toBe(false);
    held.release();
    expect((await press).status).toBe(200);
    const s = await h.app.engine.repo.load(caseId);
    expect(s?.audit.map((f) => f.type)).toEqual(['created', 'decision']);
    await h.settle();
  });

  it('does not acknowledge a press whose decision could not be stored, and stores nothing', async () => {
    const { caseId, ts } = await newCase();
    store.failNext(`case:${caseId}:f:`);
    const res = await h.slack.action({
      user: PEOPLE.client.id,
      actionId: 'approve:client',
      value: caseId,
      messageTs: ts,
    });
    expect(res.status).toBeGreaterThanOrEqual(500);
    await h.settle();
    expect((await h.app.engine.repo.load(caseId))?.audit.map((f) => f.type)).toEqual(['created']);
  });

  it('closes the start modal only once the case is stored, and posts its message after', async () => {
    await h.slack.command(PEOPLE.requester.id, CHANNEL, 'start');
    await h.settle();
    const view = h.fake.lastView()!.view;
    const held = store.hold('case:');
    const submitted = h.slack.submit(
      PEOPLE.requester.id,
      { callback_id: 'startCase', private_metadata: String(view.private_metadata) },
      fillModal(view, VALID_START),
    );
    await held.started;
    expect(await arrived(submitted)).toBe(false);
    held.release();
    expect((await submitted).status).toBe(200);
    expect(await h.app.engine.repo.casesInConversation('slack', CHANNEL)).toHaveLength(1);
    await h.settle();
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('makes one case of a submission sent three times, two of them at once', async () => {
    await h.slack.command(PEOPLE.requester.id, CHANNEL, 'start');
    await h.settle();
    const view = h.fake.lastView()!.view;
    const send = () =>
      h.slack.submit(
        PEOPLE.requester.id,
        { callback_id: 'startCase', private_metadata: String(view.private_metadata), id: 'V-replayed' },
        fillModal(view, VALID_START),
      );
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    await h.settle();
    expect(await h.app.engine.repo.casesInConversation('slack', CHANNEL)).toHaveLength(1);
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(1);
  });
});
