// Retention on every backend: closed cases past RETENTION_MONTHS go with every key they left, open and recent ones
// stay; each deletion is logged with a hash of the name and counted; the audit's dry run lists exactly those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/command.js';
import type { CaseData } from '../../src/domain/case.js';
import { involvedUsers } from '../../src/domain/case-repository.js';
import { Metrics } from '../../src/metrics.js';
import { clientHash, Retention, retentionCutoff } from '../../src/retention/retention.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, storeBackends } from '../helpers/backends.js';
import { type EngineHarness, engineHarness, people, validForm } from '../helpers/engine.js';
import { captureLog } from '../helpers/log-capture.js';
import { describeSkipIf } from '../helpers/skip.js';
import { textSink } from '../helpers/text-sink.js';

async function allKeys(store: Store): Promise<string[]> {
  const keys: string[] = [];
  for await (const [key] of store.scan('')) keys.push(key);
  return keys;
}

describe('retention cutoff', () => {
  it('goes back whole calendar months, to the month’s last day when it is shorter', () => {
    const at = (iso: string, months: number) => retentionCutoff(new Date(iso), months).toISOString();
    expect(at('2026-12-03T13:15:00.000Z', 24)).toBe('2024-12-03T13:15:00.000Z');
    expect(at('2026-03-31T08:00:00.000Z', 1)).toBe('2026-02-28T08:00:00.000Z');
    expect(at('2028-03-31T08:00:00.000Z', 1)).toBe('2028-02-29T08:00:00.000Z');
    expect(at('2026-01-15T00:00:00.000Z', 13)).toBe('2024-12-15T00:00:00.000Z');
  });

  it('hashes the client name as --client compares it, and not the name itself', () => {
    expect(clientHash('  Bakkerij  De Korst ')).toBe(clientHash('bakkerij de korst'));
    expect(clientHash('Bakkerij De Korst')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('audit --purge-dry-run and --purge arguments', () => {
  const run = async (store: Store, clock: EngineHarness['clock'], ...args: string[]) => {
    const stdout = textSink();
    const stderr = textSink();
    const code = await runAudit(args, { env: { TIMEZONE: 'Europe/Amsterdam' }, stdout, stderr, store, clock });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  it('refuses what does not combine with exit 2, an unknown case with 1, and deletes only the client asked for', async () => {
    const h = await engineHarness('memory://', '2024-06-03T10:00:00+02:00');
    try {
      const a = await h.start({ ...validForm, clientName: 'Bakkerij  De Korst' });
      await h.act(a, people.requester, 'cancel');
      const b = await h.start({ ...validForm, clientName: 'Slagerij Vos' });
      await h.act(b, people.requester, 'cancel');
      await h.engine.idle();
      h.clock.set('2026-12-01T10:00:00+01:00');
      for (const args of [
        ['--purge-dry-run', '--since', '2026-01-01'],
        ['--purge-dry-run', '--format', 'csv'],
        ['--purge', '--verify'],
        ['--purge', '--purge-dry-run'],
      ]) {
        const r = await run(h.store, h.clock, ...args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr.split('\n')[0], args.join(' ')).toMatch(/^--[a-z-]+( and --[a-z-]+)?: /);
        expect(r.stdout).toBe('');
      }
      expect((await run(h.store, h.clock, '--purge-dry-run', '--case', 'nope')).code).toBe(1);

      const dry = await run(h.store, h.clock, '--purge-dry-run', '--case', b);
      expect(dry.stdout.split('\n')[0]).toMatch(new RegExp(`^${b}\t"Slagerij Vos"\tcancelled\t`));
      expect(dry.stdout).toContain('would delete 1 case (2 facts)');

      const purge = await run(h.store, h.clock, '--purge', '--client', 'bakkerij de korst');
      expect(purge.code).toBe(0);
      expect(purge.stdout.split('\n')[0]).toMatch(new RegExp(`^${a}\t"Bakkerij  De Korst"\tcancelled\t`));
      expect(purge.stdout).toMatch(/^deleted 1 case \(2 facts, \d+ keys\); RETENTION_MONTHS=24/m);
      expect(await h.engine.repo.caseData(a)).toBeUndefined();
      expect(await h.engine.repo.caseData(b)).toBeDefined();
    } finally {
      await h.close();
    }
  });
});

for (const backend of storeBackends()) {
  describeSkipIf(backend.skip, `retention: ${backend.name}`, () => {
    let store: Store;
    let h: EngineHarness;
    const ids: Record<string, string> = {};
    const name = (what: string) => `Klant ${what} ${backend.name}`;

    beforeAll(async () => {
      store = await openTestStore(backend);
      // Two and a half years before "now" (2026-12-01): a Monday in working hours.
      h = await engineHarness(backend.url(), '2024-06-03T10:00:00+02:00', store);
      const minute = () => h.clock.advance(60_000);
      const approveAll = async (id: string) => {
        await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
        await h.act(id, people.client, 'approve', { role: 'client' });
        await h.act(id, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
      };

      // Completed, with an undone item (the items hint), a snooze, message ids and a reminder plan.
      ids.completed = await h.start({ ...validForm, clientName: name('voltooid') });
      await approveAll(ids.completed);
      minute();
      await h.act(ids.completed, people.requester, 'confirm_transfer');
      await h.act(ids.completed, people.requester, 'snooze', { days: 7 });
      for (const item of ['newUser', 'rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure']) {
        minute();
        await h.act(ids.completed, people.requester, 'checklist_done', { item });
      }
      await h.act(ids.completed, people.requester, 'checklist_undo', { item: 'newUser' });
      minute();
      await h.act(ids.completed, people.requester, 'checklist_done', { item: 'newUser' });

      // Rejected in a second round (the round hint).
      ids.rejected = await h.start({ ...validForm, clientName: name('afgewezen') });
      await h.act(ids.rejected, people.client, 'reject', { role: 'client', reason: 'nee' });
      await h.act(ids.rejected, people.requester, 'rerequest');
      minute();
      await h.act(ids.rejected, people.client, 'reject', { role: 'client', reason: 'nog steeds nee' });

      ids.cancelled = await h.start({ ...validForm, clientName: name('geannuleerd') }, { conversation: 'C2' });
      await h.act(ids.cancelled, people.requester, 'cancel');

      // Open, and just as old: kept however old.
      ids.open = await h.start({ ...validForm, clientName: name('open') });
      await h.act(ids.open, people.client, 'approve', { role: 'client' });

      // Closed, but recently.
      h.clock.set('2026-11-02T10:00:00+01:00');
      ids.recent = await h.start({ ...validForm, clientName: name('recent') });
      await h.act(ids.recent, people.requester, 'cancel');
      await h.engine.idle();

      // Keys other modules leave: a dead process's dirty mark, a reminder pointer, a sent-reminder record.
      await store.set(`dirty:${ids.completed}:deadbeef`, 1);
      await store.set(`sched:checklist:${ids.cancelled}`, { caseId: ids.cancelled, kind: 'checklist' });
      await store.set(`fired:approvals-${ids.rejected}-1717401600000`, { state: 'sent' }, 60_000);
      h.clock.set('2026-12-01T10:00:00+01:00');
    });
    afterAll(async () => h?.close());

    const gone = () => [ids.completed!, ids.rejected!, ids.cancelled!];
    const kept = () => [ids.open!, ids.recent!];

    it('lists in the dry run exactly the old closed cases, and deletes nothing', async () => {
      const before = (await allKeys(store)).sort();
      const stdout = textSink();
      const stderr = textSink();
      const code = await runAudit(['--purge-dry-run'], {
        env: { TIMEZONE: 'Europe/Amsterdam', RETENTION_MONTHS: '24' },
        stdout,
        stderr,
        store,
        clock: h.clock,
      });
      expect(stderr.text()).toBe('');
      expect(code).toBe(0);
      const lines = stdout.text().trimEnd().split('\n');
      const listed = lines.slice(0, -1).map((l) => l.split('\t'));
      expect(listed.map((l) => l[0]).sort()).toEqual([...gone()].sort());
      const completed = listed.find((l) => l[0] === ids.completed)!;
      expect(completed[1]).toBe(JSON.stringify(name('voltooid')));
      expect(completed[2]).toBe('completed');
      expect(completed[3]).toMatch(/^closed 2024-06-03T10:\d\d:00\.000\+02:00$/);
      expect(completed[4]).toBe(`${(await h.engine.repo.storedFacts(ids.completed!)).length} facts`);
      expect(listed.find((l) => l[0] === ids.rejected)![2]).toBe('rejected');
      expect(listed.find((l) => l[0] === ids.cancelled)![2]).toBe('cancelled');
      expect(lines.at(-1)).toMatch(/^would delete 3 cases \(\d+ facts\); nothing was deleted; RETENTION_MONTHS=24/);
      expect((await allKeys(store)).sort()).toEqual(before);
    });

    it('deletes them with every key, logs a hash instead of the name, counts them, and keeps the others', async () => {
      const log = captureLog();
      const metrics = new Metrics();
      const retention = new Retention({ store, clock: h.clock, months: 24, logger: log.logger, metrics });
      const factCounts = await Promise.all(gone().map(async (id) => (await h.engine.repo.storedFacts(id)).length));
      const totals = await retention.run();
      expect(totals.cases).toBe(3);
      expect(totals.facts).toBe(factCounts.reduce((a, b) => a + b, 0));

      const keys = await allKeys(store);
      for (const id of gone())
        expect(
          keys.filter((k) => k.includes(id)),
          id,
        ).toEqual([]);
      for (const id of kept()) {
        expect(keys).toContain(`case:${id}`);
        expect((await h.engine.repo.storedFacts(id)).length, id).toBeGreaterThan(0);
      }
      expect((await h.engine.repo.load(ids.open!))!.status).toBe('awaiting_approvals');

      const deleted = log.lines.filter((l) => l.msg === 'retention: deleted case');
      expect(deleted.map((l) => l.caseId).sort()).toEqual([...gone()].sort());
      const line = deleted.find((l) => l.caseId === ids.completed)!;
      expect(line).toMatchObject({
        level: 30,
        clientSha256: clientHash(name('voltooid')),
        status: 'completed',
        facts: factCounts[0],
      });
      expect(line.keys as number).toBeGreaterThan(factCounts[0]!);
      for (const l of log.lines) expect(JSON.stringify(l)).not.toMatch(/Klant (voltooid|afgewezen|geannuleerd)/);

      const text = await metrics.registry.metrics();
      expect(text).toContain('overname_retention_deleted_cases_total{status="completed"} 1');
      expect(text).toContain('overname_retention_deleted_cases_total{status="rejected"} 1');
      expect(text).toContain('overname_retention_deleted_cases_total{status="cancelled"} 1');
      expect(text).toContain(`overname_retention_deleted_facts_total ${totals.facts}`);

      // A second run finds nothing more.
      expect((await retention.run()).cases).toBe(0);
    });

    it('finishes a deletion a crash cut off after facts its status depends on were gone', async () => {
      h.clock.set('2024-06-04T10:00:00+02:00');
      const id = await h.start({ ...validForm, clientName: name('onderbroken') });
      await h.act(id, people.requester, 'cancel');
      await h.engine.idle();
      h.clock.set('2026-12-01T10:00:00+01:00');
      const retention = new Retention({ store, clock: h.clock, months: 24 });
      // As if the process died mid-way: marker written, the cancel fact already deleted (the case now looks open).
      await store.set(`purge:${id}`, {
        clientSha256: clientHash(name('onderbroken')),
        status: 'cancelled',
        closedAt: '2024-06-04T08:00:00.000Z',
        facts: 2,
      });
      await store.delete(`case:${id}:f:cancel`);
      expect((await h.engine.repo.load(id))!.status).toBe('awaiting_approvals');
      expect((await retention.run()).cases).toBe(1);
      expect((await allKeys(store)).filter((k) => k.includes(id))).toEqual([]);
    });

    it('finishes one cut off after the record went: the marker knows the conversation and user index entries', async () => {
      h.clock.set('2024-06-05T10:00:00+02:00');
      const id = await h.start({ ...validForm, clientName: name('wees') }, { conversation: 'C-wees' });
      await h.act(id, people.requester, 'cancel');
      await h.engine.idle();
      h.clock.set('2026-12-01T10:00:00+01:00');
      const data = await store.get<CaseData>(`case:${id}`);
      await store.set(`purge:${id}`, {
        clientSha256: clientHash(name('wees')),
        status: 'cancelled',
        closedAt: '2024-06-05T08:00:00.000Z',
        facts: 2,
        origin: { platform: 'playground', conversation: 'C-wees' },
        users: involvedUsers(data!).map((u) => ({ platform: u.platform, id: u.id })),
      });
      await store.delete(`case:${id}`);
      const log = captureLog();
      const retention = new Retention({ store, clock: h.clock, months: 24, logger: log.logger });
      const listed = [];
      for await (const c of retention.expired()) listed.push(c);
      expect(listed).toMatchObject([{ caseId: id, resumed: true, status: 'cancelled' }]);
      expect((await retention.run()).cases).toBe(1);
      expect((await allKeys(store)).filter((k) => k.includes(id))).toEqual([]);
      expect(log.lines.find((l) => l.msg === 'retention: deleted case')).toMatchObject({ caseId: id, resumed: true });
    });
  });
}
