// "status" in a conversation: each open case with its age by the engine's clock, what and whom it waits for, and a
// link to its case message; a link that cannot be had leaves the case listed without it.
import { afterEach, describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/dialog/markup.js';
import type { CardView, Target } from '../../src/dialog/view.js';
import { type EngineHarness, engineHarness, names, people, validForm } from '../helpers/engine.js';
import { captureLog } from '../helpers/log-capture.js';

const origin = { platform: 'playground' as const, workspace: 'W1', conversation: 'C1' };
const HOUR = 3_600_000;

describe('status', () => {
  let h: EngineHarness;
  afterEach(async () => h.close());

  const status = async (text = 'status') => {
    const reply = await h.engine.handleMessage({ ...origin, user: people.requester, text });
    const card = reply.views[0] as CardView;
    return { card, lines: card.sections.map((s) => s.text) };
  };

  it('says per case how long it has been open, what it waits for and from whom, with a link', async () => {
    h = await engineHarness();
    const asked: [Target, string][] = [];
    h.messenger.link = async (target, messageId) => {
      asked.push([target, messageId]);
      return `https://chat.example/${target.conversation}/${messageId}`;
    };
    // Three cases at different points; the new admin of the third is someone else than the requester.
    const waiting = await h.start();
    h.clock.advance(5 * HOUR);
    const approved = await h.start({ ...validForm, clientName: 'Garage Smit' });
    for (const [who, role] of [
      [people.oldAdmin, 'oldEnvironmentAdmin'],
      [people.client, 'client'],
      [people.requester, 'newEnvironmentAdmin'],
    ] as const)
      await h.act(approved, who, 'approve', { role });
    h.clock.advance(20 * HOUR);
    const moved = await h.start({
      ...validForm,
      clientName: 'Kapsalon *Knip*',
      newEnvironmentAdmin: people.outsider.id,
    });
    for (const [who, role] of [
      [people.oldAdmin, 'oldEnvironmentAdmin'],
      [people.client, 'client'],
      [people.outsider, 'newEnvironmentAdmin'],
    ] as const)
      await h.act(moved, who, 'approve', { role });
    await h.act(moved, people.outsider, 'confirm_transfer');
    await h.act(moved, people.requester, 'checklist_done', { item: 'newUser' });
    await h.act(waiting, people.client, 'approve', { role: 'client' });

    // 3 days and 25 hours after the first case; the third is 30 minutes old.
    h.clock.advance(30 * 60_000);
    let { card, lines } = await status();
    expect(card.title).toBe('Lopende overnames in dit gesprek');
    const messageOf = async (id: string) => (await h.engine.repo.messageId(id, 'case'))!;
    expect(lines.map((l) => toPlainText(l, { linkUrls: false }))).toEqual([
      'Bakkerij De Korst B.V. — Wacht op akkoord — sinds 1 dag\n' +
        'Wacht op akkoord van @Otto Oud en @Rianne Aanvrager. Naar het overnamebericht',
      'Garage Smit — Akkoord — klaar om over te zetten — sinds 20 uur\n' +
        'Wacht op @Rianne Aanvrager om te bevestigen dat de administratie is overgezet. Naar het overnamebericht',
      'Kapsalon *Knip* — Overgezet — nazorg loopt — sinds minder dan een uur\n' +
        '4 nazorgpunten open, af te handelen door @Rianne Aanvrager en @Buiten Staander. Naar het overnamebericht',
    ]);
    // The client name is user text: escaped, never bold or a link; the link is the case message's own.
    expect(lines[2]).toContain('Kapsalon \\*Knip\\*');
    expect(lines[0]).toContain(`[Naar het overnamebericht](https://chat.example/C1/${await messageOf(waiting)})`);
    expect(asked.map(([t, id]) => [t.conversation, t.thread, id])).toEqual(
      await Promise.all([waiting, approved, moved].map(async (id) => ['C1', undefined, await messageOf(id)])),
    );

    h.clock.advance(3 * 24 * HOUR);
    for (const item of ['rabobank', 'portsCertificates', 'vatAccessRights'])
      await h.act(moved, people.requester, 'checklist_done', { item });
    await h.act(waiting, people.client, 'reject', { role: 'oldEnvironmentAdmin' });
    await h.act(waiting, people.oldAdmin, 'reject', { role: 'oldEnvironmentAdmin', reason: 'Eerst betalen' });
    ({ lines } = await status());
    expect(lines.map((l) => toPlainText(l, { linkUrls: false }).split('\n')[1])).toEqual([
      'Wacht op @Rianne Aanvrager: opnieuw aanvragen of annuleren. Naar het overnamebericht',
      'Wacht op @Rianne Aanvrager om te bevestigen dat de administratie is overgezet. Naar het overnamebericht',
      '1 nazorgpunt open, af te handelen door @Rianne Aanvrager en @Buiten Staander. Naar het overnamebericht',
    ]);
    expect(lines.map((l) => toPlainText(l).split('\n')[0]!.split(' — ').at(-1))).toEqual([
      'sinds 4 dagen',
      'sinds 3 dagen',
      'sinds 3 dagen',
    ]);

    // A completed case is no longer listed; undoing an item lists it again.
    await h.act(moved, people.requester, 'checklist_na', { item: 'reportingStructure' });
    expect((await status()).lines).toHaveLength(2);
    await h.act(moved, people.outsider, 'checklist_undo', { item: 'reportingStructure' });
    expect(toPlainText((await status()).lines[2]!)).toContain('1 nazorgpunt open');
  });

  it('speaks the case language per line and the asker language around it', async () => {
    h = await engineHarness();
    const r = await h.engine.submitStart({
      ...origin,
      user: people.requester,
      locale: 'en-GB',
      values: validForm,
      names,
    });
    if (!r.ok) throw new Error('not started');
    h.clock.advance(49 * HOUR);
    const { card, lines } = await status('open takeovers');
    expect(card.title).toBe('Open takeovers in this conversation');
    expect(toPlainText(lines[0]!)).toBe(
      'Bakkerij De Korst B.V. — Awaiting approvals — open for 2 days\n' +
        'Waiting for approval from @Otto Oud, @Karin Klant and @Rianne Aanvrager.',
    );
    h.clock.advance(-48 * HOUR);
    expect(toPlainText((await status()).lines[0]!).split('\n')[0]).toContain('open for 1 hour');
  });

  it('lists a case without its link when the lookup fails, with one warn line, and still answers', async () => {
    const log = captureLog('info');
    h = await engineHarness(undefined, undefined, undefined, undefined, log.logger);
    const first = await h.start();
    const second = await h.start({ ...validForm, clientName: 'Garage Smit' });
    const firstMessage = (await h.engine.repo.messageId(first, 'case'))!;
    h.messenger.link = async (_target, messageId) => {
      if (messageId === firstMessage) throw new Error('the platform said no');
      return `https://chat.example/${messageId}`;
    };
    const { lines } = await status();
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toContain('](');
    expect(lines[1]).toContain(`(https://chat.example/${await h.engine.repo.messageId(second, 'case')})`);
    expect(log.warnings().map((l) => [l.msg, l.caseId])).toEqual([
      ['case message link failed; listed without it', first],
    ]);

    // A platform without links (or a lookup that found none): the cases are listed as they are, silently.
    log.clear();
    h.messenger.link = async () => undefined;
    expect((await status()).lines.every((l) => !l.includes(']('))).toBe(true);
    expect(log.warnings()).toEqual([]);
  });

  it('asks for the links of many cases at most eight at a time', async () => {
    h = await engineHarness();
    for (let i = 0; i < 20; i++) await h.start({ ...validForm, clientName: `Klant ${i}` });
    let running = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    h.messenger.link = async (_t, id) => {
      running++;
      most = Math.max(most, running);
      // Each lookup waits until the test lets it go: the cap shows as how many wait at once.
      await new Promise<void>((resolve) => waiting.push(resolve));
      running--;
      return `https://chat.example/${id}`;
    };
    const reply = status();
    while (waiting.length < 8) await new Promise((r) => setImmediate(r));
    for (let released = 0; released < 20; released++) {
      while (waiting.length === 0) await new Promise((r) => setImmediate(r));
      expect(running).toBeLessThanOrEqual(8);
      waiting.shift()!();
    }
    const { lines } = await reply;
    expect(most).toBe(8);
    expect(lines.filter((l) => l.includes('(https://chat.example/'))).toHaveLength(20);
  });
});
