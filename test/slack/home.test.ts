// The Slack Home tab ("my takeovers") through the real adapter: what each person sees, presses on it, and updates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/slack/render-blocks.js';
import { BOT, PERMALINK_HOST } from '../helpers/fake-slack-api.js';
import {
  blockText,
  buttonsOf,
  CHANNEL,
  PEOPLE,
  type SlackHarness,
  slackCaseInChannel,
  startSlackApp,
  VALID_START,
} from '../helpers/slack-app.js';

const names = Object.fromEntries(Object.values(PEOPLE).map((p) => [p.id, p.real_name]));

describe('Slack Home tab: my takeovers', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackApp();
  });
  afterEach(async () => h.close());

  /** Rianne requests; Otto, Karin and Emma (new environment) approve. */
  async function newCase(clientName = VALID_START.clientName) {
    const r = await h.app.engine.submitStart({
      platform: 'slack',
      workspace: BOT.team,
      conversation: CHANNEL,
      user: { platform: 'slack', id: PEOPLE.requester.id, name: PEOPLE.requester.real_name },
      values: { ...VALID_START, clientName, newEnvironmentAdmin: PEOPLE.english.id },
      names,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return { id: r.caseId, ts: (await h.app.engine.repo.messageId(r.caseId, 'case'))! };
  }
  const settle = async () => {
    await h.settle();
    await h.app.engine.idle();
  };
  const home = (user: string) => h.fake.homes.get(user) as { type: string; blocks: unknown[] } | undefined;
  const publishesFor = (user: string) =>
    h.fake.callsOf('views.publish').filter((c) => c.ok && c.args.user_id === user).length;
  async function open(user: string) {
    expect((await h.slack.homeOpened(user)).res.status).toBe(200);
    await settle();
    return home(user)!;
  }

  it('shows an approver their decision with the channel buttons, the requester their request, an outsider nothing', async () => {
    const c = await newCase();
    const karin = await open(PEOPLE.client.id);
    expect(karin.type).toBe('home');
    const text = blockText(karin.blocks);
    expect(text).toContain('Wacht op jou');
    expect(text).toContain('Bakkerij De Korst B.V.');
    expect(text).toContain('Jouw akkoord als *klant*');
    // Exactly Karin's own buttons, as on the case message: same action ids, the case id as value.
    expect(buttonsOf(karin.blocks)).toEqual([
      ['approve:client', c.id],
      ['reject:client', c.id],
    ]);
    const channelButtons = buttonsOf(h.fake.message(CHANNEL, c.ts)!.blocks);
    for (const b of buttonsOf(karin.blocks)) expect(channelButtons).toContainEqual(b);
    expect(text).toContain('Je hebt geen lopende aanvragen.');

    const rianne = await open(PEOPLE.requester.id);
    const rText = blockText(rianne.blocks);
    expect(rText).toContain('Er wacht nu niets op jou.');
    expect(rText).toContain('Door jou aangevraagd');
    expect(rText).toContain('Wacht op akkoord van <@UOLD>, <@UCLIENT> en <@UENG>.');
    expect(rText).toContain(`${PERMALINK_HOST}/archives/${CHANNEL}/p${c.ts.replace('.', '')}`);
    expect(buttonsOf(rianne.blocks)).toEqual([]);

    const bram = await open(PEOPLE.outsider.id);
    const bText = blockText(bram.blocks);
    expect(bText).not.toContain('Bakkerij');
    expect(bText).toContain('Er wacht nu niets op jou.');
    expect(buttonsOf(bram.blocks)).toEqual([]);
  });

  it('publishes nothing when the Messages tab opens', async () => {
    await newCase();
    await h.slack.homeOpened(PEOPLE.client.id, 'messages');
    await settle();
    expect(h.fake.callsOf('views.publish')).toEqual([]);
  });

  it('records a press on the Home tab exactly like the channel button, and refreshes both', async () => {
    const c = await newCase();
    await open(PEOPLE.client.id);
    const before = publishesFor(PEOPLE.client.id);
    expect((await h.slack.homeAction({ user: PEOPLE.client.id, actionId: 'approve:client', value: c.id })).status).toBe(
      200,
    );
    await settle();
    const s = (await h.app.engine.repo.load(c.id))!;
    const decision = s.roles.find((r) => r.role === 'client')!.decision!;
    expect(decision).toMatchObject({ decision: 'approved', round: 1, by: { platform: 'slack', id: PEOPLE.client.id } });
    // The channel message shows the stored state, as after a press there.
    expect(h.fake.message(CHANNEL, c.ts)!.blocks).toEqual(renderMessage((await h.app.engine.views(c.id))!.case).blocks);
    // Karin's Home no longer waits on her.
    expect(publishesFor(PEOPLE.client.id)).toBeGreaterThan(before);
    expect(blockText(home(PEOPLE.client.id)!.blocks)).toContain('Er wacht nu niets op jou.');
    expect(buttonsOf(home(PEOPLE.client.id)!.blocks)).toEqual([]);
    expect(h.fake.ephemerals).toEqual([]);
  });

  it('refuses a press on another person’s button from the Home tab, changing nothing, and says who may', async () => {
    const c = await newCase();
    const before = await h.app.engine.repo.load(c.id);
    const updates = h.fake.callsOf('chat.update').length;
    await h.slack.homeAction({ user: PEOPLE.outsider.id, actionId: 'approve:client', value: c.id });
    await settle();
    expect(await h.app.engine.repo.load(c.id)).toEqual(before);
    expect(h.fake.callsOf('chat.update')).toHaveLength(updates);
    // No channel to whisper in: the refusal tops the presser's own Home page.
    const text = blockText(home(PEOPLE.outsider.id)!.blocks);
    expect(text).toContain('Karin Klant');
    expect(text).not.toContain('Bakkerij');
  });

  it('republishes the Home of involved people who opened it when the case changes, not of others', async () => {
    const c = await newCase();
    await open(PEOPLE.requester.id);
    await open(PEOPLE.oldAdmin.id);
    const rianneBefore = publishesFor(PEOPLE.requester.id);
    // Karin approves on the case message in the channel; she never opened her Home.
    await h.slack.action({ user: PEOPLE.client.id, actionId: 'approve:client', value: c.id, messageTs: c.ts });
    await settle();
    expect(publishesFor(PEOPLE.requester.id)).toBeGreaterThan(rianneBefore);
    const rText = blockText(home(PEOPLE.requester.id)!.blocks);
    expect(rText).toContain('Wacht op akkoord van <@UOLD> en <@UENG>.');
    expect(buttonsOf(home(PEOPLE.oldAdmin.id)!.blocks)).toEqual([
      ['approve:oldEnvironmentAdmin', c.id],
      ['reject:oldEnvironmentAdmin', c.id],
    ]);
    expect(publishesFor(PEOPLE.client.id)).toBe(0);
    expect(publishesFor(PEOPLE.outsider.id)).toBe(0);
  });

  it('offers the follow-up people the open checklist items, and a tick there is a tick on the checklist', async () => {
    // Rianne requests and runs the new environment: after the move the checklist is hers.
    const { caseId, ts } = await slackCaseInChannel(h.app);
    for (const [user, role] of [
      [PEOPLE.oldAdmin.id, 'oldEnvironmentAdmin'],
      [PEOPLE.client.id, 'client'],
      [PEOPLE.requester.id, 'newEnvironmentAdmin'],
    ] as const)
      await h.slack.action({ user, actionId: `approve:${role}`, value: caseId, messageTs: ts });
    await settle();
    const confirm = buttonsOf((await open(PEOPLE.requester.id)).blocks);
    expect(confirm).toEqual([['confirm_transfer', caseId]]);
    await h.slack.homeAction({ user: PEOPLE.requester.id, actionId: 'confirm_transfer', value: caseId });
    await settle();
    const items = buttonsOf(home(PEOPLE.requester.id)!.blocks);
    expect(items).toContainEqual(['checklist_done:rabobank', caseId]);
    expect(items).toContainEqual(['checklist_na:rabobank', caseId]);
    // Knab is not used by this client: not applicable from the start, so not waiting on anyone.
    expect(items.map(([a]) => a)).not.toContain('checklist_done:knab');

    await h.slack.homeAction({ user: PEOPLE.outsider.id, actionId: 'checklist_done:rabobank', value: caseId });
    await settle();
    expect((await h.app.engine.repo.load(caseId))!.checklist.find((c) => c.item === 'rabobank')!.state).toBe('open');

    await h.slack.homeAction({ user: PEOPLE.requester.id, actionId: 'checklist_done:rabobank', value: caseId });
    await settle();
    const item = (await h.app.engine.repo.load(caseId))!.checklist.find((c) => c.item === 'rabobank')!;
    expect(item).toMatchObject({ state: 'done', fact: { by: { id: PEOPLE.requester.id } } });
    expect(buttonsOf(home(PEOPLE.requester.id)!.blocks)).not.toContainEqual(['checklist_done:rabobank', caseId]);
    const checklistTs = (await h.app.engine.repo.messageId(caseId, 'checklist'))!;
    expect(h.fake.message(CHANNEL, checklistTs)!.blocks).toEqual(
      renderMessage((await h.app.engine.views(caseId))!.checklist!).blocks,
    );
  });

  it('lists a cancelled case under recently completed, and refuses a Home event without a user', async () => {
    const c = await newCase();
    await h.slack.action({ user: PEOPLE.requester.id, actionId: 'cancel', value: c.id, messageTs: c.ts });
    await settle();
    const text = blockText((await open(PEOPLE.requester.id)).blocks);
    expect(text.indexOf('Bakkerij De Korst B.V.')).toBeGreaterThan(text.indexOf('Recent afgerond'));
    expect(text).toContain('Geannuleerd');
    const publishes = h.fake.callsOf('views.publish').length;
    const { res } = await h.slack.event({ type: 'app_home_opened', tab: 'home', channel: 'DX' });
    expect(res.status).toBe(400);
    await settle();
    expect(h.fake.callsOf('views.publish')).toHaveLength(publishes);
  });

  it('stays inside the 100-block limit with many cases, saying how many more there are', async () => {
    for (let i = 0; i < 14; i++) {
      await newCase(`Klant ${i}`);
      h.app.clock.advance(60_000);
    }
    const karin = await open(PEOPLE.client.id);
    expect(karin.blocks.length).toBeLessThanOrEqual(100);
    const text = blockText(karin.blocks);
    expect(text).toMatch(/en nog \d+…/);
    // Newest first: the last case requested is on top.
    expect(text.indexOf('Klant 13')).toBeLessThan(text.indexOf('Klant 12'));
  });
});
