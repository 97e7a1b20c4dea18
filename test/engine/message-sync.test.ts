// MessageSync: a burst of changes to one case becomes one render; a change during a render gets a render after it.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageSync } from '../../src/dialog/message-sync.js';
import type { Target, View } from '../../src/dialog/view.js';
import type { Role } from '../../src/domain/case.js';
import type { RenderState } from '../../src/domain/case-repository.js';
import { silentLogger } from '../../src/log.js';
import { type EngineHarness, engineHarness, names, people, validForm } from '../helpers/engine.js';
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
  afterEach(async () => h?.close());

  async function setup(windowMs?: number) {
    h = await engineHarness();
    const r = await h.engine.submitStart({
      platform: 'playground',
      workspace: 'W1',
      conversation: 'C-sync',
      user: people.requester,
      values: validForm,
      names,
    });
    if (!r.ok) throw new Error('start failed');
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
    });
    return { id: r.caseId, sync, messenger, planned };
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
    expect(await h.store.get(`dirty:${id}`)).toBeUndefined();
  });
});
