// Evidence: what hashing costs a fact write and a press, and the audit export's time and peak RSS over 10,000 cases.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import KeyvPostgres from '@keyv/postgres';
import { ManualClock } from '../src/clock.js';
import type { CaseFact } from '../src/domain/case.js';
import type { CaseInput } from '../src/domain/case-input.js';
import { CaseRepository } from '../src/domain/case-repository.js';
import { CaseService } from '../src/domain/case-service.js';
import { chainFact } from '../src/domain/fact-chain.js';
import { createStore, storePrefixOf } from '../src/store/create-store.js';
import type { Store } from '../src/store/store.js';
import { TSX } from '../test/helpers/replicas.js';
import { summarize } from './stats.js';
import { type BenchStore, benchStores } from './stores.js';

const ROOT = resolve(import.meta.dirname, '..');
const requester = { platform: 'playground' as const, id: 'U_REQ', name: 'Rianne Aanvrager' };
const oldAdmin = { platform: 'playground' as const, id: 'U_OLD', name: 'Otto Oud' };
const client = { platform: 'playground' as const, id: 'U_CLIENT', name: 'Karin Klant' };
const names = { U_REQ: requester.name, U_OLD: oldAdmin.name, U_CLIENT: client.name };
/** Each case's presses: three approvals, the move, two checklist items; with its creation, seven facts. */
const PRESSES = [
  [oldAdmin, { action: 'approve', role: 'oldEnvironmentAdmin' }],
  [client, { action: 'approve', role: 'client' }],
  [requester, { action: 'approve', role: 'newEnvironmentAdmin' }],
  [requester, { action: 'confirm_transfer' }],
  [requester, { action: 'checklist_done', item: 'newUser' }],
  [requester, { action: 'checklist_na', item: 'rabobank' }],
] as const;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function input(i: number): CaseInput {
  return {
    clientName: `Klant ${i}, "bench" B.V.`,
    administrations: [`${1000 + (i % 9000)} Klant ${i}`],
    oldEnvironment: 'Accountantskantoor Oud',
    newEnvironment: 'Accountantskantoor Nieuw',
    approvers: { oldEnvironmentAdmin: oldAdmin.id, client: client.id, newEnvironmentAdmin: requester.id },
    features: {
      rabobank: 'yes',
      knab: 'no',
      portsCertificates: 'yes',
      vatAccessRights: 'unknown',
      reportingStructure: 'yes',
    },
    bankLinksManagedBy: 'client',
  };
}

/** The write path's one hash, alone: canonical JSON and SHA-256 of a decision fact. */
function hashCost(): { usPerFact: number } {
  const fact: CaseFact = {
    type: 'decision',
    round: 1,
    role: 'client',
    decision: 'approved',
    at: new Date().toISOString(),
    by: client,
  };
  const prev = 'a'.repeat(64);
  for (let i = 0; i < 5000; i++) chainFact(fact, prev);
  const n = 50_000;
  const t = performance.now();
  for (let i = 0; i < n; i++) chainFact(fact, prev);
  return { usPerFact: round(((performance.now() - t) * 1000) / n, 2) };
}

/** A chained addFact against the same fact written as before hashing, in alternating blocks (the VM's speed drifts). */
async function writeCost(store: Store, repo: CaseRepository): Promise<Record<string, unknown>> {
  const plain: number[] = [];
  const chained: number[] = [];
  const prev = 'b'.repeat(64);
  const at = new Date().toISOString();
  // Decisions of ever later rounds: a key each, and (unlike a repeated checklist press) no hint write besides.
  const fact = (r: number): CaseFact => ({
    type: 'decision',
    round: r,
    role: 'client',
    decision: 'approved',
    at,
    by: client,
  });
  for (let block = 0; block < 20; block++)
    for (const [samples, write] of [
      [plain, (r: number) => store.setIfAbsent(`bench-plain:f:r${r}:client`, fact(r))],
      [chained, (r: number) => repo.addFact('bench-chained', fact(r), prev)],
    ] as const)
      for (let i = 0; i < 100; i++) {
        const t = performance.now();
        await write(block * 100 + i + 1);
        samples.push(performance.now() - t);
      }
  const us = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return {
      p50: round(sorted[sorted.length >> 1]! * 1000),
      mean: round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000),
    };
  };
  // The chained row is longer by its two hex hashes (~150 bytes): part of what hashing costs a write.
  return { writes: plain.length, plainWriteUs: us(plain), chainedAddFactUs: us(chained) };
}

/** Cases from `from` to `to`, made and pressed through CaseService; `inTurn` of them one by one (press latency). */
async function seed(store: Store, from: number, to: number, inTurn = 0): Promise<number[]> {
  const repo = new CaseRepository(store);
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const service = new CaseService(repo, clock, (_id, write) => write());
  const latencies: number[] = [];
  const one = async (i: number, timed: boolean) => {
    clock.advance(1000);
    const origin = { platform: 'playground' as const, workspace: 'W', conversation: `C${i % 100}` };
    const { data } = await service.create(origin, requester, input(i), names, 'nl');
    for (const [user, action] of PRESSES) {
      const t = performance.now();
      const verdict = await service.act(user, data.id, action);
      if (timed) latencies.push(performance.now() - t);
      if (verdict.kind !== 'done') throw new Error(`seed: ${action.action} gave ${verdict.kind}`);
    }
  };
  let next = from;
  for (; next < Math.min(to, from + inTurn); next++) await one(next, true);
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < to) await one(next++, false);
    }),
  );
  return latencies;
}

interface ExportRun {
  code: number;
  ms: number;
  outputMB: number;
  lines: number;
  rssBeforeMB: number;
  peakRssMB: number;
}

/** The audit command in a fresh process (tsx, as `npm run audit`), its stdout a real pipe read here. */
function exportRun(target: BenchStore, args: string[]): Promise<ExportRun> {
  return new Promise((done, fail) => {
    const env = {
      ...process.env,
      STORE_URL: target.url,
      STORE_PREFIX: target.prefix ?? '',
      TIMEZONE: 'Europe/Amsterdam',
    };
    const child = spawn(process.execPath, ['--import', TSX, 'bench/audit-export.ts', ...args], { cwd: ROOT, env });
    let bytes = 0;
    let lines = 0;
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    child.once('error', fail);
    child.once('exit', () => {
      try {
        const r = JSON.parse(err.trimEnd().split('\n').at(-1)!);
        done({
          code: r.code,
          ms: Math.round(r.ms),
          outputMB: round(bytes / 2 ** 20),
          lines,
          rssBeforeMB: round(r.rssBeforeMB),
          peakRssMB: round(r.peakRssMB),
        });
      } catch {
        fail(new Error(`audit export failed: ${err.slice(-500)}`));
      }
    });
  });
}

async function onStore(target: BenchStore, cases: number): Promise<Record<string, unknown>> {
  const open = () => createStore(target.url, { prefix: storePrefixOf({ storePrefix: target.prefix }) });
  const out: Record<string, unknown> = {};
  const small = Math.min(2000, cases);
  let store = await open();
  try {
    out.write = await writeCost(store, new CaseRepository(store));
    let t = performance.now();
    const latencies = await seed(store, 0, small, 300);
    let seedMs = performance.now() - t;
    out.pressWithHashingMs = summarize(latencies);
    // Closed while the command reads: SQLite's checkpoint thread would otherwise work on the file during the runs.
    await store.close();
    out[`export${small}`] = { json: await exportRun(target, []) };
    store = await open();
    t = performance.now();
    await seed(store, small, cases);
    seedMs += performance.now() - t;
    out.seed = { cases, facts: cases * (PRESSES.length + 1), seconds: round(seedMs / 1000) };
    await store.close();
    out[`export${cases}`] = {
      json: await exportRun(target, []),
      csv: await exportRun(target, ['--format', 'csv']),
      verify: await exportRun(target, ['--verify']),
    };
  } finally {
    await store.close().catch(() => undefined);
  }
  return out;
}

/** A shared PostgreSQL keeps no benchmark's rows: they would slow every later scan of its table. */
async function dropRows(target: BenchStore): Promise<void> {
  if (!target.url.startsWith('postgres') || !target.prefix) return;
  const pg = new KeyvPostgres({ uri: target.url });
  try {
    await pg.query('DELETE FROM keyv WHERE key LIKE $1', [`${target.prefix}:%`]);
  } finally {
    await pg.disconnect();
  }
}

export async function benchAudit(cases = 10_000): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { cases, hash: hashCost() };
  for (const target of benchStores('audit.sqlite')) {
    try {
      out[target.name] = await onStore(target, cases);
    } finally {
      await dropRows(target);
    }
  }
  return out;
}
