// MessageSync: a burst of changes to one case becomes one render; a change during a render gets a render after it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageSync } from '../../src/dialog/message-sync.js';
import type { Target, View } from '../../src/dialog/view.js';
import type { Role } from '../../src/domain/case.js';
import type { RenderState } from '../../src/domain/case-repository.js';
import { silentLogger } from '../../src/log.js';
import { dirtyMarksOf, type EngineHarness, engineHarness, people, validForm } from '../helpers/engine.js';
import { RecordingMessenger } from '../helpers/recording-messenger.js';

/** Records updates; while `gate` is set, each update waits for it. */
class GatedMessenger extends RecordingMessenger {
  gate?: Promise<void>;
  updating?: () => void;
  override async update(target: Target, messageId: string, view: View): Promise<void> {
    this.updating?.();
    if (this.gate) await this.gate;
    await super.update(target, messageId, view);
  }
}

describe('MessageSync', () => {
  let h: EngineHarness;
  afterEach(async () => {
    await h?.close();
    h = undefined as unknown as EngineHarness;
  });

  async function setup(windowMs?: number, now?: () => number, shared?: boolean) {
    h = h ?? (await engineHarness());
    const caseId = await h.start(validForm, { conversation: 'C-sync' });
    const messenger = new GatedMessenger();
    const planned: RenderState[] = [];
    const sync = new MessageSync({
      store: h.store,
      repo: h.engine.repo,
      messengers: new Map([['playground', messenger]]),
      views: { timeZone: 'Europe/Amsterdam' },
      logger: silentLogger(),
      beforeMessages: async (state) => void planned.push(state),
      onGone: async () => {},
      windowMs,
      now,
      shared,
    });
    return { id: caseId, sync, messenger, planned };
  }

  const approve = (id: string, role: Role, by = people.requester) =>
    h.engine.repo.addFact(id, {
      type: 'decision',
      round: 1,
      role,
      decision: 'approved',
      at: h.clock.now().toISOString(),
      by,
    });

  it('renders a burst of changes to one case once, showing all of them', async () => {
    const { id, sync, messenger, planned } = await setup();
    await approve(id, 'oldEnvironmentAdmin', people.oldAdmin);
    const first = sync.sync(id);
    await approve(id, 'client', people.client);
    const second = sync.sync(id);
    await approve(id, 'newEnvironmentAdmin');
    await Promise.all([first, second, sync.sync(id)]);
    const updates = messenger.sent.filter((s) => s.op === 'update');
    expect(updates).toHaveLength(1);
    const shown = JSON.stringify(updates[0]!.view);
    for (const name of ['Otto Oud', 'Karin Klant', 'Rianne Aanvrager']) expect(shown).toContain(`akkoord door ${name}`);
    expect(planned.map((s) => s.snapshot.status)).toEqual(['approved']);
    expect(planned[0]!.messageIds.case).toBe(h.messenger.posts()[0]!.messageId);
  });

  it('renders again after a render that started before the latest change', async () => {
    const { id, sync, messenger } = await setup(0);
    let release!: () => void;
    messenger.gate = new Promise((r) => {
      release = r;
    });
    const inUpdate = new Promise<void>((r) => {
      messenger.updating = r;
    });
    await approve(id, 'client', people.client);
    const first = sync.sync(id);
    await inUpdate;
    // The render in flight read the state before this approval.
    await approve(id, 'oldEnvironmentAdmin', people.oldAdmin);
    const second = sync.sync(id);
    release();
    await Promise.all([first, second]);
    const updates = messenger.sent.filter((s) => s.op === 'update');
    expect(updates).toHaveLength(2);
    expect(JSON.stringify(updates[0]!.view)).not.toContain('akkoord door Otto Oud');
    expect(JSON.stringify(updates[1]!.view)).toContain('akkoord door Otto Oud');
    expect(await dirtyMarksOf(h.store, id)).toEqual([]);
  });

  it('writes one dirty mark for a burst of changes and clears it once they are shown', async () => {
    const { id, sync } = await setup();
    const marksWritten: string[] = [];
    const set = h.store.set.bind(h.store);
    h.store.set = async (key, value, ttl) => {
      if (key.startsWith('dirty:')) marksWritten.push(key);
      return set(key, value, ttl);
    };
    await Promise.all([
      sync.change(id, () => approve(id, 'oldEnvironmentAdmin', people.oldAdmin)),
      sync.change(id, () => approve(id, 'client', people.client)),
      sync.change(id, () => approve(id, 'newEnvironmentAdmin')),
    ]);
    await sync.idle();
    expect(marksWritten).toEqual([sync.marks.key(id)]);
    expect(await dirtyMarksOf(h.store, id)).toEqual([]);
  });

  it('keeps the mark while a write is still under way, even when a render finishes meanwhile', async () => {
    const { id, sync, messenger } = await setup(0);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let started!: () => void;
    const writing = new Promise<void>((r) => {
      started = r;
    });
    const slowWrite = sync.change(id, async () => {
      started();
      await held;
      return approve(id, 'client', people.client);
    });
    await writing;
    // Another change renders the case while the slow write has not landed yet.
    await sync.change(id, () => approve(id, 'oldEnvironmentAdmin', people.oldAdmin));
    await vi.waitFor(() => expect(messenger.sent.filter((x) => x.op === 'update').length).toBeGreaterThan(0));
    // A crash now must leave the case marked: the client's approval is not on the message yet.
    expect(await dirtyMarksOf(h.store, id)).toEqual([sync.marks.key(id)]);
    release();
    await slowWrite;
    await sync.idle();
    expect(JSON.stringify(messenger.sent.at(-1)!.view)).toContain('akkoord door Karin Klant');
    expect(await dirtyMarksOf(h.store, id)).toEqual([]);
  });

  it("never clears another process's mark, and clears old ones a dead process left once the case is shown", async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const now = () => clock;
    // Replicas on a shared store, played on one memory store.
    const a = await setup(0, now, true);
    const b = await setup(0, now, true);
    const id = a.id;
    // Process A marked the case for a write it has not finished (it may crash now); process B changes the case too.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const aWrite = a.sync.change(id, async () => held);
    await vi.waitFor(async () => expect(await dirtyMarksOf(h.store, id)).toContain(a.sync.marks.key(id)));
    await b.sync.change(id, () => approve(id, 'client', people.client));
    await b.sync.idle();
    // B cleared its own mark once its change was shown, and left A's.
    expect(await dirtyMarksOf(h.store, id)).toEqual([a.sync.marks.key(id)]);
    // A restarted process C finds A's mark: young, so it renders the case and leaves the mark to A.
    const c = await setup(0, now, true);
    await c.sync.repairAll();
    expect(await dirtyMarksOf(h.store, id)).toContain(a.sync.marks.key(id));
    // Much later A is gone for good: its mark is old, and the next repair clears it after showing the case.
    clock += 10 * 60_000;
    const updatesBefore = c.messenger.sent.length;
    await c.sync.repairAll();
    expect(c.messenger.sent.length).toBeGreaterThan(updatesBefore);
    expect(await dirtyMarksOf(h.store, id)).not.toContain(a.sync.marks.key(id));
    release();
    await aWrite;
    await a.sync.idle();
  });

  it('clears a young mark an earlier run left on a single-process store, once the case is shown', async () => {
    const a = await setup(0);
    // Memory (like SQLite) serves one process: a mark of another owner is from a run that has ended, however young.
    await h.store.set(`dirty:${a.id}:earlier-run`, Date.now());
    expect(await a.sync.repairAll()).toBe(1);
    expect(a.messenger.sent.map((m) => m.op)).toEqual(['update']);
    expect(await dirtyMarksOf(h.store, a.id)).toEqual([]);
  });

  it('shows a case a dead replica left stale within one sweep, without a restart or a click', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const now = () => clock;
    const b = await setup(0, now, true);
    const id = b.id;
    // Replica A stored a decision and died before showing it: its fact and its mark are all that is left.
    await approve(id, 'client', people.client);
    await h.store.set(`dirty:${id}:deadreplica`, clock);
    // Young: A might be alive and about to render; B's sweep leaves it alone.
    expect(await b.sync.sweep()).toBe(0);
    expect(await dirtyMarksOf(h.store, id)).toEqual([`dirty:${id}:deadreplica`]);
    clock += 31_000;
    expect(await b.sync.sweep()).toBe(1);
    const shown = JSON.stringify(b.messenger.sent.filter((x) => x.op === 'update').at(-1)?.view);
    expect(shown).toContain('akkoord door Karin Klant');
    expect(await dirtyMarksOf(h.store, id)).toEqual([]);
    // Nothing left to do: the next sweep renders nothing.
    const sent = b.messenger.sent.length;
    expect(await b.sync.sweep()).toBe(0);
    expect(b.messenger.sent.length).toBe(sent);
  });

  it('retries its own failed render at the next sweep, once the mark is old', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const now = () => clock;
    const a = await setup(0, now, true);
    const id = a.id;
    a.messenger.failNext = new Error('Slack is away');
    await a.sync.change(id, () => approve(id, 'client', people.client));
    await a.sync.idle();
    expect(await dirtyMarksOf(h.store, id)).toEqual([a.sync.marks.key(id)]);
    clock += 31_000;
    expect(await a.sync.sweep()).toBe(1);
    expect(await dirtyMarksOf(h.store, id)).toEqual([]);
  });
});
