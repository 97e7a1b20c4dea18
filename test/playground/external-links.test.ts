// In the playground, an outside approver's link reaches the requester only: in Teams by a 1:1 chat, in Slack as an
// ephemeral (the direct message is kept out of the channel view); nobody else's view shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_SLACK } from '../../adapters/playground/identities.js';
import type { App } from '../../src/app.js';
import { startPlaygroundApp } from '../helpers/playground-app.js';
import { playgroundSay, startPlaygroundCase } from './playground-case.js';

const link =
  /\]\(https:\/\/overname\.example\.nl(\/goedkeuring\/[A-Za-z0-9_.-]+)\)|<https:\/\/overname\.example\.nl(\/goedkeuring\/[A-Za-z0-9_.-]+)\|/;

describe('playground: approval links for outside approvers', () => {
  let app: App & { url: string };
  beforeAll(async () => {
    app = await startPlaygroundApp({ PUBLIC_URL: 'https://overname.example.nl' });
  });
  afterAll(async () => app?.close());

  const say = (platform: string, text: string) => playgroundSay(app.url, platform, text);
  const view = async (as: string) => JSON.stringify(await (await fetch(`${app.url}/playground/state?as=${as}`)).json());
  const start = (platform: 'slack' | 'teams') =>
    startPlaygroundCase(app, platform, {
      clientName: `Klant in ${platform}`,
      client: '',
      clientExternalName: 'Karin, via link',
    });

  it('shows the Teams link to the requester only, and it opens the page', async () => {
    expect((await say('teams', 'help')).status).toBe(200);
    const r = await start('teams');
    expect(r.ok && !r.withdrawn).toBe(true);
    await expect.poll(() => view('requester'), { timeout: 10_000 }).toMatch(link);
    const state = JSON.parse(await view('requester')) as { teams: { activities: { text?: string }[] } };
    const text = state.teams.activities.map((a) => a.text ?? '').find((t) => link.test(t))!;
    const [, path] = link.exec(text)!;
    expect((await fetch(`${app.url}${path}`)).status).toBe(200);
    for (const other of ['oldAdmin', 'client', 'outsider']) expect(await view(other)).not.toContain('/goedkeuring/');
  });

  it('shows the Slack link to the requester only, once', async () => {
    const r = await start('slack');
    expect(r.ok && !r.withdrawn).toBe(true);
    await expect
      .poll(async () => (await view('requester')).split('/goedkeuring/').length, { timeout: 10_000 })
      .toBeGreaterThan(1);
    const state = JSON.parse(await view('requester')) as { slack: { messages: { channel: string }[] } };
    expect(state.slack.messages.every((m) => m.channel === PLAYGROUND_SLACK.channel)).toBe(true);
    for (const other of ['oldAdmin', 'client', 'outsider']) expect(await view(other)).not.toContain('/goedkeuring/');
  });
});
