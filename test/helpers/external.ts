// Outside approvers in tests: the Teams harness with the approval page on, a start form naming an outside client,
// and the page's address as a message carries it.
import { createExternalPage } from '../../adapters/external/plugin.js';
import { createTeamsAdapter } from '../../adapters/teams/plugin.js';
import { startTestApp } from './app.js';
import { FakeBotConnector } from './fake-bot-connector.js';
import { captureLog } from './log-capture.js';
import { TeamsClient, tp } from './teams-activities.js';
import { startValues, type TeamsHarness } from './teams-app.js';

export const PUBLIC_URL = 'https://overname.example.nl';

/** The Teams harness, with the approval page enabled (PUBLIC_URL set). */
export async function externalTeamsHarness(log = captureLog()): Promise<TeamsHarness> {
  const fake = await FakeBotConnector.start();
  fake.members = Object.values(tp).map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId }));
  const app = await startTestApp(
    { PUBLIC_URL },
    { platforms: [createTeamsAdapter({ retry: { baseMs: 20 } }), createExternalPage()], logger: log.logger },
  );
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

export const externalClient = {
  ...startValues,
  client: '',
  clientExternalName: 'Karin <Bakker> & Zn',
  clientExternalEmail: 'karin@example.nl',
};

/** The approval page's address in a Teams text, made local: the service listens on loopback, not on PUBLIC_URL. */
export function pageUrl(appUrl: string, text: string): string {
  // The address of a markdown link [label](url): the label may carry escapes, the address never.
  const path = /\]\(https:\/\/overname\.example\.nl(\/goedkeuring\/[A-Za-z0-9_.-]+)\)/.exec(text)?.[1];
  if (!path) throw new Error(`no approval link in: ${text}`);
  return `${appUrl}${path}`;
}
