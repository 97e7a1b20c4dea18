// Tamper evidence on every backend: facts are hash-chained as written, the audit command exports them (JSON lines,
// CSV) and --verify finds an altered fact, a deleted one a later fact refers to, and passes an untouched case.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/command.js';
import { COLUMNS } from '../../src/audit/trail.js';
import { verifyCase } from '../../src/audit/verify.js';
import type { CaseFact } from '../../src/domain/case.js';
import { chainHead, contentHash, genesisHash } from '../../src/domain/fact-chain.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, storeBackends } from '../helpers/backends.js';
import { type EngineHarness, engineHarness, people, validForm } from '../helpers/engine.js';
import { describeSkipIf } from '../helpers/skip.js';
import { textSink } from '../helpers/text-sink.js';

/** A name a CSV writer must quote: a comma, a quote and a line break. */
const AWKWARD = 'Bakkerij "De Zon", Utrecht\nvestiging 2';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The smallest RFC 4180 reader: enough to show the export reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const field = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n|$)/y;
  while (field.lastIndex < text.length) {
    const m = field.exec(text);
    if (!m) throw new Error(`not CSV at ${field.lastIndex}`);
    const [, value = '', end] = m;
    row.push(value.startsWith('"') ? value.slice(1, -1).replaceAll('""', '"') : value);
    if (end !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

for (const backend of storeBackends()) {
  describeSkipIf(backend.skip, `evidence: ${backend.name}`, () => {
    let store: Store;
    let h: EngineHarness;
    beforeAll(async () => {
      store = await openTestStore(backend);
      h = await engineHarness(backend.url(), '2026-11-23T10:00:00+01:00', store);
    });
    afterAll(async () => h?.close());

    const audit = async (...args: string[]): Promise<Run> => {
      const stdout = textSink();
      const stderr = textSink();
      const code = await runAudit(args, { env: { TIMEZONE: 'Europe/Amsterdam' }, stdout, stderr, store });
      return { code, stdout: stdout.text(), stderr: stderr.text() };
    };
    const factAt = (id: string, key: string) => store.get<CaseFact>(`case:${id}:f:${key}`);
    const minute = () => h.clock.advance(60_000);
    let clients = 0;
    const client = (base = 'Klant') => `${base} ${backend.name} ${++clients}`;

    /** Two approvals written at once (a fork), the third, the move, a press and its undo. */
    async function movedCase(clientName = client()): Promise<string> {
      const id = await h.start({ ...validForm, clientName });
      minute();
      // Both writers saw only "created", as two presses read before either wrote (the engine's may or may not overlap).
      const seen = (await h.engine.repo.load(id))!;
      const at = h.clock.now().toISOString();
      const approvals = [
        [people.oldAdmin, 'oldEnvironmentAdmin'],
        [people.client, 'client'],
      ] as const;
      await Promise.all(
        approvals.map(([by, role]) =>
          h.engine.repo.addFact(
            id,
            { type: 'decision', round: 1, role, decision: 'approved', at, by },
            chainHead(seen),
          ),
        ),
      );
      minute();
      await h.act(id, people.requester, 'approve', { role: 'newEnvironmentAdmin' });
      minute();
      await h.act(id, people.requester, 'confirm_transfer');
      minute();
      await h.act(id, people.requester, 'checklist_done', { item: 'newUser' });
      minute();
      await h.act(id, people.requester, 'checklist_undo', { item: 'newUser' });
      return id;
    }

    it('chains every fact to one the writer saw; approvals pressed at once fork, and verify accepts it', async () => {
      const id = await movedCase();
      const stored = await h.engine.repo.storedFacts(id);
      expect(stored.map((s) => s.key)).toEqual([
        'created',
        'r1:oldEnvironmentAdmin',
        'r1:client',
        'r1:newEnvironmentAdmin',
        'transfer',
        'item:newUser',
        'item:newUser:2',
      ]);
      const data = (await h.engine.repo.caseData(id))!;
      const byKey = Object.fromEntries(stored.map((s) => [s.key, s.fact]));
      expect(byKey.created!.prev).toBe(genesisHash(data));
      for (const { fact } of stored) expect(fact.hash).toBe(contentHash(fact));
      // Both concurrent approvals saw only the created fact.
      expect(byKey['r1:oldEnvironmentAdmin']!.prev).toBe(byKey.created!.hash);
      expect(byKey['r1:client']!.prev).toBe(byKey.created!.hash);
      expect(byKey['item:newUser:2']!.prev).toBe(byKey['item:newUser']!.hash);
      expect(verifyCase(data, stored)).toEqual({ facts: 7, unchained: 0, problems: [] });
    });

    it('presses racing through the engine, doubles included, leave a chain that verifies', async () => {
      const id = await h.start({ ...validForm, clientName: client() });
      const presses = [
        [people.oldAdmin, 'oldEnvironmentAdmin'],
        [people.client, 'client'],
        [people.requester, 'newEnvironmentAdmin'],
      ] as const;
      await Promise.all([...presses, ...presses].map(([user, role]) => h.act(id, user, 'approve', { role })));
      await Promise.all([1, 2].map(() => h.act(id, people.requester, 'confirm_transfer')));
      const run = await audit('--verify', '--case', id);
      expect(run).toEqual({ code: 0, stdout: 'verified 1 case, 5 facts: no problems\n', stderr: '' });
    });

    it('--verify passes an untouched case', async () => {
      const name = client();
      const id = await movedCase(name);
      const run = await audit('--verify', '--case', id);
      expect(run).toEqual({ code: 0, stdout: 'verified 1 case, 7 facts: no problems\n', stderr: '' });
      expect((await audit('--verify', '--client', name.toUpperCase())).code).toBe(0);
    });

    it('--verify reports a fact altered in the store', async () => {
      const id = await h.start({ ...validForm, clientName: client() });
      minute();
      await h.act(id, people.client, 'reject', { role: 'client', reason: 'Verkeerde administratie' });
      const fact = (await factAt(id, 'r1:client'))!;
      await store.set(`case:${id}:f:r1:client`, { ...fact, reason: 'Geen bezwaar' });
      const run = await audit('--verify', '--case', id);
      expect(run.stdout).toContain('r1:client: altered: its content does not match its hash');
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/verified 1 case, 2 facts: 1 problem in 1 case\n$/);
    });

    it('--verify reports a deleted fact that a later one refers to, also when it re-hashes an altered one', async () => {
      const id = await h.start({ ...validForm, clientName: client() });
      for (const [user, role] of [
        [people.oldAdmin, 'oldEnvironmentAdmin'],
        [people.client, 'client'],
      ] as const) {
        minute();
        await h.act(id, user, 'approve', { role });
      }
      await store.delete(`case:${id}:f:r1:oldEnvironmentAdmin`);
      const run = await audit('--verify', '--case', id);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /r1:client: refers to a previous fact \(prev [0-9a-f]{12}…\) that is not in the store/,
      );

      // Altering the created fact and computing its hash anew breaks the next link instead.
      const other = await movedCase();
      const created = (await factAt(other, 'created'))!;
      const forged = { ...created, at: '2026-01-01T00:00:00.000Z', hash: undefined };
      await store.set(`case:${other}:f:created`, { ...forged, hash: contentHash(forged as CaseFact) });
      const again = await audit('--verify', '--case', other);
      expect(again.code).toBe(1);
      expect(again.stdout.match(/refers to a previous fact/g)).toHaveLength(2);
    });

    it('--verify finds a deleted fork leaf by the case rules, and a changed case record; not a deleted newest fact', async () => {
      // The approvals pressed at once both chain to "created"; the third chains to one of them only.
      const id = await movedCase();
      await store.delete(`case:${id}:f:r1:oldEnvironmentAdmin`);
      const run = await audit('--verify', '--case', id);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('r1:oldEnvironmentAdmin: missing (deleted?): the transfer was confirmed');
      expect(run.stdout).not.toContain('refers to');

      // Nothing refers to the newest fact: without an anchor outside the store its deletion leaves no trace.
      const newest = await movedCase();
      await store.delete(`case:${newest}:f:item:newUser:2`);
      expect((await audit('--verify', '--case', newest)).code).toBe(0);

      const other = await movedCase();
      const data = (await h.engine.repo.caseData(other))!;
      await store.set(`case:${other}`, { ...data, approvers: { ...data.approvers, client: people.outsider } });
      const changed = await audit('--verify', '--case', other);
      expect(changed.code).toBe(1);
      expect(changed.stdout).toContain('created: does not chain to the case record');
    });

    it('reports facts written before hashing as unchained, and anchors them once a chained fact follows', async () => {
      const name = client('Oud');
      const id = await h.start({ ...validForm, clientName: name });
      // As an older version stored them: no prev, no hash.
      const strip = async (key: string) => {
        const { prev: _, hash: __, ...plain } = (await factAt(id, key))!;
        await store.set(`case:${id}:f:${key}`, plain);
      };
      minute();
      await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
      await strip('created');
      await strip('r1:oldEnvironmentAdmin');
      const legacy = await audit('--verify', '--client', name);
      expect(legacy.code).toBe(0);
      expect(legacy.stdout).toContain(': 2 of 2 facts unchained (written before hashing)\n');
      expect(legacy.stdout).toMatch(/no problems; 2 facts unchained \(written before hashing\)\n$/);

      minute();
      await h.act(id, people.client, 'approve', { role: 'client' });
      const next = (await factAt(id, 'r1:client'))!;
      expect(next.prev).toBe(contentHash((await factAt(id, 'r1:oldEnvironmentAdmin'))!));
      expect((await audit('--verify', '--case', id)).code).toBe(0);
      const approval = (await factAt(id, 'r1:oldEnvironmentAdmin'))!;
      await store.set(`case:${id}:f:r1:oldEnvironmentAdmin`, { ...approval, by: people.outsider });
      const tampered = await audit('--verify', '--case', id);
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toContain('r1:client: refers to a previous fact');
    });

    it('exports JSON lines: one fact per line, every column, times in TIMEZONE and UTC', async () => {
      const id = await movedCase(AWKWARD);
      const run = await audit('--case', id);
      expect(run.code).toBe(0);
      const rows = run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows).toHaveLength(7);
      for (const row of rows) expect(Object.keys(row)).toEqual([...COLUMNS]);
      const stored = await h.engine.repo.storedFacts(id);
      const transfer = stored.find((s) => s.key === 'transfer')!.fact;
      expect(rows.find((r) => r.fact === 'transfer')).toEqual({
        case_id: id,
        client_name: AWKWARD,
        fact: 'transfer',
        type: 'transferConfirmed',
        role: null,
        decision: null,
        round: null,
        item: null,
        state: null,
        reason: null,
        by_name: 'Rianne Aanvrager',
        by_id: 'U_REQ',
        platform: 'playground',
        by_ip: null,
        by_user_agent: null,
        at_local: expect.stringMatching(/^2026-11-2\dT\d\d:\d\d:\d\d\.\d{3}\+01:00$/),
        at_utc: transfer.at,
        prev: transfer.prev,
        hash: transfer.hash,
      });
      for (const row of rows) expect(Date.parse(row.at_local)).toBe(Date.parse(row.at_utc));
      expect(rows.find((r) => r.fact === 'r1:client')).toMatchObject({
        role: 'client',
        decision: 'approved',
        round: 1,
      });
      expect(rows.find((r) => r.fact === 'item:newUser:2')).toMatchObject({ item: 'newUser', state: 'open' });
    });

    it('exports CSV with a header, quoting a name with a comma, a quote and a line break', async () => {
      const id = await movedCase(AWKWARD);
      const run = await audit('--case', id, '--format', 'csv');
      expect(run.code).toBe(0);
      expect(
        run.stdout.startsWith(`${COLUMNS.join(',')}\r\n${id},"Bakkerij ""De Zon"", Utrecht\nvestiging 2",created,`),
      ).toBe(true);
      const rows = parseCsv(run.stdout);
      expect(rows[0]).toEqual([...COLUMNS]);
      expect(rows).toHaveLength(8);
      for (const row of rows.slice(1)) expect(row.slice(0, 2)).toEqual([id, AWKWARD]);
      expect(rows.map((r) => r.length)).toEqual(Array(8).fill(COLUMNS.length));
    });

    it('--since keeps the facts from then on, a bare date starting at midnight in TIMEZONE', async () => {
      const id = await h.start({ ...validForm, clientName: client() });
      h.clock.set('2026-11-24T23:30:00+01:00');
      await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
      h.clock.set('2026-11-25T00:30:00+01:00');
      await h.act(id, people.client, 'approve', { role: 'client' });
      const facts = async (...args: string[]) =>
        (await audit('--case', id, ...args)).stdout
          .trimEnd()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l).fact);
      expect(await facts('--since', '2026-11-24')).toEqual(['r1:oldEnvironmentAdmin', 'r1:client']);
      expect(await facts('--since', '2026-11-25')).toEqual(['r1:client']);
      expect(await facts('--since', '2026-11-24T23:00:00Z')).toEqual(['r1:client']);
      expect(await facts('--since', '2026-11-26')).toEqual([]);
      expect((await audit('--case', id, '--since', '2026-11-31')).code).toBe(2);
    });

    it('--client selects that client’s cases only; an unknown case or client is exit code 1', async () => {
      const name = client('Brouwerij');
      const [a, b] = [
        await h.start({ ...validForm, clientName: name }),
        await h.start({ ...validForm, clientName: name }),
      ];
      await h.start({ ...validForm, clientName: `${name} Holding` });
      const run = await audit('--client', `  ${name.toLowerCase()} `);
      expect(run.code).toBe(0);
      const ids = run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).case_id);
      expect(new Set(ids)).toEqual(new Set([a, b]));

      expect(await audit('--client', 'Niemand B.V.')).toEqual({
        code: 1,
        stdout: '',
        stderr: 'no case for client "Niemand B.V."\n',
      });
      expect(await audit('--case', 'AAAAAAAAAAAA', '--verify')).toEqual({
        code: 1,
        stdout: '',
        stderr: 'no case with id "AAAAAAAAAAAA"\n',
      });
    });

    it('bad arguments print the usage and exit with 2', async () => {
      for (const args of [
        ['--format', 'xml'],
        ['--case', 'a', '--client', 'b'],
        ['--case', 'x:f:created'],
        ['--verify', '--format', 'csv'],
        ['--unknown'],
        ['positional'],
      ]) {
        const run = await audit(...args);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('Usage: npm run --silent audit');
      }
    });
  });
}
