// "status" in the playground links each case to the playground page in that platform's view, not to real Slack or
// Teams: the simulated Slack answers chat.getPermalink with it, and the Teams messenger's links are the page's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { startPlaygroundApp } from '../helpers/playground-app.js';
import { playgroundSay, startPlaygroundCase } from './playground-case.js';

interface State {
  slack: { messages: { text: string; blocks?: unknown[] }[] };
  teams: { activities: { text?: string; attachments?: { content: unknown }[] }[] };
}

describe('playground status links', () => {
  let app: App & { url: string };
  beforeAll(async () => {
    app = await startPlaygroundApp();
  });
  afterAll(async () => app?.close());

  const say = (platform: string, text: string) => playgroundSay(app.url, platform, text);
  const state = async () => (await (await fetch(`${app.url}/playground/state?as=requester`)).json()) as State;
  const start = (platform: 'slack' | 'teams', user: string) =>
    startPlaygroundCase(
      app,
      platform,
      { clientName: `Klant in ${platform}`, oldEnvironmentAdmin: 'x-old', client: 'x-client' },
      { id: user, name: 'Rianne' },
    );

  it('links a Slack case to the page in its Slack view', async () => {
    const r = await start('slack', 'UPGREQ');
    expect(r.ok && !r.withdrawn).toBe(true);
    expect((await say('slack', 'status')).status).toBe(200);
    await expect
      .poll(async () => JSON.stringify((await state()).slack.messages.at(-1)?.blocks ?? []), { timeout: 10_000 })
      .toContain(`<${app.url}/?platform=slack|Naar het overnamebericht>`);
  });

  it('links a Teams case to the page in its Teams view', async () => {
    // The conversation is known to the Teams adapter once something was said there.
    expect((await say('teams', 'help')).status).toBe(200);
    const r = await start('teams', '29:pg-requester');
    expect(r.ok && !r.withdrawn).toBe(true);
    expect((await say('teams', 'status')).status).toBe(200);
    await expect
      .poll(async () => JSON.stringify((await state()).teams.activities.at(-1)?.attachments ?? []), {
        timeout: 10_000,
      })
      .toContain(`[Naar het overnamebericht](${app.url}/?platform=teams)`);
    expect(JSON.stringify((await state()).teams.activities)).not.toContain('teams.microsoft.com');
  });
});
