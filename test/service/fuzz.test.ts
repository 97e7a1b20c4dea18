// Seeded fuzzing of the platform endpoints: thousands of mutated, correctly signed Slack payloads and Teams
// activities. None may get a 5xx, crash or stall the process, log at error level, or change a case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/plugin.js';
import { createTeamsAdapter } from '../../adapters/teams/plugin.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { BOT, FakeSlackApi } from '../helpers/fake-slack-api.js';
import { captureLog } from '../helpers/log-capture.js';
import { seededRandom } from '../helpers/seeded.js';
import { CHANNEL, PEOPLE, slackCaseInChannel } from '../helpers/slack-app.js';
import { eventEnvelope, SIGNING_SECRET, SlackSender } from '../helpers/slack-requests.js';
import { TeamsClient, tp } from '../helpers/teams-activities.js';

const SLACK_CASES = 2000;
const TEAMS_CASES = 2000;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ODD_VALUES: Json[] = [
  null,
  0,
  -1,
  1e308,
  true,
  '',
  ' ',
  'x'.repeat(5000),
  '🙂'.repeat(300),
  '<script>alert(1)</script>',
  '<at>Bram</at>',
  '[klik](javascript:alert(1))',
  '*vet* _schuin_ ~doorgestreept~ `code`',
  '\u0000\u0007\u001b[31m',
  '../../etc/passwd',
  'approve:client',
  'U'.repeat(100),
  [],
  [null],
  {},
  { id: null },
  { id: 42 },
];

/** All paths to values in a JSON tree, objects and arrays included. */
function paths(node: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(node)) for (const [i, v] of node.entries()) paths(v, [...at, i], out);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) paths(v, [...at, k], out);
  return out;
}

/** One to three random mutations: drop a field, replace a value with an odd one, add a field, change its type. */
function mutate(template: Json, rand: () => number): Json {
  const root = structuredClone(template);
  const count = 1 + Math.floor(rand() * 3);
  for (let m = 0; m < count; m++) {
    const all = paths(root).filter((p) => p.length > 0);
    const path = all[Math.floor(rand() * all.length)];
    if (!path) break;
    let parent = root as Record<string | number, Json>;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
    const key = path.at(-1)!;
    const kind = rand();
    if (kind < 0.3) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (kind < 0.8) {
      parent[key] = structuredClone(ODD_VALUES[Math.floor(rand() * ODD_VALUES.length)]!);
    } else if (kind < 0.9 && parent && typeof parent === 'object' && !Array.isArray(parent)) {
      parent[`extra${m}`] = structuredClone(ODD_VALUES[Math.floor(rand() * ODD_VALUES.length)]!);
    } else {
      const v = parent[key];
      parent[key] = typeof v === 'string' ? ({ value: v } as Json) : JSON.stringify(v ?? null);
    }
  }
  return root;
}

describe('fuzzing the endpoints', () => {
  const log = captureLog('info');
  let app: TestApp;
  let fake: FakeSlackApi;
  let connector: FakeBotConnector;
  let slack: SlackSender;
  let teams: TeamsClient;
  let caseId = '';
  let factsBefore: string[] = [];

  const caseFacts = async () => {
    const keys: string[] = [];
    for await (const [key] of app.store.scan('case:')) keys.push(key);
    return keys.sort();
  };

  beforeAll(async () => {
    fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
    connector = await FakeBotConnector.start();
    connector.members = Object.values(tp).map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId }));
    app = await startTestApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        LOG_LEVEL: 'info',
      },
      { platforms: [createSlackAdapter(), createTeamsAdapter({ retry: { baseMs: 5 } })], logger: log.logger },
    );
    slack = new SlackSender(app.url, fake);
    teams = new TeamsClient(app.url, connector.url);
    // A completed-looking target: a case that was cancelled, so no press on it can change anything.
    ({ caseId } = await slackCaseInChannel(app));
    await app.engine.handleAction({
      platform: 'slack',
      user: { platform: 'slack', id: PEOPLE.requester.id },
      caseId,
      action: 'cancel',
      payload: {},
    });
    await app.engine.idle();
    factsBefore = await caseFacts();
    log.clear();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await connector?.close();
  });

  it(`${SLACK_CASES} mutated signed Slack payloads: no 5xx, no error line, no change`, async () => {
    const rand = seededRandom(Number(process.env.FUZZ_SEED ?? 42));
    const templates: { form: boolean; body: Json }[] = [
      {
        form: true,
        body: {
          type: 'block_actions',
          team: { id: BOT.team },
          user: { id: PEOPLE.client.id, name: 'karin' },
          trigger_id: 't1',
          channel: { id: CHANNEL },
          container: { type: 'message', channel_id: CHANNEL, message_ts: '1.0' },
          message: { ts: '1.0', type: 'message' },
          actions: [{ type: 'button', action_id: 'approve:client', value: caseId, block_id: 'b' }],
        },
      },
      {
        form: true,
        body: {
          type: 'view_submission',
          team: { id: BOT.team },
          user: { id: PEOPLE.client.id },
          view: {
            id: 'V1',
            callback_id: 'rejectReason',
            private_metadata: JSON.stringify({ channel: CHANNEL, caseId, role: 'client' }),
            state: { values: { reason: { reason: { type: 'plain_text_input', value: 'nee' } } } },
          },
        },
      },
      {
        form: false,
        body: eventEnvelope(
          { type: 'app_mention', user: PEOPLE.client.id, channel: CHANNEL, text: `<@${BOT.userId}> hoi`, ts: '1.1' },
          'EvFuzz',
        ) as Json,
      },
      {
        form: false,
        body: eventEnvelope(
          { type: 'message', channel_type: 'im', user: PEOPLE.client.id, channel: 'DFUZZ', text: 'hoi', ts: '1.2' },
          'EvFuzz2',
        ) as Json,
      },
      { form: false, body: { type: 'url_verification', challenge: 'c', token: 't' } },
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < SLACK_CASES; i++) {
      const t = templates[i % templates.length]!;
      const mutated = mutate(t.body, rand);
      if (!t.form && mutated && typeof mutated === 'object' && !Array.isArray(mutated) && 'event_id' in mutated) {
        (mutated as Record<string, Json>).event_id = `EvFuzz${i}`;
      }
      const body = t.form
        ? new URLSearchParams({ payload: JSON.stringify(mutated) }).toString()
        : JSON.stringify(mutated);
      const res = await slack.post(body, t.form ? 'application/x-www-form-urlencoded' : 'application/json');
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `Slack case ${i}: ${body.slice(0, 300)}`).toBeLessThan(500);
    }
    await app.engine.idle();
    expect(log.errors(), JSON.stringify(log.errors().slice(0, 3))).toEqual([]);
    expect(await caseFacts()).toEqual(factsBefore);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400]));
  }, 240_000);

  it(`${TEAMS_CASES} mutated Teams activities: no 5xx, no error line, no change`, async () => {
    const rand = seededRandom(Number(process.env.FUZZ_SEED ?? 7) + 1);
    const where = [{ kind: 'personal' }, { kind: 'channel' }, { kind: 'groupChat' }] as const;
    const templates = (i: number): Json[] => {
      const w = where[i % 3]!;
      return [
        { ...teams.base(tp.client, w), type: 'message', text: 'Wie moet akkoord geven?' } as Json,
        {
          ...teams.base(tp.client, w),
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: {
            action: { type: 'Action.Execute', verb: 'approve', data: { caseId, role: 'client' } },
            trigger: 'manual',
          },
        } as Json,
        {
          ...teams.base(tp.client, w),
          type: 'conversationUpdate',
          membersAdded: [{ id: 'someone-else' }],
        } as Json,
      ];
    };
    const statuses = new Map<number, number>();
    for (let i = 0; i < TEAMS_CASES; i++) {
      const list = templates(i);
      const activity = mutate(list[i % list.length]!, rand);
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `Teams case ${i}: ${JSON.stringify(activity).slice(0, 300)}`).toBeLessThan(500);
    }
    await app.engine.idle();
    expect(log.errors(), JSON.stringify(log.errors().slice(0, 3))).toEqual([]);
    expect(await caseFacts()).toEqual(factsBefore);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400]));
  }, 240_000);

  it('keeps serving with bounded memory afterwards', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    // The whole test process, fuzzing included: a leak per request would show as hundreds of megabytes.
    expect(process.memoryUsage().rss).toBeLessThan(1024 * 1024 * 1024);
  });
});
