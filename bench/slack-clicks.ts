// Slack approval clicks: signed block_actions at 1, 10 and 50 in flight against the service and a bare Bolt app.
import { isDeepStrictEqual } from 'node:util';
import { renderMessage } from '../adapters/slack/render-blocks.js';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { CHANNEL, PEOPLE } from '../test/helpers/slack-app.js';
import { SIGNING_SECRET, SlackSender } from '../test/helpers/slack-requests.js';
import {
  type ClickLevel,
  casesNeeded,
  cpuPerRequest,
  DEFAULT_LEVELS,
  describeRounds,
  inRounds,
  measureLevels,
  overRounds,
  ROUNDS,
} from './levels.js';
import { type LoadClient, rate } from './load.js';
import { pairedRuns, perStore, quiet, type StoreReader, withService } from './runs.js';
import type { BareProcess, ServiceProcess } from './service-process.js';
import { allShowApproved, createCases, type SlackCase, signedApprovals } from './slack-cases.js';
import { timed } from './stats.js';
import { type BenchStore, benchStores } from './stores.js';
import { verifyApprovals } from './verify.js';

interface Run {
  service: ServiceProcess;
  fake: FakeSlackApi;
  slack: SlackSender;
  /** Opens the service's store, to check every message against the stored state. */
  readStore: StoreReader;
  bare: BareProcess;
  load: LoadClient;
}

/** Every decision stored once, every case approved, and every case message showing exactly the stored state. */
function verify(r: Run, cases: SlackCase[]) {
  return r.readStore((store) =>
    verifyApprovals(store, cases, (c, stored) => {
      const shown = r.fake.message(CHANNEL, c.ts);
      return !!shown && isDeepStrictEqual(shown.blocks, renderMessage(stored).blocks);
    }),
  );
}

/**
 * Waits until every case message shows the approved state and Slack saw no chat.update for a while (a stale update
 * landing late would be caught by verify), and returns when the last update of these messages landed.
 */
async function allShown(r: Run, cases: SlackCase[]): Promise<number> {
  await r.fake.waitFor(() => allShowApproved(r.fake, cases), 60_000);
  await quiet(() => r.fake.callsOf('chat.update').length);
  return Math.max(...cases.map((c) => r.fake.message(CHANNEL, c.ts)?.updatedAt ?? 0));
}

/** One round: the bare app and the service (see inTurn) with the same requests, until every message shows. */
async function runRound(r: Run, level: ClickLevel, cases: SlackCase[], index: number) {
  const updatesBefore = r.fake.callsOf('chat.update').length;
  const { bare, bareMs, service, serviceMs, doneAt } = await pairedRuns(r, {
    index,
    concurrency: level.concurrency,
    requests: () => signedApprovals(r.slack, cases),
    servicePath: '/slack/events',
    shown: () => allShown(r, cases),
  });
  const clicks = service.latencies.length;
  const storedMs = doneAt - service.startedAt;
  const donePerSecond = clicks / (storedMs / 1000);
  return {
    clicks,
    bare,
    bareMs,
    service,
    serviceMs,
    storedMs,
    donePerSecond,
    chatUpdates: r.fake.callsOf('chat.update').length - updatesBefore,
    ratio: donePerSecond / rate(bare),
    cpuRatio: bareMs / serviceMs,
  };
}

type Round = Awaited<ReturnType<typeof runRound>>;

/** One level: paired rounds (see ROUNDS), summarized as medians with their range; every round's cases checked. */
async function runLevel(r: Run, level: ClickLevel, rounds: SlackCase[][]) {
  const runs = await inRounds(rounds, (cases, i) => runRound(r, level, cases, i));
  const bare = describeRounds(runs.map((x) => x.bare));
  const ack = describeRounds(runs.map((x) => x.service));
  const cpu = (ms: (x: Round) => number) => cpuPerRequest(runs, ms, (x) => x.clicks);
  return {
    concurrency: level.concurrency,
    rounds: runs.length,
    clicksPerRound: runs[0]?.clicks ?? 0,
    bareBolt: {
      acksPerSecond: bare.perSecond,
      ackLatencyMs: bare.latencyMs,
      statuses: bare.statuses,
      mainThreadCpuMsPerClick: cpu((x) => x.bareMs),
    },
    service: {
      acksPerSecond: ack.perSecond,
      ackLatencyMs: ack.latencyMs,
      statuses: ack.statuses,
      allStoredAndUpdatedMs: overRounds(
        runs.map((x) => x.storedMs),
        Math.round,
      ),
      decisionsPerSecondStoredAndUpdated: overRounds(
        runs.map((x) => x.donePerSecond),
        Math.round,
      ),
      chatUpdates: runs.reduce((n, x) => n + x.chatUpdates, 0),
      /** Includes the renders and chat.updates that finish after the last ack. */
      mainThreadCpuMsPerClick: cpu((x) => x.serviceMs),
    },
    /** Decisions stored and shown per second ÷ the bare app's acks per second, within each round. */
    ratioToBare: overRounds(runs.map((x) => x.ratio)),
    /** Main-thread CPU per ack of the bare app ÷ per decision of the service: the ratio on a quiet, CPU-bound core. */
    cpuRatioToBare: overRounds(runs.map((x) => x.cpuRatio)),
    checks: await verify(r, rounds.flat()),
  };
}

/** A 50-in-flight burst while the fake Slack answers chat.update after random delays, reordering them if it can. */
async function jitterBurst(r: Run, cases: SlackCase[]) {
  r.fake.updateJitterMs = 40;
  const requests = await signedApprovals(r.slack, cases);
  const report = await r.load.run({ url: `${r.service.url}/slack/events`, requests, concurrency: 50 });
  const doneAt = Math.max(report.endedAt, await allShown(r, cases));
  r.fake.updateJitterMs = 0;
  return {
    clicks: requests.length,
    updateJitterMs: 40,
    allStoredAndUpdatedMs: Math.round(doneAt - report.startedAt),
    checks: await verify(r, cases),
  };
}

async function benchStore(target: BenchStore, levels: ClickLevel[], bare: BareProcess, load: LoadClient) {
  const fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
  const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl };
  try {
    return await withService(target, env, async (service, readStore) => {
      const r: Run = { service, fake, slack: new SlackSender(service.url, fake), readStore, bare, load };
      const jitter = 50;
      const total = casesNeeded(levels) + jitter;
      const [all, createMs] = await timed(() => createCases(fake, r.slack, total));
      // The service's Bolt path is warm from creating the cases (two requests each); the bare app gets as many acks.
      const warm = await signedApprovals(r.slack, all.slice(0, Math.ceil((2 * total) / 3)));
      await load.run({ url: bare.url, requests: warm, concurrency: 10 });
      const { results, next } = await measureLevels(all, levels, (level, rounds) => runLevel(r, level, rounds));
      return {
        casesCreatedThroughModal: total,
        caseCreationMs: Math.round(createMs),
        levels: results,
        burstWithReorderingFakeSlack: await jitterBurst(r, all.slice(next, next + jitter)),
      };
    });
  } finally {
    await fake.close();
  }
}

export async function benchSlackClicks(
  levels: ClickLevel[] = DEFAULT_LEVELS,
  stores: BenchStore[] = benchStores('slack.sqlite'),
): Promise<Record<string, unknown>> {
  const bare = { entry: 'bare-slack-main.ts', env: { SLACK_SIGNING_SECRET: SIGNING_SECRET } };
  const out = await perStore(stores, bare, (target, app, load) => benchStore(target, levels, app, load));
  return {
    setup:
      'the service (src/main.ts, LOG_LEVEL silent) and the bare Bolt app each in a process of their own, CPU read ' +
      'from /proc; the fake Slack Web API and the load generator (a worker thread) in the benchmark process; ' +
      `each level in ${ROUNDS} rounds of bare app and service back to back, taking turns going first, ratios taken within a round`,
    targets: targets(out as Record<string, StoreResult>),
    ...out,
  };
}

type LevelResult = Awaited<ReturnType<typeof runLevel>>;
interface StoreResult {
  levels: LevelResult[];
  burstWithReorderingFakeSlack: Awaited<ReturnType<typeof jitterBurst>>;
}

/** The targets, read off the figures above. */
function targets(out: Record<string, StoreResult>) {
  const stores = Object.entries(out);
  const per = <T>(f: (r: StoreResult) => T) => Object.fromEntries(stores.map(([k, r]) => [k, f(r)]));
  const ratios = per((r) => Object.fromEntries(r.levels.map((l) => [`c${l.concurrency}`, l.ratioToBare.median])));
  const p99At10 = per((r) => r.levels.find((l) => l.concurrency === 10)?.service.ackLatencyMs.p99);
  const burst = (r: StoreResult) =>
    r.levels.filter((l) => l.concurrency >= 50).every((l) => l.checks.everyMessageShowsFinalState) &&
    r.burstWithReorderingFakeSlack.checks.everyMessageShowsFinalState;
  return {
    decisionsPerSecondAtLeastHalfOfBareAcks: {
      ratios,
      /** Judged on each level's median over its rounds; the ranges are in the levels. */
      met: stores.every(([, r]) => r.levels.every((l) => l.ratioToBare.median >= 0.5)),
    },
    ackP99Under50msAt10: { p99Ms: p99At10, met: Object.values(p99At10).every((v) => v !== undefined && v < 50) },
    everyMessageShowsFinalStateAfter50Burst: stores.every(([, r]) => burst(r)),
    everyDecisionStoredOnce: stores.every(
      ([, r]) =>
        r.levels.every((l) => l.checks.everyDecisionStoredOnce) &&
        r.burstWithReorderingFakeSlack.checks.everyDecisionStoredOnce,
    ),
  };
}
