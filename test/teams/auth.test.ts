// Authentication on /api/messages: with an app id, no token means 401 and nothing changes; without one the
// adapter runs only outside production, and in production it is switched off (and /healthz says so).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/plugin.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { captureLog } from '../helpers/log-capture.js';
import { CHANNEL, tp } from '../helpers/teams-activities.js';
import { type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = '66666666-7777-8888-9999-000000000000';

const AUTH = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: TENANT_ID };

let app: TestApp | undefined;
let h: TeamsHarness | undefined;
afterEach(async () => {
  await app?.close();
  await h?.close();
  app = undefined;
  h = undefined;
});

async function keys(a: TestApp): Promise<string[]> {
  const out: string[] = [];
  for await (const [k] of a.store.scan('')) out.push(k);
  return out.sort();
}

describe('Teams authentication', () => {
  it('answers 401 to a request without a token when an app id is set, and changes nothing', async () => {
    h = await teamsHarness(AUTH);
    const { app, fake, teams } = h;
    const before = await keys(app);
    const message = await teams.message(tp.requester, 'start', { kind: 'channel' });
    const invoke = await teams.invoke(tp.oldAdmin, 'approve', { caseId: 'x', role: 'oldEnvironmentAdmin' });
    const install = await teams.installed(tp.requester);
    expect([message.status, invoke.status, install.status]).toEqual([401, 401, 401]);
    expect(await keys(app)).toEqual(before);
    expect(await app.store.get(`teams:conv:${CHANNEL}`)).toBeUndefined();
    expect(fake.requests).toEqual([]);
    expect(await (await fetch(`${app.url}/healthz`)).json()).toMatchObject({ platforms: { teams: true } });
  });

  it('answers 401 to a malformed bearer token too, with one warn line and no stack trace on stderr', async () => {
    const log = captureLog();
    // botbuilder's CloudAdapter.process() prints what it catches with console.error; the adapter keeps refusals out.
    const printed = vi.spyOn(console, 'error');
    try {
      h = await teamsHarness(AUTH, {}, log.logger);
      const { fake, teams } = h;
      const r = await teams.send(
        { ...teams.base(tp.requester, { kind: 'personal' }), type: 'message', text: 'help' },
        { authorization: 'Bearer not.a.jwt' },
      );
      expect(r.status).toBe(401);
      expect(fake.requests).toEqual([]);
      expect(printed).not.toHaveBeenCalled();
      expect(log.warnings()).toEqual([
        expect.objectContaining({ msg: 'Teams request refused: no valid token', status: 401, platform: 'teams' }),
      ]);
      expect(log.errors()).toEqual([]);
    } finally {
      printed.mockRestore();
    }
  });

  it('runs without authentication outside production (local testing)', async () => {
    h = await teamsHarness();
    const r = await h.teams.message(tp.requester, 'help');
    expect(r.status).toBe(200);
    expect(h.fake.posts()).toHaveLength(1);
  });

  it('is disabled in production without an app id: no route, and /healthz shows it off', async () => {
    app = await startTestApp({ NODE_ENV: 'production' }, { platforms: [createTeamsAdapter()] });
    expect(await (await fetch(`${app.url}/healthz`)).json()).toMatchObject({ platforms: { teams: false } });
    const r = await fetch(`${app.url}/api/messages`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(404);
  });

  it('rejects a body that is not JSON with 400', async () => {
    app = await startTestApp({}, { platforms: [createTeamsAdapter()] });
    const r = await fetch(`${app.url}/api/messages`, { method: 'POST', body: 'not json' });
    expect(r.status).toBe(400);
  });
});
