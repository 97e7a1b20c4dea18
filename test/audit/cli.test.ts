// `npm run audit` as a real child process: configured by the environment like the service, on each shared backend.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COLUMNS } from '../../src/audit/trail.js';
import type { CaseFact } from '../../src/domain/case.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, uniquePrefix } from '../helpers/backends.js';
import { type EngineHarness, engineHarness, people, validForm } from '../helpers/engine.js';
import { describeSkipIf } from '../helpers/skip.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function audit(env: Record<string, string>, args: string[]): Promise<Run> {
  const base = { ...process.env };
  for (const name of ['STORE_URL', 'STORE_PREFIX', 'TIMEZONE']) delete base[name];
  return new Promise((resolve) => {
    execFile(tsx, ['scripts/audit.ts', ...args], { cwd: root, env: { ...base, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const NAME = 'Bakkerij "De Zon", Utrecht\nvestiging 2';

// A memory store lives in one process only, so the command in another cannot read it.
for (const backend of storeBackends().filter((b) => b.name !== 'memory')) {
  describeSkipIf(backend.skip, `audit command (child process): ${backend.name}`, () => {
    const prefix = uniquePrefix().slice(0, -1);
    const url = backend.url();
    const env = { STORE_URL: url, STORE_PREFIX: prefix, TIMEZONE: 'Europe/Amsterdam' };
    let store: Store;
    let h: EngineHarness;
    let id: string;
    beforeAll(async () => {
      store = await createStore(url, { prefix: `${prefix}:` });
      h = await engineHarness(url, '2026-11-23T10:00:00+01:00', store);
      id = await h.start({ ...validForm, clientName: NAME });
      await h.act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
      h.clock.advance(60_000);
      await h.act(id, people.client, 'reject', { role: 'client', reason: 'Nog niet, eerst de jaarrekening' });
    });
    afterAll(async () => h?.close());

    it('exports CSV and JSON lines of the configured store, under its STORE_PREFIX', async () => {
      const csv = await audit(env, ['--client', NAME, '--format', 'csv']);
      expect(csv.stderr).toBe('');
      expect(csv.code).toBe(0);
      const lines = csv.stdout.split('\r\n');
      expect(lines[0]).toBe(COLUMNS.join(','));
      expect(lines[1]).toMatch(new RegExp(`^${id},"Bakkerij ""De Zon"", Utrecht\nvestiging 2",created,created,`));
      expect(lines.at(-2)).toContain(',r1:client,decision,client,rejected,1,,,"Nog niet, eerst de jaarrekening",');
      expect(lines).toHaveLength(5);

      const json = await audit(env, ['--case', id]);
      expect(json.code).toBe(0);
      const rows = json.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows.map((r) => [r.fact, r.client_name, r.at_local])).toEqual([
        ['created', NAME, '2026-11-23T10:00:00.000+01:00'],
        ['r1:oldEnvironmentAdmin', NAME, '2026-11-23T10:00:00.000+01:00'],
        ['r1:client', NAME, '2026-11-23T10:01:00.000+01:00'],
      ]);
    });

    it('--verify exits 1 on a fact altered in the store, with one line per problem and a summary', async () => {
      expect(await audit(env, ['--verify', '--case', id])).toEqual({
        code: 0,
        stdout: 'verified 1 case, 3 facts: no problems\n',
        stderr: '',
      });
      const key = `case:${id}:f:r1:client`;
      const fact = (await store.get<CaseFact>(key))!;
      await store.set(key, { ...fact, decision: 'approved', reason: undefined });
      try {
        const run = await audit(env, ['--verify']);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(
          `case ${id} ${JSON.stringify(NAME)} r1:client: altered: its content does not match its hash\n` +
            'verified 1 case, 3 facts: 1 problem in 1 case\n',
        );
      } finally {
        await store.set(key, fact);
      }
    });

    if (backend.name === 'sqlite')
      it('says what is wrong in one line, without a stack trace: arguments (2), unknown case (1), no such file (1)', async () => {
        const bad = await audit(env, ['--format', 'xml']);
        expect(bad.code).toBe(2);
        expect(bad.stdout).toBe('');
        expect(bad.stderr).toMatch(/^--format: expected json or csv, got "xml"\nUsage: npm run --silent audit/);
        const unknown = await audit(env, ['--case', '-nosuchcase-']);
        expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'no case with id "-nosuchcase-"\n' });
        const missing = await audit({ ...env, STORE_URL: 'sqlite:///nonexistent/dir/overname.sqlite' }, ['--verify']);
        expect(missing).toEqual({
          code: 1,
          stdout: '',
          stderr: 'store: no SQLite file at /nonexistent/dir/overname.sqlite (STORE_URL)\n',
        });
        for (const run of [bad, unknown, missing]) expect(run.stderr).not.toMatch(/\n\s+at /);
      });
  });
}
