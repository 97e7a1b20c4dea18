// Acknowledged means stored: Slack hears 200 for a decision or a new case only once it is in the store; a replayed
// submission makes no second case; a press that could not be stored is not acknowledged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { arrivedYet, type GatedStore, gatedStore } from '../helpers/gated-store.js';
import {
  CHANNEL,
  fillModal,
  PEOPLE,
  type SlackHarness,
  slackCaseInChannel,
  startSlackApp,
  VALID_START,
} from '../helpers/slack-app.js';

let h: SlackHarness;
let store: GatedStore;

beforeEach(async () => {
  store = gatedStore(await createStore('memory://'));
  h = await startSlackApp({}, { store });
});
afterEach(async () => h?.close());

const newCase = () => slackCaseInChannel(h.app);

describe('Slack: acknowledged means stored', () => {
  it('answers a press only after its decision is written', async () => {
    const { caseId, ts } = await newCase();
    const held = store.hold(`case:${caseId}:f:`);
    const press = h.slack.action({ user: PEOPLE.client.id, actionId: 'approve:client', value: caseId, messageTs: ts });
    await held.started;
    expect(await arrivedYet(press)).toBe(false);
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
    expect(await arrivedYet(submitted)).toBe(false);
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
