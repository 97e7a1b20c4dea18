// The ask command's output contract: exactly one JSON object per question on stdout, nothing else.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ask(args: string[], input?: string): Promise<Run> {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(OPENAI|AZURE_OPENAI)_/.test(name)) delete env[name];
  return new Promise((resolve) => {
    const child = execFile(tsx, ['scripts/ask.ts', ...args], { cwd: root, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

const KEYS = ['answer', 'language', 'found', 'citations'];
const CITATION_KEYS = ['article', 'section', 'title', 'url'];

describe('scripts/ask.ts', () => {
  it('prints one JSON object with exactly the agreed keys', async () => {
    const run = await ask(['--json', 'Wie moet akkoord geven?']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] as string);
    expect(Object.keys(out)).toEqual(KEYS);
    expect(out).toMatchObject({ language: 'nl', found: true });
    expect(Object.keys(out.citations[0])).toEqual(CITATION_KEYS);
    expect(out.citations[0].section).toBe('administratie-overzetten');
  });

  it('answers stdin questions one JSON line each, in order', async () => {
    const run = await ask(
      ['--json', '--stdin'],
      'Worden de bankkoppelingen meegekopieerd?\nHow long does the move take?\n\nWhat about certificates?\n',
    );
    expect(run.code).toBe(0);
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.language, o.found])).toEqual([
      ['nl', true],
      ['en', false],
      ['en', true],
    ]);
    for (const o of out) expect(Object.keys(o)).toEqual(KEYS);
    expect(out[1].citations).toEqual([]);
  });

  it('prints a readable answer with its source without --json', async () => {
    const run = await ask(['Who needs to approve the transfer?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/all parties must approve/);
    expect(run.stdout).toMatch(/Source: I'm taking over a client/);
    expect(run.stdout).toMatch(/https:\/\/community\.wolterskluwer\.nl\//);
  });

  it('fails with a clear message and no stdout for a malformed article', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ask-'));
    try {
      await writeFile(join(dir, 'kapot.md'), '---\nid: x\n---\n');
      const run = await ask(['--json', '--knowledge', dir, 'Wie moet akkoord geven?']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/kapot\.md: field "title"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
