// The playground keeps its channel and cases in the service's store: a restart brings the demo back as it was.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { startPlaygroundApp } from '../helpers/playground-app.js';
import { playgroundSay } from './playground-case.js';

interface State {
  slack: { messages: { text: string; blocks?: unknown[] }[] };
  teams: { activities: { text?: string }[] };
}

describe('playground persistence', () => {
  let app: (App & { url: string }) | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const state = async (a: App & { url: string }, as = 'requester') =>
    (await (await fetch(`${a.url}/playground/state?as=${as}`)).json()) as State;
  const say = (a: App & { url: string }, platform: string, text: string) => playgroundSay(a.url, platform, text);

  it('shows the same Slack and Teams conversation after a restart on SQLite', async () => {
    const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'pg-persist-')), 'p.sqlite')}`;
    app = await startPlaygroundApp({ STORE_URL: url });
    expect((await say(app, 'slack', 'wat kost het overzetten?')).status).toBe(200);
    expect((await say(app, 'teams', 'help')).status).toBe(200);
    await expect.poll(async () => (await state(app!)).slack.messages.length, { timeout: 10_000 }).toBe(2);
    await expect.poll(async () => (await state(app!)).teams.activities.length, { timeout: 10_000 }).toBe(2);
    const before = await state(app);
    await app.close();
    app = await startPlaygroundApp({ STORE_URL: url });
    const after = await state(app);
    expect(after.slack.messages).toEqual(before.slack.messages);
    expect(after.teams.activities).toEqual(before.teams.activities);
    // The knowledge base does not cover cost: the answer says so rather than inventing a price.
    expect(JSON.stringify(after.slack.messages)).toMatch(/zegt niet|does not say/);
  });

  it('answers bad input to its own API with 400 and a message, not a crash', async () => {
    app = await startPlaygroundApp();
    const bad = await fetch(`${app.url}/playground/say`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${app.url}/playground/say`, {
      method: 'POST',
      body: JSON.stringify({ platform: 'slack', as: 'ceo', text: 'hoi' }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'unknown persona "ceo"' });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('is off in production: no page, no simulated platforms', async () => {
    app = await startPlaygroundApp({ PLAYGROUND: 'off' });
    expect((await fetch(`${app.url}/`)).status).toBe(404);
    expect(await (await fetch(`${app.url}/healthz`)).json()).toMatchObject({ platforms: { slack: false } });
  });
});
