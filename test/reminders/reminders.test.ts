// Reminders end to end through the engine: who is reminded, when, escalation, the checklist, and restarts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/dialog/markup.js';
import type { TextView } from '../../src/dialog/view.js';
import { dirtyMarksOf, type EngineHarness, engineHarness, people, validForm } from '../helpers/engine.js';

const CONVERSATION = 'C-rem';
const sqliteUrl = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'overname-rem-')), 'r.sqlite')}`;

function reminders(h: EngineHarness): string[] {
  return h.messenger
    .posts()
    .filter((p) => p.view.kind === 'text')
    .map((p) => toPlainText((p.view as TextView).text));
}

describe('reminders', () => {
  const open: EngineHarness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });
  async function harness(url = 'memory://', start = '2026-03-27T10:00:00+01:00') {
    const h = await engineHarness(url, start);
    open.push(h);
    return h;
  }

  it('reminds only the parties still to decide, in the case thread, not before Monday after a Friday request', async () => {
    const h = await harness();
    const id = await h.start(validForm, { conversation: CONVERSATION });
    const caseMessage = h.messenger.posts()[0]!.messageId;
    await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
    h.clock.set('2026-03-28T12:00:00+01:00');
    expect(await h.engine.runDueReminders()).toBe(0);
    h.clock.set('2026-03-30T08:59:00+02:00');
    expect(await h.engine.runDueReminders()).toBe(0);
    h.clock.set('2026-03-30T09:00:00+02:00');
    expect(await h.engine.runDueReminders()).toBe(1);
    const [text] = reminders(h);
    expect(text).toContain('@Karin Klant');
    expect(text).toContain('@Rianne Aanvrager');
    expect(text).not.toContain('@Otto Oud');
    const post = h.messenger.posts().at(-1)!;
    expect(post.target.thread).toBe(caseMessage);
  });

  it('escalates to the requester after the configured number of reminders and stops once all approved', async () => {
    const h = await harness();
    const id = await h.start(validForm, { conversation: CONVERSATION });
    for (const day of ['2026-03-30', '2026-03-31', '2026-04-01']) {
      h.clock.set(`${day}T09:00:00+02:00`);
      expect(await h.engine.runDueReminders()).toBe(1);
    }
    const texts = reminders(h);
    expect(texts).toHaveLength(3);
    expect(texts[0]).not.toContain('na 2 herinneringen');
    expect(texts[2]).toContain('na 2 herinneringen');
    await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
    await h.act(id, people.client, 'approve', { role: 'client' });
    await h.act(id, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
    h.clock.set('2026-04-02T09:00:00+02:00');
    await h.engine.runDueReminders();
    expect(reminders(h)).toHaveLength(3);
  });

  it('reminds of open checklist items every working day at 09:00 until done, and respects a snooze', async () => {
    const h = await harness();
    const id = await h.start(validForm, { conversation: CONVERSATION });
    await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
    await h.act(id, people.client, 'approve', { role: 'client' });
    await h.act(id, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
    await h.act(id, people.requester, 'confirm_transfer');
    await h.act(id, people.requester, 'checklist_done', { item: 'newUser' });
    h.clock.set('2026-03-30T09:00:00+02:00');
    expect(await h.engine.runDueReminders()).toBe(1);
    const text = reminders(h).at(-1)!;
    expect(text).toContain('Rabobank');
    expect(text).not.toContain('Nieuwe gebruiker');
    expect((await h.act(id, people.outsider, 'snooze', { days: 7 })).status).toBe('refused');
    expect((await h.act(id, people.requester, 'snooze', { days: 7 })).status).toBe('done');
    for (const day of ['2026-03-31', '2026-04-01', '2026-04-03']) {
      h.clock.set(`${day}T09:00:00+02:00`);
      await h.engine.runDueReminders();
    }
    expect(reminders(h)).toHaveLength(1);
    h.clock.set('2026-04-07T09:00:00+02:00');
    await h.engine.runDueReminders();
    expect(reminders(h)).toHaveLength(2);
    for (const item of ['rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure']) {
      await h.act(id, people.requester, 'checklist_done', { item });
    }
    h.clock.set('2026-04-08T09:00:00+02:00');
    await h.engine.runDueReminders();
    expect(reminders(h)).toHaveLength(2);
  });

  it('keeps cases and reminders across a restart, and fires an overdue reminder once, not once per missed day', async () => {
    const url = sqliteUrl();
    const first = await harness(url);
    const id = await first.start(validForm, { conversation: CONVERSATION });
    await first.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
    await first.engine.stop();
    // Down for over a week: five working-day reminders were missed.
    const second = await engineHarness(url, '2026-04-08T11:00:00+02:00');
    open.push(second);
    expect((await second.engine.repo.load(id))?.roles.filter((r) => r.decision)).toHaveLength(1);
    expect(await second.engine.runDueReminders()).toBe(1);
    expect(await second.engine.runDueReminders()).toBe(0);
    second.clock.set('2026-04-09T11:00:00+02:00');
    expect(await second.engine.runDueReminders()).toBe(1);
    expect(reminders(second)).toHaveLength(2);
  });

  it('heals a case message whose update was lost in a crash, at the next start', async () => {
    const url = sqliteUrl();
    const first = await harness(url);
    const id = await first.start(validForm, { conversation: CONVERSATION });
    first.messenger.failNext = new Error('process died before chat.update');
    const out = await first.act(id, people.client, 'approve', { role: 'client' });
    expect(out.status).toBe('done');
    const stale = first.messenger.sent.filter((s) => s.op === 'update');
    expect(stale).toHaveLength(0);
    await first.engine.stop();
    const second = await engineHarness(url, '2026-03-27T10:05:00+01:00');
    open.push(second);
    // The restarted engine has a fresh messenger: it updates the stored message id with the stored state.
    const update = second.messenger.sent.find((s) => s.op === 'update');
    expect(update?.messageId).toBe(first.messenger.posts()[0]!.messageId);
    expect(JSON.stringify(update?.view)).toContain('akkoord door Karin Klant');
  });

  it('plans the reminders of changes a crash left unfollowed, at the next start', async () => {
    const url = sqliteUrl();
    const first = await harness(url);
    const id = await first.start(validForm, { conversation: CONVERSATION });
    expect(await first.store.get(`sched:approvals:${id}`)).toBeDefined();
    // The process dies right after writing the facts (each behind its dirty mark), before any render or plan ran.
    const at = first.clock.now().toISOString();
    await first.store.set(`dirty:${id}`, true);
    for (const [role, by] of [
      ['oldEnvironmentAdmin', people.oldAdmin],
      ['client', people.client],
      ['newEnvironmentAdmin', people.requester],
    ] as const) {
      await first.engine.repo.addFact(id, { type: 'decision', round: 1, role, decision: 'approved', at, by });
    }
    await first.engine.repo.addFact(id, { type: 'transferConfirmed', at, by: people.requester });
    await first.engine.stop();
    const second = await engineHarness(url, '2026-03-27T10:05:00+01:00');
    open.push(second);
    expect(await second.store.get(`sched:approvals:${id}`)).toBeUndefined();
    expect(await second.store.get(`sched:checklist:${id}`)).toMatchObject({ caseId: id, kind: 'checklist', count: 0 });
    expect(await dirtyMarksOf(second.store, id)).toEqual([]);
  });
});
