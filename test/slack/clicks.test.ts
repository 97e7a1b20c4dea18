// Button presses through Slack: wrong person, double and concurrent clicks, stale buttons, rejection, bad payloads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/slack/render-blocks.js';
import { BOT } from '../helpers/fake-slack-api.js';
import {
  blockText,
  buttonsOf,
  CHANNEL,
  fillModal,
  PEOPLE,
  type SlackHarness,
  startSlackApp,
  VALID_START,
} from '../helpers/slack-app.js';

const slackUser = (p: { id: string; real_name: string }) => ({
  platform: 'slack' as const,
  id: p.id,
  name: p.real_name,
});
const names = Object.fromEntries(Object.values(PEOPLE).map((p) => [p.id, p.real_name]));

describe('Slack button presses', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackApp();
  });
  afterEach(async () => h.close());

  /** A case created through the engine, posted through the adapter's messenger to the fake channel. */
  async function newCase(channel = CHANNEL, clientName = VALID_START.clientName) {
    const r = await h.app.engine.submitStart({
      platform: 'slack',
      workspace: BOT.team,
      conversation: channel,
      user: slackUser(PEOPLE.requester),
      values: { ...VALID_START, clientName, newEnvironmentAdmin: PEOPLE.requester.id },
      names,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const ts = (await h.app.engine.repo.messageId(r.caseId, 'case'))!;
    return { id: r.caseId, ts, channel };
  }
  const press = (c: { id: string; ts: string; channel: string }, user: string, actionId: string, value = c.id) =>
    h.slack.action({ user, actionId, value, channel: c.channel, messageTs: c.ts });

  it('refuses the wrong person with an ephemeral naming who can, and changes nothing', async () => {
    const c = await newCase();
    const before = await h.app.engine.repo.load(c.id);
    const updates = h.fake.callsOf('chat.update').length;
    expect((await press(c, PEOPLE.outsider.id, 'approve:client')).status).toBe(200);
    await h.settle();
    const [note] = h.fake.ephemerals;
    expect(note).toMatchObject({ channel: CHANNEL, user: PEOPLE.outsider.id });
    expect(note!.text).toContain('Karin Klant');
    expect(await h.app.engine.repo.load(c.id)).toEqual(before);
    expect(h.fake.callsOf('chat.update')).toHaveLength(updates);
  });

  it('treats a double click as one decision and re-renders the message', async () => {
    const c = await newCase();
    await Promise.all([press(c, PEOPLE.client.id, 'approve:client'), press(c, PEOPLE.client.id, 'approve:client')]);
    await h.settle();
    const s = (await h.app.engine.repo.load(c.id))!;
    expect(s.audit.filter((f) => f.type === 'decision')).toHaveLength(1);
    // The message shows the decision; neither press adds a private note on top.
    expect(h.fake.ephemerals).toEqual([]);
    const shown = h.fake.message(CHANNEL, c.ts)!;
    expect(shown.blocks).toEqual(renderMessage((await h.app.engine.views(c.id))!.case).blocks);
  });

  it('asks for a reason in a modal, records the rejection, and re-renders a stale press', async () => {
    const c = await newCase();
    await press(c, PEOPLE.client.id, 'reject:client');
    await h.settle();
    const modal = h.fake.lastView()!;
    expect(modal.view.callback_id).toBe('rejectReason');
    expect((modal.view.blocks as unknown[])[0]).toMatchObject({
      type: 'section',
      text: { type: 'mrkdwn', text: expect.stringMatching(/^Je wijst de overname van \*.+\* af als \*klant\*\./) },
    });
    const meta = String(modal.view.private_metadata);
    expect(JSON.parse(meta)).toMatchObject({ caseId: c.id, role: 'client', channel: CHANNEL });
    expect((await h.app.engine.repo.load(c.id))!.status).toBe('awaiting_approvals');

    const empty = await h.slack.submit(
      PEOPLE.client.id,
      { callback_id: 'rejectReason', private_metadata: meta },
      fillModal(modal.view, { reason: '   ' }),
    );
    expect(await empty.json()).toEqual({ response_action: 'errors', errors: { reason: 'Vul dit veld in.' } });

    // Pasted past the field's limit: the modal stays open and says why; nothing is stored.
    const long = await h.slack.submit(
      PEOPLE.client.id,
      { callback_id: 'rejectReason', private_metadata: meta },
      fillModal(modal.view, { reason: 'nee '.repeat(300) }),
    );
    expect(await long.json()).toEqual({ response_action: 'errors', errors: { reason: 'Maximaal 1000 tekens.' } });
    expect((await h.app.engine.repo.load(c.id))!.status).toBe('awaiting_approvals');

    const reason = 'Eerst *factuur* <!channel> betalen & <https://evil.example|klik>';
    const ok = await h.slack.submit(
      PEOPLE.client.id,
      { callback_id: 'rejectReason', private_metadata: meta },
      fillModal(modal.view, { reason }),
    );
    expect(ok.status).toBe(200);
    await h.settle();
    const s = (await h.app.engine.repo.load(c.id))!;
    expect(s.status).toBe('rejected');
    const shown = blockText(h.fake.message(CHANNEL, c.ts)!.blocks);
    // User text is escaped: no channel ping, no link that looks like ours.
    // …and formats nothing: the * keep a zero width space after them, so Slack shows them as typed.
    expect(shown).toContain(
      'Eerst *\u200bfactuur*\u200b &lt;!channel&gt; betalen &amp; &lt;https://evil.example|klik&gt;',
    );
    expect(shown).not.toContain('<!channel>');
    expect(buttonsOf(h.fake.message(CHANNEL, c.ts)!.blocks).map(([id]) => id)).toEqual([
      'rerequest',
      'cancel',
      'history',
    ]);

    // A late approval on the old message: nothing changes, the message is rendered again from the stored state.
    const updates = h.fake.message(CHANNEL, c.ts)!.updates;
    await press(c, PEOPLE.oldAdmin.id, 'approve:oldEnvironmentAdmin');
    await h.settle();
    expect(h.fake.ephemerals.at(-1)!.text).toContain('niet meer actueel');
    expect(h.fake.message(CHANNEL, c.ts)!.updates).toBe(updates + 1);
    expect((await h.app.engine.repo.load(c.id))!.audit).toEqual(s.audit);
  });

  it('posts the case message again when someone deleted it (Slack: message_not_found)', async () => {
    const c = await newCase();
    h.fake.messages.delete(`${CHANNEL}/${c.ts}`);
    expect((await press(c, PEOPLE.client.id, 'approve:client')).status).toBe(200);
    await h.settle();
    const again = (await h.app.engine.repo.messageId(c.id, 'case'))!;
    expect(again).not.toBe(c.ts);
    expect(h.fake.callsOf('chat.update').at(-1)).toMatchObject({ ok: false, error: 'message_not_found' });
    expect(blockText(h.fake.message(CHANNEL, again)!.blocks)).toContain('akkoord door Karin Klant');
  });

  it('answers malformed presses with "not understood" and changes nothing', async () => {
    const c = await newCase();
    const before = await h.app.engine.repo.load(c.id);
    const updates = h.fake.callsOf('chat.update').length;
    for (const [actionId, value] of [
      ['approve:boss', c.id],
      ['approve', c.id],
      ['explode', c.id],
      ['checklist_done:coffee', c.id],
      ['approve:client:extra', c.id],
      ['approve:client', undefined],
      ['approve:<!channel>', c.id],
    ] as const) {
      expect((await h.slack.action({ user: PEOPLE.client.id, actionId, value, messageTs: c.ts })).status).toBe(200);
    }
    await press(c, PEOPLE.client.id, 'approve:client', 'no-such-case');
    await h.settle();
    const texts = h.fake.ephemerals.map((e) => e.text);
    expect(texts).toHaveLength(8);
    expect(texts.slice(0, 7).every((t) => t.includes('begrijp ik niet'))).toBe(true);
    expect(texts[7]).toContain('bestaat niet');
    expect(await h.app.engine.repo.load(c.id)).toEqual(before);
    expect(h.fake.callsOf('chat.update')).toHaveLength(updates);

    // A payload that is not even JSON is refused by Bolt before any listener runs.
    const garbage = await h.slack.post('payload=%7Bnot-json', 'application/x-www-form-urlencoded');
    expect(garbage.status).toBe(400);
    expect(await h.app.engine.repo.load(c.id)).toEqual(before);
  });

  it('ends 50 concurrent clicks over ten cases with every message showing its true final state', async () => {
    h.fake.updateJitterMs = 25;
    const cases = [];
    for (let i = 0; i < 10; i++) cases.push(await newCase(i % 2 ? 'C2' : CHANNEL, `Klant ${i}`));
    const clicks: [(typeof cases)[number], string, string][] = [];
    for (const [i, c] of cases.entries()) {
      clicks.push(
        [c, PEOPLE.oldAdmin.id, 'approve:oldEnvironmentAdmin'],
        [c, PEOPLE.client.id, 'approve:client'],
        [c, PEOPLE.client.id, 'approve:client'],
        [c, PEOPLE.requester.id, 'approve:newEnvironmentAdmin'],
        // Half the cases also get a cancel racing the approvals; the other half a wrong-person press.
        i % 2 ? [c, PEOPLE.requester.id, 'cancel'] : [c, PEOPLE.outsider.id, 'approve:client'],
      );
    }
    expect(clicks).toHaveLength(50);
    const responses = await Promise.all(clicks.map(([c, user, id]) => press(c, user, id)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    await h.settle();
    for (const [i, c] of cases.entries()) {
      const s = (await h.app.engine.repo.load(c.id))!;
      // A cancel may land before some approvals; every approval that landed is recorded exactly once.
      const roles = s.audit.flatMap((f) => (f.type === 'decision' ? [f.role] : []));
      expect(new Set(roles).size).toBe(roles.length);
      expect(s.status).toBe(i % 2 ? 'cancelled' : 'approved');
      const shown = h.fake.message(c.channel, c.ts)!;
      expect(shown.blocks).toEqual(renderMessage((await h.app.engine.views(c.id))!.case).blocks);
    }
    expect(h.fake.calls.filter((x) => !x.ok)).toEqual([]);
  });

  it('opens the start modal from the answer button, and refuses to start in a direct message', async () => {
    await h.slack.action({ user: PEOPLE.requester.id, actionId: 'start', channel: CHANNEL });
    await h.settle();
    expect(h.fake.lastView()!.view.callback_id).toBe('startCase');
    await h.slack.action({ user: PEOPLE.requester.id, actionId: 'start', channel: `D${PEOPLE.requester.id}` });
    await h.settle();
    expect(h.fake.views).toHaveLength(1);
    expect(h.fake.ephemerals.at(-1)!.text).toContain('niet in een privégesprek');
  });
});
