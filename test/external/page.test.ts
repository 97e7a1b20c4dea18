// The approval page through the real HTTP server and the real Slack adapter: GET is safe, POST needs the page's
// CSRF token, every field is escaped, dead links get their own page, floods are limited without touching chat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExternalPage, type ExternalPageOptions } from '../../adapters/external/plugin.js';
import { createSlackAdapter } from '../../adapters/slack/plugin.js';
import { createTeamsAdapter } from '../../adapters/teams/plugin.js';
import type { Role } from '../../src/domain/case.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { PEOPLE } from '../helpers/slack-app.js';
import { SIGNING_SECRET, SlackSender } from '../helpers/slack-requests.js';

const EVIL = `<script>alert("x")</script> & 'Zonen' "B.V."`;
const LIMITS: ExternalPageOptions = {
  perIp: { limit: 1000, windowMs: 60_000 },
  perToken: { limit: 1000, windowMs: 60_000 },
};

let app: TestApp;
let fake: FakeSlackApi;
let slack: SlackSender;

async function start(limits = LIMITS) {
  fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
  app = await startTestApp(
    {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PUBLIC_URL: 'https://overname.example.nl',
    },
    { platforms: [createSlackAdapter(), createTeamsAdapter(), createExternalPage(limits)] },
  );
  slack = new SlackSender(app.url, fake);
}

beforeEach(() => start());
afterEach(async () => {
  await app.close();
  await fake.close();
});

async function newCase(language: 'nl' | 'en' = 'nl') {
  const r = await app.engine.submitStart({
    platform: 'slack',
    workspace: 'T1',
    conversation: 'C1',
    user: { platform: 'slack', id: PEOPLE.requester.id, name: PEOPLE.requester.real_name },
    locale: language === 'en' ? 'en-US' : 'nl-NL',
    values: {
      clientName: EVIL,
      administrations: '1001 Bakkerij',
      oldEnvironment: 'Kantoor Oud',
      newEnvironment: 'Kantoor Nieuw',
      oldEnvironmentAdmin: PEOPLE.oldAdmin.id,
      client: '',
      clientExternalName: 'Karin Bakker',
      clientExternalEmail: 'karin@example.nl',
      newEnvironmentAdmin: PEOPLE.requester.id,
    },
    names: { [PEOPLE.oldAdmin.id]: PEOPLE.oldAdmin.real_name, [PEOPLE.requester.id]: PEOPLE.requester.real_name },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.caseId;
}

async function link(caseId: string, role: Role = 'client') {
  const r = await app.external!.links.issue(caseId, role);
  if (!r.ok) throw new Error(r.problem);
  return `${app.url}/goedkeuring/${r.token}`;
}

/** The page's form fields, as a browser would send them back. */
function formOf(html: string): { page: string; csrf: string; lang: string } {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  return { page: field('page'), csrf: field('csrf'), lang: field('lang') };
}

function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TestBrowser/1.0', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

async function decide(url: string, fields: Record<string, string>) {
  const page = await (await fetch(url)).text();
  return post(url, { ...formOf(page), ...fields });
}

const caseMessage = (caseId: string) => app.engine.repo.messageId(caseId, 'case');

describe('the approval page', () => {
  it('shows the case with every field escaped, the article’s sentences, a labelled form and a strict policy', async () => {
    const url = await link(await newCase());
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'nonce-[A-Za-z0-9_-]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Zonen&#39; &quot;B.V.&quot;');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Kantoor Oud → Kantoor Nieuw');
    expect(html).toContain('Rianne Aanvrager');
    // The article's own words: who must approve, and what is not copied.
    expect(html).toContain('Belangrijk is dat alle partijen akkoord moeten geven voor de opdracht');
    expect(html).toContain('<li>Poorten en certificaten.</li>'.replace('Poorten', 'Poorten'));
    expect(html).toMatch(/<label for="name">[^<]+<\/label>\s*<input type="text" id="name"/);
    expect(html).toMatch(/<label for="reason">[^<]+<\/label>\s*<textarea id="reason"/);
    expect(html).toContain('value="Karin Bakker"');
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<(script|img|link|iframe)\b/);
    const en = await (await fetch(`${url}?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('all parties must approve the order');
  });

  it('changes nothing on GET, HEAD or any preview, however often', async () => {
    const caseId = await newCase();
    const url = await link(caseId);
    const before = await app.engine.repo.storedFacts(caseId);
    for (const ua of ['Slackbot-LinkExpanding 1.0', 'Microsoft Office/16.0', 'curl/8']) {
      expect((await fetch(url, { headers: { 'user-agent': ua } })).status).toBe(200);
    }
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(405);
    expect(await app.engine.repo.storedFacts(caseId)).toEqual(before);
    expect((await fetch(url)).status).toBe(200);
  });

  it('refuses a POST without or with a wrong CSRF token (403) and records nothing', async () => {
    const caseId = await newCase();
    const url = await link(caseId);
    const other = await link(caseId, 'client');
    const page = formOf(await (await fetch(url)).text());
    const before = await app.engine.repo.storedFacts(caseId);
    for (const fields of [
      { decision: 'approve', name: 'Karin' },
      { ...page, csrf: `${page.csrf.slice(0, -2)}AA`, decision: 'approve', name: 'Karin' },
      { ...page, page: 'A'.repeat(22), decision: 'approve', name: 'Karin' },
    ]) {
      const res = await post(url, fields);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('komt niet van ons');
    }
    // A page of a link that was replaced cannot be sent to the new link.
    expect((await post(other, { ...page, decision: 'approve', name: 'Karin' })).status).toBe(403);
    expect((await fetch(url.replace('/goedkeuring/', '/goedkeuring/x'), { method: 'POST' })).status).toBe(400);
    expect(await app.engine.repo.storedFacts(caseId)).toEqual(before);
  });

  it('records an approval like a chat press: the card updates in place and the requester is told in the thread', async () => {
    const caseId = await newCase();
    const ts = (await caseMessage(caseId))!;
    expect(fake.message('C1', ts)!.text + JSON.stringify(fake.message('C1', ts)!.blocks)).toContain(
      'Karin Bakker (extern) — wacht op akkoord via link',
    );
    const url = await link(caseId);
    const fields = formOf(await (await fetch(url)).text());
    const res = await post(url, { ...fields, decision: 'approve', name: 'Karin B.' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Je akkoord is vastgelegd');
    const s = (await app.engine.repo.load(caseId))!;
    const d = s.roles.find((r) => r.role === 'client')!.decision!;
    expect(d).toMatchObject({ decision: 'approved', round: 1 });
    expect(d.by).toMatchObject({
      platform: 'external',
      id: 'external:client',
      name: 'Karin B.',
      ip: expect.stringMatching(/127\.0\.0\.1/),
      userAgent: 'TestBrowser/1.0',
    });
    await app.engine.idle();
    expect(JSON.stringify(fake.message('C1', ts)!.blocks)).toContain('akkoord door Karin B.');
    const told = fake.threadReplies('C1', ts).map((m) => m.text);
    expect(told.join('\n')).toContain('Karin B. heeft via de link akkoord gegeven als klant');
    // Used once: the same page again, or the link again, gets a "used" page (410) and changes nothing.
    const again = await post(url, { ...fields, decision: 'reject', name: 'Karin', reason: 'toch niet' });
    expect(again.status).toBe(410);
    expect((await fetch(url)).status).toBe(410);
    expect((await app.engine.repo.load(caseId))!.roles.find((r) => r.role === 'client')!.decision!.decision).toBe(
      'approved',
    );
  });

  it('asks again for a missing name or reason (422), keeping what was typed, escaped', async () => {
    const caseId = await newCase();
    const url = await link(caseId);
    const noReason = await decide(url, { decision: 'reject', name: '"><script>x</script>' });
    expect(noReason.status).toBe(422);
    const html = await noReason.text();
    expect(html).toContain('Geef een reden voor de afwijzing.');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('aria-invalid="true"');
    expect((await decide(url, { decision: 'approve', name: '   ' })).status).toBe(422);
    expect((await app.engine.repo.load(caseId))!.status).toBe('awaiting_approvals');
    const rejected = await decide(url, { decision: 'reject', name: 'Karin', reason: 'Eerst <b>bellen</b>' });
    expect(rejected.status).toBe(200);
    const s = (await app.engine.repo.load(caseId))!;
    expect(s.status).toBe('rejected');
    expect(s.roles.find((r) => r.role === 'client')!.decision!.reason).toBe('Eerst <b>bellen</b>');
  });

  it('gives each dead link its own page in the case language, with a 4xx, changing nothing', async () => {
    const caseId = await newCase('en');
    const first = await link(caseId);
    const second = await link(caseId);
    const pages: [string, number, string][] = [
      [`${app.url}/goedkeuring/nonsense`, 404, 'This link is not valid'],
      [`${second.slice(0, -3)}abc`, 404, 'This link is not valid'],
      [first, 410, 'A newer link was made for you'],
    ];
    for (const [url, status, text] of pages) {
      // A forged link names no case to take the language from: the browser's language decides.
      const res = await fetch(url, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      expect(res.status, url).toBe(status);
      expect(await res.text()).toContain(text);
    }
    const tampered = await fetch(`${app.url}/goedkeuring/nonsense?lang=nl`);
    expect(await tampered.text()).toContain('Deze link is niet geldig');
    app.clock.advance(7 * 86_400_000);
    const expired = await fetch(second);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
    app.clock.advance(-7 * 86_400_000);
    const fresh = await link(caseId);
    const fields = formOf(await (await fetch(fresh)).text());
    const ts = (await caseMessage(caseId))!;
    const cancel = await slack.action({ user: PEOPLE.requester.id, actionId: 'cancel', value: caseId, messageTs: ts });
    expect(cancel.status).toBe(200);
    await app.engine.idle();
    const cancelled = await fetch(fresh);
    expect(cancelled.status).toBe(410);
    expect(await cancelled.text()).toContain('This takeover was cancelled');
    // A page opened before the cancellation, sent after it: refused as well.
    expect((await post(fresh, { ...fields, decision: 'approve', name: 'Karin' })).status).toBe(410);
    expect((await app.engine.repo.load(caseId))!.roles.find((r) => r.role === 'client')!.decision).toBeUndefined();
  });

  it('says a link of an earlier round is dead once the request was made again', async () => {
    const caseId = await newCase();
    const url = await link(caseId);
    const ts = (await caseMessage(caseId))!;
    await app.engine.handleAction({
      platform: 'slack',
      user: { platform: 'slack', id: PEOPLE.oldAdmin.id },
      caseId,
      action: 'reject',
      payload: { role: 'oldEnvironmentAdmin', reason: 'nog niet' },
    });
    expect(await (await fetch(url)).text()).toContain('Een andere partij heeft afgewezen');
    const again = await slack.action({
      user: PEOPLE.requester.id,
      actionId: 'rerequest',
      value: caseId,
      messageTs: ts,
    });
    expect(again.status).toBe(200);
    await app.engine.idle();
    const res = await fetch(url);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('Het verzoek is opnieuw ingediend');
  });

  it('loses nothing when an external decision races a chat press for another role', async () => {
    const caseId = await newCase();
    const ts = (await caseMessage(caseId))!;
    const url = await link(caseId);
    const fields = formOf(await (await fetch(url)).text());
    const [page, press] = await Promise.all([
      post(url, { ...fields, decision: 'approve', name: 'Karin' }),
      slack.action({ user: PEOPLE.oldAdmin.id, actionId: 'approve:oldEnvironmentAdmin', value: caseId, messageTs: ts }),
    ]);
    expect(page.status).toBe(200);
    expect(press.status).toBe(200);
    await app.engine.idle();
    const s = (await app.engine.repo.load(caseId))!;
    expect(s.roles.map((r) => r.decision?.decision)).toEqual(['approved', 'approved', undefined]);
    const card = JSON.stringify(fake.message('C1', ts)!.blocks);
    expect(card).toContain('akkoord door Karin');
    expect(card).toContain('akkoord door Otto Oud');
  });
});

describe('the link for the requester', () => {
  it('goes to the requester only, ephemeral in the thread and by direct message, with a text ready to send', async () => {
    const caseId = await newCase();
    const ts = (await caseMessage(caseId))!;
    const ephemerals = fake.ephemerals.filter((e) => e.user === PEOPLE.requester.id);
    expect(ephemerals).toHaveLength(1);
    expect(fake.ephemerals.filter((e) => e.user !== PEOPLE.requester.id)).toEqual([]);
    const dm = fake.callsOf('chat.postMessage').filter((c) => c.args.channel === PEOPLE.requester.id);
    expect(dm).toHaveLength(1);
    const text = ephemerals[0]!.text;
    expect(text).toContain('Karin Bakker');
    expect(text).toContain('geldig tot');
    expect(text).toContain('Beste Karin Bakker');
    // Nothing about the link in the channel itself.
    expect(JSON.stringify(fake.channelMessages('C1'))).not.toContain('/goedkeuring/');
    expect(fake.threadReplies('C1', ts)).toEqual([]);
    // The link as Slack makes it clickable: the address of <url|label> in the message's blocks, unbroken.
    const blocks = JSON.stringify(ephemerals[0]!.blocks);
    const url = /<https:\/\/overname\.example\.nl(\/goedkeuring\/[A-Za-z0-9_.-]+)\|/.exec(blocks)![1]!;
    const res = await decide(`${app.url}${url}`, { decision: 'approve', name: 'Karin Bakker' });
    expect(res.status).toBe(200);
    expect((await app.engine.repo.load(caseId))!.roles.find((r) => r.role === 'client')!.decision!.decision).toBe(
      'approved',
    );
  });
});

describe('rate limits on the approval page', () => {
  it('answers a flood with 429 per IP and per token, while /slack/events and /api/messages answer as before', async () => {
    await app.close();
    await fake.close();
    await start({ perIp: { limit: 10, windowMs: 60_000 }, perToken: { limit: 5, windowMs: 60_000 } });
    const url = await link(await newCase());
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(url)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await fetch(url);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.text()).toContain('Te veel verzoeken');
    // Other tokens from the same address: the tenth request overall still passes, then the per-IP limit holds.
    const other: number[] = [];
    for (let i = 0; i < 3; i++) other.push((await fetch(`${app.url}/goedkeuring/other${i}`)).status);
    expect(other).toEqual([404, 429, 429]);
    // Chat traffic from the same address is untouched: a signed Slack event and a Teams activity still get in.
    const { res } = await slack.mention(PEOPLE.requester.id, 'C1', 'help');
    expect(res.status).toBe(200);
    const teams = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(teams.status).toBe(400);
  });
});
