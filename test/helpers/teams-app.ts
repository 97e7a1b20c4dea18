// Starts the real service with only the Teams adapter, a fake Bot Connector, and helpers to run a case through it.
import { createTeamsAdapter, type TeamsAdapterOptions } from '../../adapters/teams/plugin.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { startTestApp, type TestApp } from './app.js';
import { FakeBotConnector } from './fake-bot-connector.js';
import { CHANNEL, executeActions, responseCard, TeamsClient, tp } from './teams-activities.js';

export interface TeamsHarness {
  app: TestApp;
  fake: FakeBotConnector;
  teams: TeamsClient;
  close(): Promise<void>;
}

export async function teamsHarness(
  env: Record<string, string> = {},
  options: TeamsAdapterOptions = {},
  logger?: Logger,
  store?: Store,
): Promise<TeamsHarness> {
  const fake = await FakeBotConnector.start();
  fake.members = Object.values(tp).map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId }));
  const app = await startTestApp(env, {
    platforms: [createTeamsAdapter({ retry: { baseMs: 20 }, ...options })],
    logger,
    store,
  });
  const teams = new TeamsClient(app.url, fake.url);
  teams.afterSend = () => app.engine.idle();
  return {
    app,
    fake,
    teams,
    async close() {
      await app.close();
      await fake.close();
    },
  };
}

export const startValues = {
  clientName: 'Bakkerij De Korst B.V.',
  administrations: '1001 Bakkerij De Korst\n1002 De Korst Vastgoed',
  oldEnvironment: 'Accountantskantoor Oud',
  newEnvironment: 'Accountantskantoor Nieuw',
  oldEnvironmentAdmin: tp.oldAdmin.id,
  client: tp.client.id,
  newEnvironmentAdmin: tp.requester.id,
  'features.rabobank': 'true',
  'features.knab': 'false',
  'features.portsCertificates': 'true',
  'features.vatAccessRights': 'true',
  'features.reportingStructure': 'true',
  'features.unknown': 'false',
  bankLinksManagedBy: 'previousAccountant',
};

/** "start" in the channel, then the form submitted as Action.Execute: returns the case and its message id. */
export async function startCase(h: TeamsHarness, values: Record<string, unknown> = startValues) {
  const asked = await h.teams.message(tp.requester, 'start', { kind: 'channel' });
  if (asked.status !== 200) throw new Error(`start failed: ${asked.status}`);
  const formPost = h.fake.posts().at(-1)!;
  const form = FakeBotConnector.card(formPost.body);
  const submit = executeActions(form).find((a) => a.verb === 'start_submit');
  if (!submit) throw new Error('no submit action on the form');
  const res = await h.teams.invoke(
    tp.requester,
    'start_submit',
    { ...submit.data, ...values },
    {
      kind: 'channel',
      thread: formPost.conversationId.split(';messageid=')[1],
    },
    // Teams names the message whose card was pressed.
    { replyToId: h.fake.idOf(formPost) },
  );
  const [caseId] = await h.app.engine.repo.casesInConversation('teams', CHANNEL);
  if (!caseId) throw new Error(`no case created: ${JSON.stringify(responseCard(res))}`);
  // Undefined when the case message could not be posted (a test of that withdraws the case).
  const caseMessageId = (await h.app.engine.repo.messageId(caseId, 'case'))!;
  return { caseId, caseMessageId, form, formPost, response: res };
}
