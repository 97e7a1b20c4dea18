// A case's history in Teams: History on the case card and "geschiedenis <klant>" answer the asker alone, for the
// people in the case and AUDIT_ADMINS; Export gives a signed 15-minute download link, or a table without PUBLIC_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader } from '../../src/audit/trail.js';
import type { UserRef } from '../../src/domain/case.js';
import { assertValidCard } from '../helpers/adaptive-card-validator.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { captureLog } from '../helpers/log-capture.js';
import {
  cardText,
  executeActions,
  responseCard,
  type SendResult,
  type TeamsUser,
  tp,
} from '../helpers/teams-activities.js';
import { startCase, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

const PUBLIC_URL = 'https://overname.example.com';
const REASON = 'Eerst *factuur* <b>betalen</b> & _daarna_ [klik](https://x.example) #1';
const admin: TeamsUser = {
  id: '29:1Adm-audit',
  name: 'Anna Audit',
  aadObjectId: '00000000-0000-0000-0000-000000000099',
};
const ref = (u: TeamsUser): UserRef => ({ platform: 'teams', id: u.id, name: u.name });

function card(r: SendResult): Record<string, unknown> {
  expect(r.status).toBe(200);
  const c = responseCard(r)!;
  expect(c).toBeDefined();
  assertValidCard(c);
  return c;
}

/** A case in the channel: round 1 rejected by the client with REASON, round 2 requested, one item undone later. */
async function caseWithHistory(h: TeamsHarness) {
  const started = await startCase(h);
  const act = (u: TeamsUser, action: string, payload: Record<string, unknown> = {}) =>
    h.app.engine.handleAction({ platform: 'teams', user: ref(u), caseId: started.caseId, action, payload });
  await act(tp.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
  h.app.clock.set('2026-11-23T11:15:30+01:00');
  await act(tp.client, 'reject', { role: 'client', reason: REASON });
  await act(tp.requester, 'rerequest');
  await h.app.engine.idle();
  return started;
}

describe('Teams: the history of a case', () => {
  let h: TeamsHarness;
  let caseId: string;
  let where: { kind: 'channel'; thread: string };
  const log = captureLog('info');

  beforeAll(async () => {
    h = await teamsHarness({ AUDIT_ADMINS: `slack:U1,teams:${admin.id}`, PUBLIC_URL }, {}, log.logger);
    const started = await caseWithHistory(h);
    caseId = started.caseId;
    where = { kind: 'channel', thread: started.caseMessageId };
  });
  afterAll(async () => h?.close());

  it('turns the presser’s copy of the case card into the history', async () => {
    const caseCard = FakeBotConnector.card(h.fake.posts().find((p) => h.fake.idOf(p) === where.thread)!.body);
    expect(executeActions(caseCard, { history: true }).map((a) => a.verb)).toContain('history');
    const shown = card(await h.teams.invoke(tp.client, 'history', { caseId, card: 'case' }, where));
    const text = cardText(shown);
    expect(text).toContain('Geschiedenis — Bakkerij De Korst B.V.');
    expect(text).toContain('**Afgewezen als klant**');
    expect(text).toContain('**Opnieuw aangevraagd: akkoordronde 2**');
    expect(text).toContain(`Door: Karin Klant (${tp.client.id}) · Microsoft Teams`);
    expect(text).toContain('Wanneer: 2026-11-23 11:15:30 +01:00 · 2026-11-23 10:15:30 UTC');
    expect(text).toContain('Akkoordronde: 2');
    // The reason literally: markdown characters escaped once, no tag, no link.
    expect(text).toContain(
      'Reden: Eerst \\*factuur\\* <\u200bb>betalen<\u200b/b> & \\_daarna\\_ \\[klik\\](https://x.example) #1',
    );
    expect(executeActions(shown)).toEqual([
      { verb: 'history_export', data: { caseId } },
      { verb: 'refresh', data: { caseId, card: 'case' } },
    ]);
  });

  it('refuses an outsider in their own copy, with one warn line and nothing changed', async () => {
    const facts = (await h.app.engine.repo.storedFacts(caseId)).length;
    log.clear();
    const refused = card(await h.teams.invoke(tp.outsider, 'history', { caseId, card: 'case' }, where));
    expect(cardText(refused)).toContain('Alleen de aanvrager, de drie goedkeurders en de auditbeheerders');
    expect(cardText(refused)).not.toContain('Afgewezen als klant');
    expect(log.warnings().map((l) => l.msg)).toEqual(['history refused: not involved in the case']);
    const exported = card(await h.teams.invoke(tp.outsider, 'history_export', { caseId }, where));
    expect(executeActions(exported).map((a) => a.verb)).not.toContain('history_export');
    expect(JSON.stringify(exported)).not.toContain('/audit/export');
    expect((await h.app.engine.repo.storedFacts(caseId)).length).toBe(facts);
  });

  it('shows an audit admin the history, though not in the case', async () => {
    const shown = card(await h.teams.invoke(admin, 'history', { caseId, card: 'case' }, where));
    expect(cardText(shown)).toContain('**Afgewezen als klant**');
  });

  it('answers "geschiedenis <klant>" in the channel with a prompt only the asker’s copy fills', async () => {
    const before = h.fake.posts().length;
    const r = await h.teams.message(tp.requester, 'geschiedenis bakkerij de korst b.v.', { kind: 'channel' });
    expect(r.status).toBe(200);
    const prompt = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    expect(h.fake.posts().length).toBe(before + 1);
    assertValidCard(prompt);
    expect(cardText(prompt)).toContain('Rianne Aanvrager vroeg de geschiedenis op van bakkerij de korst b.v.');
    expect(cardText(prompt)).not.toContain('Afgewezen');
    const refresh = prompt.refresh as { action: { verb: string; data: Record<string, unknown> }; userIds: string[] };
    expect(refresh.userIds).toEqual([tp.requester.id]);
    const mine = card(
      await h.teams.invoke(tp.requester, refresh.action.verb, refresh.action.data, { kind: 'channel' }),
    );
    expect(cardText(mine)).toContain('**Afgewezen als klant**');
    // Someone else pressing the prompt's button: judged for themselves.
    const theirs = await h.teams.invoke(tp.outsider, 'history_find', refresh.action.data, { kind: 'channel' });
    expect(responseCard(theirs)).toBeUndefined();
    expect(String(theirs.body?.value)).toContain('Je bent niet betrokken bij een overname van bakkerij de korst b.v.');
  });

  it('answers in personal chat with the history itself', async () => {
    await h.teams.message(tp.oldAdmin, 'geschiedenis Bakkerij De Korst B.V.', { kind: 'personal' });
    const reply = FakeBotConnector.card(h.fake.posts().at(-1)!.body)!;
    assertValidCard(reply);
    expect(cardText(reply)).toContain('**Afgewezen als klant**');
    await h.teams.message(tp.outsider, 'geschiedenis Bakkerij De Korst B.V.', { kind: 'personal' });
    expect(String(h.fake.posts().at(-1)!.body?.text)).toContain('Je bent niet betrokken');
  });

  it('exports as a signed download link that works 15 minutes, for the presser only', async () => {
    const exported = card(await h.teams.invoke(tp.requester, 'history_export', { caseId }, where));
    expect(cardText(exported)).toContain('De downloadlink werkt 15 minuten');
    const open = (exported.actions as { type: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl')!;
    expect(open.url!.startsWith(`${PUBLIC_URL}/audit/export?`)).toBe(true);
    const local = open.url!.replace(PUBLIC_URL, h.app.url);

    const ok = await fetch(local);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(ok.headers.get('content-disposition')).toBe(
      `attachment; filename="overname-bakkerij-de-korst-b-v-${caseId}.csv"`,
    );
    const csv = await ok.text();
    expect(csv.startsWith(csvHeader())).toBe(true);
    expect(csv.split('\r\n').filter((l) => l.startsWith(caseId))).toHaveLength(4);
    expect(csv).toContain(`"${REASON}"`.replace(/^"|"$/g, ''));

    // Tampered: another case, another user, or a later expiry — all break the signature.
    log.clear();
    for (const [k, v] of [
      ['s', 'x'],
      ['u', tp.outsider.id],
      ['e', String(Date.parse('2030-01-01'))],
    ] as const) {
      const url = new URL(local);
      url.searchParams.set(k, v);
      const res = await fetch(url);
      expect(res.status).toBe(403);
      const page = await res.text();
      expect(page).toContain('Deze downloadlink is ongeldig.');
      expect(page).not.toMatch(/at .*\.ts|Error/);
    }
    expect(log.warnings()).toHaveLength(3);
    expect(log.errors()).toEqual([]);

    h.app.clock.set(new Date(h.app.clock.now().getTime() + 16 * 60_000));
    const late = await fetch(local);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('Deze downloadlink is verlopen.');
  });
});

describe('Teams: export without PUBLIC_URL', () => {
  let h: TeamsHarness;
  afterAll(async () => h?.close());

  it('shows the trail as a table in the presser’s card', async () => {
    h = await teamsHarness();
    const { caseId, caseMessageId } = await caseWithHistory(h);
    const r = card(
      await h.teams.invoke(tp.requester, 'history_export', { caseId }, { kind: 'channel', thread: caseMessageId }),
    );
    expect(cardText(r)).toContain('hier is de export als tabel');
    expect((r.actions as { type: string }[]).map((a) => a.type)).not.toContain('Action.OpenUrl');
    const table = (r.body as { type: string; rows?: { cells: unknown[] }[] }[]).find((b) => b.type === 'Table')!;
    // A header and one row per fact.
    expect(table.rows).toHaveLength(5);
    expect(cardText(r)).toContain('Afgewezen als klant');
    expect(cardText(r)).toContain('2026-11-23 10:15:30 UTC');
  });
});
