// The start modal's validation edge cases: bots, unknown or deleted people, Slack being slow, language, tampering.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, fillModal, PEOPLE, type SlackHarness, startSlackApp, VALID_START } from '../helpers/slack-app.js';

describe('Slack start modal', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackApp();
    h.fake.users.set('UGONE', { id: 'UGONE', real_name: 'Oud Collega', deleted: true });
  });
  afterEach(async () => h.close());

  async function open(user: string = PEOPLE.requester.id) {
    await h.slack.command(user, CHANNEL, 'start');
    await h.settle();
    return h.fake.lastView()!.view;
  }
  async function submit(view: Record<string, unknown>, values: Record<string, unknown>, user = PEOPLE.requester.id) {
    const res = await h.slack.submit(
      user,
      { callback_id: 'startCase', private_metadata: String(view.private_metadata) },
      fillModal(view, values as never),
    );
    const text = await res.text();
    await h.settle();
    return text ? (JSON.parse(text) as { response_action: string; errors: Record<string, string> }) : undefined;
  }

  it('refuses bots, deleted and unknown people as approvers, per field', async () => {
    const view = await open();
    const r = await submit(view, {
      ...VALID_START,
      oldEnvironmentAdmin: PEOPLE.helperBot.id,
      client: 'UGONE',
      newEnvironmentAdmin: 'UNOBODY',
    });
    expect(r?.errors).toEqual({
      oldEnvironmentAdmin: 'Een bot kan geen akkoord geven; kies een persoon.',
      client: 'Deze persoon kan ik niet vinden in Slack; kies een ander.',
      newEnvironmentAdmin: 'Deze persoon kan ik niet vinden in Slack; kies een ander.',
    });
    expect(await h.app.engine.repo.casesInConversation('slack', CHANNEL)).toEqual([]);
  });

  it('asks to try again when Slack cannot tell who someone is', async () => {
    const view = await open();
    h.fake.failNext({ method: 'users.info', error: 'internal_error' });
    const r = await submit(view, { ...VALID_START, oldEnvironmentAdmin: PEOPLE.outsider.id });
    expect(r?.errors.oldEnvironmentAdmin).toContain('probeer het zo opnieuw');
    // The failure is not remembered: the same person is fine the next time.
    expect(await submit(view, { ...VALID_START, oldEnvironmentAdmin: PEOPLE.outsider.id })).toBeUndefined();
  });

  it('uses the core’s rules too: three different people, required fields', async () => {
    const view = await open();
    const r = await submit(view, { ...VALID_START, client: PEOPLE.requester.id, administrations: ' ' });
    expect(Object.keys(r!.errors).sort()).toEqual(['administrations', 'client']);
  });

  it('speaks English to an English user, in the modal, its errors and the case', async () => {
    const view = await open(PEOPLE.english.id);
    expect((view.title as { text: string }).text).toBe('New takeover');
    const bad = await submit(view, { ...VALID_START, clientName: '' }, PEOPLE.english.id);
    expect(bad?.errors.clientName).toBe('Please fill in this field.');
    expect(await submit(view, { ...VALID_START, newEnvironmentAdmin: PEOPLE.english.id }, PEOPLE.english.id)).toBe(
      undefined,
    );
    const [message] = h.fake.channelMessages(CHANNEL);
    expect(message!.text).toContain('Takeover Bakkerij De Korst B.V.');
  });

  it('refuses a submission whose metadata was tampered with, and creates nothing', async () => {
    const view = await open();
    const r = await submit({ ...view, private_metadata: '{"team":"T1"}' }, VALID_START);
    expect(r?.response_action).toBe('errors');
    expect(r?.errors.clientName).toContain('begrijp ik niet');
    expect(h.fake.channelMessages(CHANNEL)).toEqual([]);
  });
});
