// The start form with people outside the workspace, as Slack's modal and Teams' form card show and submit it:
// name and optional e-mail for the client and the old environment's admin, not for the new one; without PUBLIC_URL
// a refusal that says what is missing; a bad e-mail address refused on its own field. Nothing stored when refused.
import { afterEach, describe, expect, it } from 'vitest';
import { createExternalPage } from '../../adapters/external/plugin.js';
import { createSlackAdapter } from '../../adapters/slack/plugin.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { externalClient, externalTeamsHarness, PUBLIC_URL } from '../helpers/external.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { CHANNEL, fillModal, PEOPLE, VALID_START } from '../helpers/slack-app.js';
import { SIGNING_SECRET, SlackSender } from '../helpers/slack-requests.js';
import { cardText, executeActions, responseCard, CHANNEL as TEAMS_CHANNEL, tp } from '../helpers/teams-activities.js';
import { startValues, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

const NEEDS_URL = 'pas meedoen als de beheerder van de assistent PUBLIC_URL instelt';
const BAD_EMAIL = 'Dit is geen geldig e-mailadres.';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('the Slack start modal with outside approvers', () => {
  let app: TestApp;
  let fake: FakeSlackApi;
  let slack: SlackSender;
  let settle: () => Promise<void>;

  async function start(env: Record<string, string>) {
    fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
    const adapter = createSlackAdapter();
    app = await startTestApp(
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ...env },
      { platforms: [adapter, createExternalPage()] },
    );
    slack = new SlackSender(app.url, fake);
    settle = () => adapter.idle();
    closers.push(async () => {
      await app.close();
      await fake.close();
    });
  }
  async function open() {
    await slack.command(PEOPLE.requester.id, CHANNEL, 'start');
    await settle();
    return fake.lastView()!.view;
  }
  /** Submits the modal as a person filled it in; `extra` adds blocks the modal does not have (a forged state). */
  async function submit(view: Record<string, unknown>, values: Record<string, unknown>, extra = {}) {
    const res = await slack.submit(
      PEOPLE.requester.id,
      { callback_id: 'startCase', private_metadata: String(view.private_metadata) },
      { ...fillModal(view, values as never), ...extra },
    );
    const text = await res.text();
    await settle();
    return text ? (JSON.parse(text) as { response_action: string; errors: Record<string, string> }) : undefined;
  }
  const blocks = (view: Record<string, unknown>) =>
    view.blocks as { type: string; block_id: string; optional?: boolean; element: { type: string } }[];

  it('offers a name and an e-mail address for the client and the old admin, and starts with an outside client', async () => {
    await start({ PUBLIC_URL });
    const view = await open();
    const ids = blocks(view).map((b) => b.block_id);
    for (const role of ['client', 'oldEnvironmentAdmin'])
      expect(ids).toEqual(expect.arrayContaining([role, `${role}ExternalName`, `${role}ExternalEmail`]));
    expect(ids).not.toContain('newEnvironmentAdminExternalName');
    // The member choice becomes optional where a name may replace it; the new environment's admin stays required.
    const block = (id: string) => blocks(view).find((b) => b.block_id === id)!;
    expect(block('client').optional).toBe(true);
    expect(block('newEnvironmentAdmin').optional).not.toBe(true);
    expect(block('clientExternalName').element.type).toBe('plain_text_input');

    const both = await submit(view, {
      ...VALID_START,
      clientExternalName: 'Karin Bakker',
      newEnvironmentAdmin: PEOPLE.requester.id,
    });
    expect(both?.errors).toEqual({ client: 'Kies een lid óf vul een naam van buiten in, niet allebei.' });
    const bad = await submit(view, {
      ...VALID_START,
      client: undefined,
      clientExternalName: 'Karin Bakker',
      clientExternalEmail: 'karin@@example',
      newEnvironmentAdmin: PEOPLE.requester.id,
    });
    expect(bad?.errors).toEqual({ clientExternalEmail: BAD_EMAIL });
    expect(await app.engine.repo.casesInConversation('slack', CHANNEL)).toEqual([]);

    const ok = await submit(view, {
      ...VALID_START,
      client: undefined,
      clientExternalName: 'Karin Bakker',
      clientExternalEmail: 'karin@example.nl',
      newEnvironmentAdmin: PEOPLE.requester.id,
    });
    expect(ok).toBeUndefined();
    const [caseId] = await app.engine.repo.casesInConversation('slack', CHANNEL);
    const client = (await app.engine.repo.load(caseId!))!.data.approvers.client;
    expect(client).toMatchObject({ platform: 'external', name: 'Karin Bakker', email: 'karin@example.nl' });
  });

  it('without PUBLIC_URL shows no outside fields, says why, and refuses a forged outside name', async () => {
    await start({});
    const view = await open();
    expect(blocks(view).map((b) => b.block_id)).not.toContain('clientExternalName');
    expect(JSON.stringify(view)).toContain(NEEDS_URL.slice(0, 40));
    const forged = await submit(
      view,
      { ...VALID_START, client: undefined, newEnvironmentAdmin: PEOPLE.requester.id },
      { clientExternalName: { clientExternalName: { type: 'plain_text_input', value: 'Karin Bakker' } } },
    );
    expect(forged?.errors.client).toContain(NEEDS_URL);
    expect(await app.engine.repo.casesInConversation('slack', CHANNEL)).toEqual([]);
  });
});

describe('the Teams form card with outside approvers', () => {
  async function submitForm(h: TeamsHarness, values: Record<string, unknown>) {
    await h.teams.message(tp.requester, 'start', { kind: 'channel' });
    const formPost = h.fake.posts().at(-1)!;
    const form = FakeBotConnector.card(formPost.body);
    const submit = executeActions(form).find((a) => a.verb === 'start_submit')!;
    const res = await h.teams.invoke(
      tp.requester,
      'start_submit',
      { ...submit.data, ...values },
      { kind: 'channel', thread: formPost.conversationId.split(';messageid=')[1] },
      { replyToId: h.fake.idOf(formPost) },
    );
    return { form, res };
  }
  const inputIds = (card: Record<string, unknown> | undefined) =>
    [...JSON.stringify(card).matchAll(/"id":"([A-Za-z.]+)"/g)].map((m) => m[1]);

  it('shows name and e-mail fields for the client and the old admin, and refuses a bad e-mail on its field', async () => {
    const h = await externalTeamsHarness();
    closers.push(() => h.close());
    const { form, res } = await submitForm(h, { ...externalClient, clientExternalEmail: 'karin@@example' });
    const ids = inputIds(form);
    for (const role of ['client', 'oldEnvironmentAdmin'])
      expect(ids).toEqual(expect.arrayContaining([`${role}ExternalName`, `${role}ExternalEmail`]));
    expect(ids).not.toContain('newEnvironmentAdminExternalName');
    expect(cardText(responseCard(res))).toContain(BAD_EMAIL);
    expect(await h.app.engine.repo.casesInConversation('teams', TEAMS_CHANNEL)).toEqual([]);
  });

  it('without PUBLIC_URL has no outside fields and refuses a start without a member client, the hint beside it', async () => {
    const h = await teamsHarness();
    closers.push(() => h.close());
    const { form, res } = await submitForm(h, { ...startValues, client: '', clientExternalName: 'Karin Bakker' });
    expect(inputIds(form)).not.toContain('clientExternalName');
    expect(cardText(form)).toContain(NEEDS_URL.slice(0, 40));
    // The card drops what it does not ask for: the client is missing, and the hint says why no outsider will do.
    const answer = cardText(responseCard(res));
    expect(answer).toContain('Vul dit veld in.');
    expect(answer).toContain(NEEDS_URL.slice(0, 40));
    expect(await h.app.engine.repo.casesInConversation('teams', TEAMS_CHANNEL)).toEqual([]);
  });
});
