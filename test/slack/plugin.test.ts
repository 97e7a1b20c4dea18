// Wiring: enabled by the two Slack variables, one shared server and port, Socket Mode with an app token.
import { describe, expect, it } from 'vitest';
import { platforms } from '../../adapters/index.js';
import { createSlackAdapter } from '../../adapters/slack/plugin.js';
import { parseConfig } from '../../src/config/load-config.js';
import { startTestApp } from '../helpers/app.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { FakeSlackSocket } from '../helpers/fake-slack-socket.js';
import { CHANNEL, PEOPLE, startSlackApp } from '../helpers/slack-app.js';
import { eventEnvelope, SIGNING_SECRET, SlackSender } from '../helpers/slack-requests.js';

const config = (env: Record<string, string>) => {
  const r = parseConfig({ STORE_URL: 'memory://', ...env });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.config;
};

describe('Slack adapter wiring', () => {
  it('is enabled only when both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set', () => {
    const adapter = createSlackAdapter();
    expect(adapter.name).toBe('slack');
    expect(adapter.enabled(config({}))).toBe(false);
    expect(adapter.enabled(config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe(true);
    expect(platforms.some((p) => p.name === 'slack')).toBe(true);
  });

  it('stays off without the variables: /healthz says so and /slack/events does not exist', async () => {
    const app = await startTestApp();
    try {
      const health = (await (await fetch(`${app.url}/healthz`)).json()) as { platforms: Record<string, boolean> };
      expect(health.platforms.slack).toBe(false);
      expect((await fetch(`${app.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('serves /slack/events on the service’s one server and port, from the default platform list', async () => {
    const fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
    const app = await startTestApp({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    try {
      const health = (await (await fetch(`${app.url}/healthz`)).json()) as { platforms: Record<string, boolean> };
      expect(health.platforms.slack).toBe(true);
      const slack = new SlackSender(app.url, fake);
      const res = await slack.post(JSON.stringify({ type: 'url_verification', challenge: 'c' }), 'application/json');
      expect(await res.json()).toEqual({ challenge: 'c' });
      // SLACK_API_URL is where the Web API calls go.
      await slack.mention(PEOPLE.requester.id, CHANNEL, 'help');
      await fake.waitFor(() => fake.botMessages().length > 0);
      expect(fake.callsOf('auth.test')).toHaveLength(1);
    } finally {
      await app.close();
      await fake.close();
    }
  });

  it('uses Socket Mode when SLACK_APP_TOKEN is set: no HTTP route, events over the socket', async () => {
    const socket = await FakeSlackSocket.start();
    const h = await startSlackApp({ SLACK_APP_TOKEN: 'xapp-test' }, { socketUrl: socket.url });
    try {
      expect(h.adapter.mode).toBe('socket');
      await socket.connected;
      expect(h.fake.callsOf('apps.connections.open')).toHaveLength(1);
      expect((await h.slack.post('{}', 'application/json')).status).toBe(404);

      const ts = h.slack.ts();
      h.fake.addUserMessage({ user: PEOPLE.requester.id, channel: CHANNEL, ts, text: 'help' });
      const event = { type: 'app_mention', user: PEOPLE.requester.id, channel: CHANNEL, text: '<@UBOT> help', ts };
      const eventEnvelopeId = socket.send('events_api', eventEnvelope(event, 'EvSocket1'));
      const reply = await h.fake.waitFor(() => h.fake.threadReplies(CHANNEL, ts)[0]);
      expect(reply.text).toContain('wat ik kan');

      const commandEnvelopeId = socket.send(
        'slash_commands',
        h.slack.commandPayload(PEOPLE.requester.id, CHANNEL, 'start'),
      );
      const modal = await h.fake.waitFor(() => h.fake.lastView());
      expect(modal.view.callback_id).toBe('startCase');
      const acked = socket.acks.map((a) => a.envelope_id);
      expect(acked).toEqual(expect.arrayContaining([eventEnvelopeId, commandEnvelopeId]));
    } finally {
      await h.close();
      await socket.close();
    }
    expect(h.adapter.mode).toBeUndefined();
  });
});
