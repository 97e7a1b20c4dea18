// /healthz tells the playground's fakes from real platforms: "simulated" without credentials, true with them.
// The approval page for outside approvers is on in the playground even without PUBLIC_URL: links use its own address.
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { startPlaygroundApp } from '../helpers/playground-app.js';

const health = async (a: App & { url: string }) =>
  (await (await fetch(`${a.url}/healthz`)).json()) as { platforms: Record<string, boolean | string> };

describe('playground /healthz', () => {
  let app: (App & { url: string }) | undefined;
  let fake: FakeSlackApi | undefined;
  afterEach(async () => {
    await app?.close();
    await fake?.close();
    app = undefined;
    fake = undefined;
  });

  it('reports Slack and Teams as "simulated" when no credentials are configured', async () => {
    app = await startPlaygroundApp();
    expect((await health(app)).platforms).toEqual({
      slack: 'simulated',
      teams: 'simulated',
      external: true,
      playground: true,
    });
  });

  it('reports a platform with real credentials as true, and simulates only the other', async () => {
    fake = await FakeSlackApi.start();
    app = await startPlaygroundApp({
      SLACK_BOT_TOKEN: 'xoxb-real',
      SLACK_SIGNING_SECRET: 'real-signing-secret',
      SLACK_API_URL: fake.apiUrl,
    });
    expect((await health(app)).platforms).toEqual({
      slack: true,
      teams: 'simulated',
      external: true,
      playground: true,
    });
    const state = (await (await fetch(`${app.url}/playground/state`)).json()) as { platforms: unknown };
    expect(state.platforms).toEqual({ slack: false, teams: true });
  });

  it('reports Teams as true once an app id is configured', async () => {
    app = await startPlaygroundApp({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
    });
    expect((await health(app)).platforms).toEqual({
      slack: 'simulated',
      teams: true,
      external: true,
      playground: true,
    });
  });
});
