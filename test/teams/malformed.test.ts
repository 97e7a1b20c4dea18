// Activities no Teams client sends: each is refused with a 400 and one warn line before botbuilder runs a turn, so
// there is no 500, no error line, no stack trace and no change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureLog } from '../helpers/log-capture.js';
import { TeamsClient, tp } from '../helpers/teams-activities.js';
import { type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

const log = captureLog('info');
let h: TeamsHarness;

beforeAll(async () => {
  h = await teamsHarness({ LOG_LEVEL: 'info' }, {}, log.logger);
});
afterAll(async () => h?.close());
beforeEach(() => log.clear());

const post = (body: string) =>
  fetch(`${h.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

function message(patch: Record<string, unknown>): Record<string, unknown> {
  const c = new TeamsClient(h.app.url, h.fake.url);
  return { ...c.base(tp.requester, { kind: 'personal' }), type: 'message', text: 'Wie moet akkoord geven?', ...patch };
}

describe('Teams activities that are not what a client sends', () => {
  it.each([
    ['no from', { from: undefined }],
    ['from without an id', { from: { name: 'x' } }],
    ['a locale that is a number', { locale: 42 }],
    ['a locale that is an object', { locale: { toString: 'x' } }],
    ['text that is an object', { text: { html: '<b>x</b>' } }],
    ['no conversation', { conversation: undefined }],
    ['no serviceUrl', { serviceUrl: undefined }],
    ['a serviceUrl that is not a URL', { serviceUrl: 'javascript:alert(1)' }],
    ['no type', { type: undefined }],
    ['membersAdded that is not a list', { type: 'conversationUpdate', membersAdded: 'everyone' }],
  ])('%s: 400, one warn line, no turn', async (_name, patch) => {
    const res = await post(JSON.stringify(message(patch)));
    expect(res.status).toBe(400);
    expect(log.warnings()).toHaveLength(1);
    expect(log.errors()).toEqual([]);
    expect(h.fake.requests).toEqual([]);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['not JSON', '{'],
  ])('a body that is %s: 400', async (_name, body) => {
    expect((await post(body)).status).toBe(400);
    expect(log.errors()).toEqual([]);
  });

  it('still answers a well-formed message', async () => {
    const res = await post(JSON.stringify(message({})));
    expect(res.status).toBe(200);
    expect(h.fake.requests.length).toBeGreaterThan(0);
  });
});
