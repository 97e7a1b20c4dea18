// A case's history in Slack: the History button and /overname geschiedenis open a modal for the people in the case
// and the audit admins only; Export puts the CSV in the asker's DM through Slack's external file upload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader } from '../../src/audit/trail.js';
import type { UserRef } from '../../src/domain/case.js';
import { BOT } from '../helpers/fake-slack-api.js';
import { captureLog } from '../helpers/log-capture.js';
import {
  blockText,
  buttonsOf,
  CHANNEL,
  PEOPLE,
  type SlackHarness,
  slackCaseInChannel,
  startSlackApp,
} from '../helpers/slack-app.js';

const REASON = 'Eerst *factuur* <b>betalen</b> & _daarna_ ~pas~ `zetten`';
const ref = (p: { id: string; real_name: string }): UserRef => ({ platform: 'slack', id: p.id, name: p.real_name });

describe('Slack: the history of a case', () => {
  let h: SlackHarness;
  let caseId: string;
  let ts: string;
  const log = captureLog('info');

  beforeAll(async () => {
    // Emma is no party to the case: she is an audit admin.
    h = await startSlackApp({ AUDIT_ADMINS: `slack:${PEOPLE.english.id}, teams:29:1xyz` }, { logger: log.logger });
    ({ caseId, ts } = await slackCaseInChannel(h.app));
    const act = (user: UserRef, action: string, payload: Record<string, unknown> = {}) =>
      h.app.engine.handleAction({ platform: 'slack', user, caseId, action, payload });
    await act(ref(PEOPLE.oldAdmin), 'approve', { role: 'oldEnvironmentAdmin' });
    h.app.clock.set('2026-11-23T11:15:30+01:00');
    await act(ref(PEOPLE.client), 'reject', { role: 'client', reason: REASON });
    h.app.clock.set('2026-11-24T09:00:00+01:00');
    await act(ref(PEOPLE.requester), 'rerequest');
    await h.app.engine.syncCase(caseId);
  });
  afterAll(async () => h?.close());

  const modalOf = () =>
    h.fake.lastView()!.view as {
      callback_id: string;
      blocks: unknown[];
      title: { text: string };
      private_metadata?: string;
    };

  it('puts a History button on the case message and shows the whole trail in a modal', async () => {
    const message = h.fake.message(CHANNEL, ts)!;
    expect(buttonsOf(message.blocks)).toContainEqual(['history', caseId]);
    const before = h.fake.views.length;
    const res = await h.slack.action({ user: PEOPLE.client.id, actionId: 'history', value: caseId, messageTs: ts });
    expect(res.status).toBe(200);
    await h.settle();
    expect(h.fake.views.length).toBe(before + 1);
    const modal = modalOf();
    expect(modal.callback_id).toBe('history');
    expect(modal.title.text).toBe('Geschiedenis');
    const text = blockText(modal.blocks);
    expect(text).toContain('Overname aangevraagd');
    expect(text).toContain('Akkoord gegeven als beheerder oude omgeving');
    expect(text).toContain('Afgewezen als klant');
    expect(text).toContain('Opnieuw aangevraagd: akkoordronde 2');
    // Who, by name and Slack id; when, in Amsterdam time and UTC; where; the round.
    expect(text).toContain(`Karin Klant (${PEOPLE.client.id}) · Slack`);
    expect(text).toContain('2026-11-23 11:15:30 +01:00 · 2026-11-23 10:15:30 UTC');
    expect(text).toContain('Akkoordronde: 2');
    expect(text).toContain('Europe/Amsterdam');
    // The reason literally: entities for <, > and &, and a zero width space after each formatting character.
    expect(text).toContain(
      'Reden: Eerst *\u200bfactuur*\u200b &lt;b&gt;betalen&lt;/b&gt; &amp; _\u200bdaarna_\u200b ~\u200bpas~\u200b `\u200bzetten`\u200b',
    );
    expect(buttonsOf(modal.blocks)).toEqual([['history_export', caseId]]);
  });

  it('refuses an outsider privately, with one warn line and nothing changed', async () => {
    const facts = (await h.app.engine.repo.storedFacts(caseId)).length;
    const views = h.fake.views.length;
    log.clear();
    await h.slack.action({ user: PEOPLE.outsider.id, actionId: 'history', value: caseId, messageTs: ts });
    await h.settle();
    expect(h.fake.views.length).toBe(views);
    const note = h.fake.ephemerals.at(-1)!;
    expect(note.user).toBe(PEOPLE.outsider.id);
    expect(note.text).toContain('Alleen de aanvrager, de drie goedkeurders en de auditbeheerders');
    expect(log.warnings().map((l) => l.msg)).toEqual(['history refused: not involved in the case']);
    expect((await h.app.engine.repo.storedFacts(caseId)).length).toBe(facts);

    // The command too, and the export press (sent from a message, as a forged press would be).
    await h.slack.command(PEOPLE.outsider.id, CHANNEL, 'geschiedenis bakkerij de korst b.v.');
    await h.slack.action({ user: PEOPLE.outsider.id, actionId: 'history_export', value: caseId, messageTs: ts });
    await h.settle();
    expect(h.fake.views.length).toBe(views);
    expect(h.fake.files.size).toBe(0);
    expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('Je bent niet betrokken bij een overname van');
    expect(h.fake.ephemerals.at(-1)!.text).toContain('Alleen de aanvrager');
  });

  it('opens the history with /overname geschiedenis <klant>, for an audit admin too', async () => {
    await h.slack.command(PEOPLE.english.id, `D${PEOPLE.english.id}`, 'geschiedenis   Bakkerij de Korst B.V.');
    await h.settle();
    expect(modalOf().callback_id).toBe('history');
    expect(blockText(modalOf().blocks)).toContain('Afgewezen als klant');

    await h.slack.command(PEOPLE.requester.id, CHANNEL, 'geschiedenis Onbekend B.V.');
    await h.settle();
    expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('Ik vind geen overname van Onbekend B.V.');
  });

  it('names the other cases of the client and shows the newest', async () => {
    h.app.clock.set('2026-11-25T09:00:00+01:00');
    const second = await slackCaseInChannel(h.app);
    await h.slack.command(PEOPLE.requester.id, CHANNEL, 'geschiedenis Bakkerij De Korst B.V.');
    await h.settle();
    const modal = modalOf();
    expect(modal.private_metadata).toBe(second.caseId);
    // Slack keeps a "_" in an id literal with a zero-width space after it; what a person reads is the id.
    expect(blockText(modal.blocks).replaceAll('\u200b', '')).toContain(`${caseId} (`);
    // The other one, by its id.
    await h.slack.command(PEOPLE.requester.id, CHANNEL, `geschiedenis ${caseId}`);
    await h.settle();
    expect(modalOf().private_metadata).toBe(caseId);
  });

  it('sends the export as a CSV file in a DM through the external upload, and says so in the modal', async () => {
    const opened = h.fake.lastView()!;
    const res = await h.slack.interaction({
      type: 'block_actions',
      team: { id: BOT.team, domain: 'kantoor' },
      user: { id: PEOPLE.requester.id, username: 'ureq', name: 'ureq', team_id: BOT.team },
      api_app_id: 'A1',
      trigger_id: h.fake.trigger(),
      container: { type: 'view', view_id: opened.id },
      view: { id: opened.id, type: 'modal', callback_id: 'history', private_metadata: caseId },
      actions: [{ type: 'button', action_id: 'history_export', block_id: 'b', value: caseId, action_ts: '1.0' }],
    });
    expect(res.status).toBe(200);
    await h.settle();
    const [file] = [...h.fake.files.values()];
    expect(file).toMatchObject({ completed: true, channel: `D${PEOPLE.requester.id}` });
    expect(file!.filename).toBe(`overname-bakkerij-de-korst-b-v-${caseId}.csv`);
    expect(file!.initial_comment?.replaceAll('\u200b', '')).toContain(caseId);
    const lines = file!.content!.split('\r\n');
    expect(`${lines[0]}\r\n`).toBe(csvHeader());
    // created, two decisions, round 2: one row each, the reason quoted as RFC 4180 wants it only when needed.
    expect(lines.filter((l) => l.startsWith(caseId))).toHaveLength(4);
    expect(file!.content).toContain(`r1:client,decision,client,rejected,1,,,${REASON},Karin Klant,UCLIENT,slack`);
    expect(h.fake.callsOf('files.getUploadURLExternal')).toHaveLength(1);
    const updated = h.fake.lastView()!;
    expect(h.fake.callsOf('views.update')).toHaveLength(1);
    expect(blockText(updated.view.blocks as unknown[])).toContain('De export (CSV) staat in je privéberichten');
  });
});
