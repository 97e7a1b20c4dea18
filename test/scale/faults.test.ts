// Faults while people press: service processes SIGKILLed in the middle of bursts of approvals. Every press that got
// HTTP 200 is stored exactly once and shown in the case message: on shared PostgreSQL and Redis by the surviving
// replicas within a minute (no restart), on SQLite by the restarted process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/case.js';
import { storeBackends } from '../helpers/backends.js';
import { startReplica, waitUntil } from '../helpers/replicas.js';
import { seededRandom } from '../helpers/seeded.js';
import { describeSkipIf } from '../helpers/skip.js';
import { PEOPLE } from '../helpers/slack-app.js';
import {
  type Cluster,
  createSlackCase,
  type SlackCase,
  slackShowsStoredState,
  snapshotOf,
  startCluster,
} from './cluster.js';

const backends = storeBackends();
const skip = backends.find((b) => b.name === 'redis')?.skip ?? backends.find((b) => b.name === 'postgres')?.skip;

const ROUNDS = 20;
const CASES_PER_ROUND = 4;
/** "Shown within about a minute": marks go stale after 30 s and every replica sweeps every 10 s. */
const CONVERGE_MS = 70_000;
const APPROVER: Record<(typeof ROLES)[number], string> = {
  oldEnvironmentAdmin: PEOPLE.oldAdmin.id,
  client: PEOPLE.client.id,
  newEnvironmentAdmin: PEOPLE.requester.id,
};

interface Press {
  k: SlackCase;
  role: (typeof ROLES)[number];
  /** Which replica answered 200, if one did. */
  ackedBy?: string;
  /** Sent again elsewhere because the replica it went to was dead or died with it in flight. */
  resent: number;
}

/** Sends a press to replica r; one that is dead or dies meanwhile gets it resent to a live one, if there is one. */
async function press(c: Cluster, p: Press, first: number, rand: () => number): Promise<void> {
  let r = first;
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      const res = await c.slack[r]!.action({
        user: APPROVER[p.role],
        actionId: `approve:${p.role}`,
        value: p.k.caseId,
        channel: p.k.channel,
        messageTs: p.k.ts,
      });
      await res.arrayBuffer();
      if (res.status === 200) {
        p.ackedBy = c.replicas[r]!.name;
        return;
      }
    } catch {
      // Connection refused or reset: the replica is dead, or died with the press in flight.
    }
    const live = c.replicas.map((x, i) => (x.alive() ? i : -1)).filter((i) => i >= 0);
    if (!live.length) return;
    p.resent++;
    r = live[Math.floor(rand() * live.length)]!;
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

/** Every acknowledged press of the round's cases is stored exactly once and the message shows the stored state. */
async function expectAckedStoredAndShown(c: Cluster, round: number, cases: SlackCase[], presses: Press[]) {
  for (const k of cases) {
    const acked = presses.filter((p) => p.k === k && p.ackedBy).map((p) => p.role);
    await waitUntil(
      `round ${round}: ${k.channel} shows every acknowledged approval`,
      async () => {
        const s = await snapshotOf(c, k.caseId);
        const stored = s.audit.flatMap((f) => (f.type === 'decision' ? [f.role] : []));
        return acked.every((role) => stored.includes(role)) && (await slackShowsStoredState(c, k));
      },
      { timeoutMs: CONVERGE_MS, intervalMs: 250 },
    );
    const s = await snapshotOf(c, k.caseId);
    for (const role of ROLES) {
      const decisions = s.audit.filter((f) => f.type === 'decision' && f.role === role);
      // Exactly once, by the named person: never twice, whatever was resent where.
      expect(decisions.length, `round ${round} ${k.channel} ${role}`).toBeLessThanOrEqual(1);
      if (acked.includes(role)) expect(decisions).toMatchObject([{ decision: 'approved', by: { id: APPROVER[role] } }]);
    }
  }
}

interface RoundResult {
  round: number;
  killed: string[];
  acked: number;
  /** Acknowledged by a process that was killed in the same round: the presses a lost ack would have lost. */
  ackedByVictim: number;
  resent: number;
  shownAfterMs: number;
}

async function runRounds(c: Cluster, o: { victims: (round: number) => number[]; survivorsHeal: boolean }) {
  const results: RoundResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const rand = seededRandom(1000 + round);
    const cases: SlackCase[] = [];
    for (let i = 0; i < CASES_PER_ROUND; i++) cases.push(await createSlackCase(c, round * CASES_PER_ROUND + i));
    const presses: Press[] = cases.flatMap((k) => ROLES.map((role) => ({ k, role, resent: 0 })));
    const victims = o.victims(round);
    const names = victims.map((v) => c.replicas[v]!.name);
    // The kills land somewhere inside the burst.
    const kill = (async () => {
      await new Promise((ok) => setTimeout(ok, Math.floor(rand() * 40)));
      for (const v of victims) c.replicas[v]!.child.kill('SIGKILL');
      await Promise.all(victims.map((v) => c.replicas[v]!.exited));
    })();
    await Promise.all(presses.map((p) => press(c, p, Math.floor(rand() * c.replicas.length), rand)));
    await kill;
    const restart = () =>
      Promise.all(
        victims.map(async (v) => {
          c.replicas[v] = await startReplica(c.replicas[v]!.name, c.replicaEnv(c.replicas[v]!.name));
          c.slack[v] = c.senderFor(c.replicas[v]!);
        }),
      );
    const started = Date.now();
    // With survivors, what they show is the healing itself; a lone process can only heal by starting again.
    if (!o.survivorsHeal) await restart();
    await expectAckedStoredAndShown(c, round, cases, presses);
    results.push({
      round,
      killed: names,
      acked: presses.filter((p) => p.ackedBy).length,
      ackedByVictim: presses.filter((p) => p.ackedBy && names.includes(p.ackedBy)).length,
      resent: presses.reduce((n, p) => n + p.resent, 0),
      shownAfterMs: Date.now() - started,
    });
    if (o.survivorsHeal) await restart();
  }
  console.info(`fault rounds: ${JSON.stringify(results)}`);
  return results;
}

describeSkipIf(skip, 'replicas killed while people press, on PostgreSQL and Redis', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster(['f0', 'f1', 'f2']);
  }, 180_000);
  afterAll(async () => {
    await c?.close();
  }, 60_000);

  it(
    `stores and shows every acknowledged press, over ${ROUNDS} rounds of kills, without restarts`,
    async () => {
      // Every fourth round two of the three replicas die at once.
      const results = await runRounds(c, {
        victims: (round) => (round % 4 === 3 ? [round % 3, (round + 1) % 3] : [round % 3]),
        survivorsHeal: true,
      });
      // The kills did land inside bursts: presses acknowledged by a replica that then died, and presses cut off.
      expect(results.reduce((n, r) => n + r.ackedByVictim, 0)).toBeGreaterThan(0);
      expect(results.reduce((n, r) => n + r.resent, 0)).toBeGreaterThan(0);
    },
    30 * 60_000,
  );
});

describe('one process on SQLite killed while people press, and started again', () => {
  let c: Cluster;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'overname-faults-'));
    c = await startCluster(['s0'], { sqliteFile: join(dir, 'overname.sqlite') });
  }, 180_000);
  afterAll(async () => {
    await c?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it(
    `stores and shows every acknowledged press, over ${ROUNDS} kills and restarts`,
    async () => {
      const results = await runRounds(c, { victims: () => [0], survivorsHeal: false });
      expect(results.reduce((n, r) => n + r.acked, 0)).toBeGreaterThan(0);
    },
    30 * 60_000,
  );
});
