// Teams approvals: real adaptiveCard/action invokes at 1, 10 and 50 in flight, against the service and a bare bot.
import { isDeepStrictEqual } from 'node:util';
import { renderCard } from '../adapters/teams/cards.js';
import { FakeBotConnector } from '../test/helpers/fake-bot-connector.js';
import {
  CHANNEL,
  cardText,
  executeActions,
  type SendResult,
  TeamsClient,
  tp,
} from '../test/helpers/teams-activities.js';
import { startValues } from '../test/helpers/teams-app.js';
import {
  type ClickLevel,
  casesNeeded,
  cpuPerRequest,
  describeRounds,
  inRounds,
  measureLevels,
  overRounds,
  ROUNDS,
} from './levels.js';
import { type LoadClient, type PreparedRequest, rate } from './load.js';
import { pairedRuns, perStore, quiet, type StoreReader, withService } from './runs.js';
import type { BareProcess, ServiceProcess } from './service-process.js';
import { timed } from './stats.js';
import { type BenchStore, benchStores } from './stores.js';
import { APPROVED, verifyApprovals } from './verify.js';

interface TeamsCase {
  id: string;
  /** The activity id of the case card in the channel. */
  messageId: string;
}

/** Builds the activities TeamsClient would post, without posting them. */
class ActivityBuilder extends TeamsClient {
  private captured?: PreparedRequest;

  override async send(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<SendResult> {
    this.captured = { body: JSON.stringify(activity), headers: { 'content-type': 'application/json', ...headers } };
    return { status: 0, body: undefined, text: '' };
  }

  async approvals(cases: TeamsCase[]): Promise<PreparedRequest[]> {
    const out: PreparedRequest[] = [];
    for (const c of cases) {
      const where = { kind: 'channel' as const, thread: c.messageId };
      for (const [user, role] of [
        [tp.oldAdmin, 'oldEnvironmentAdmin'],
        [tp.client, 'client'],
        [tp.requester, 'newEnvironmentAdmin'],
      ] as const) {
        await this.invoke(user, 'approve', { caseId: c.id, role, card: 'case' }, where);
        out.push(this.captured!);
      }
    }
    return out;
  }
}

/** Cases created as in Teams: "start" in the channel, then the form card submitted with Action.Execute. */
async function createCases(r: Run, n: number): Promise<TeamsCase[]> {
  const cases: TeamsCase[] = [];
  for (let i = 0; i < n; i++) {
    await r.teams.message(tp.requester, 'start', { kind: 'channel' });
    const formPost = r.fake.posts().at(-1)!;
    const submit = executeActions(FakeBotConnector.card(formPost.body)).find((a) => a.verb === 'start_submit');
    if (!submit) throw new Error('no start form');
    const seen = r.fake.requests.length;
    const res = await r.teams.invoke(
      tp.requester,
      'start_submit',
      { ...submit.data, ...startValues, clientName: `Klant ${i} B.V.` },
      { kind: 'channel', thread: formPost.conversationId.split(';messageid=')[1] },
    );
    const post = r.fake.requests
      .slice(seen)
      .find((q) => q.op === 'post' && q.conversationId === CHANNEL && q.status === 200);
    const refresh = FakeBotConnector.card(post?.body)?.refresh as { action?: { data?: { caseId?: string } } };
    const id = refresh?.action?.data?.caseId;
    if (res.status !== 200 || !post || !id) throw new Error(`case ${i} not created (${res.status})`);
    cases.push({ id, messageId: r.fake.idOf(post) });
  }
  return cases;
}

interface Run {
  service: ServiceProcess;
  fake: FakeBotConnector;
  teams: TeamsClient;
  /** Opens the service's store, to check every card against the stored state. */
  readStore: StoreReader;
  bare: BareProcess;
  load: LoadClient;
}

/** Every decision stored once and every case card's last version showing exactly the stored state. */
function verify(r: Run, cases: TeamsCase[]) {
  return r.readStore((store) =>
    verifyApprovals(store, cases, (c, stored) =>
      isDeepStrictEqual(FakeBotConnector.card(r.fake.latest(c.messageId)), renderCard(stored, undefined)),
    ),
  );
}

/** Waits until every case card shows the approved state and the connector saw no update for a while. */
async function allShown(r: Run, cases: TeamsCase[]): Promise<number> {
  const updates = () => r.fake.requests.filter((q) => q.op === 'update');
  await r.fake.waitFor(
    () => cases.every((c) => cardText(FakeBotConnector.card(r.fake.latest(c.messageId))).includes(APPROVED)),
    60_000,
  );
  await quiet(() => updates().length);
  const ids = new Set(cases.map((c) => c.messageId));
  return Math.max(
    0,
    ...updates()
      .filter((q) => q.activityId && ids.has(q.activityId))
      .map((q) => q.at),
  );
}

/** One round: the bare bot and the service (see inTurn) with the same invokes, until every channel card shows. */
async function runRound(r: Run, level: ClickLevel, cases: TeamsCase[], index: number) {
  const builder = new ActivityBuilder(r.service.url, r.fake.url);
  const updates = () => r.fake.requests.filter((q) => q.op === 'update').length;
  const updatesBefore = updates();
  const { bare, bareMs, service, serviceMs, doneAt } = await pairedRuns(r, {
    index,
    concurrency: level.concurrency,
    requests: () => builder.approvals(cases),
    servicePath: '/api/messages',
    shown: () => allShown(r, cases),
  });
  return {
    invokes: service.latencies.length,
    bare,
    bareMs,
    service,
    serviceMs,
    storedMs: doneAt - service.startedAt,
    cardUpdates: updates() - updatesBefore,
    ratio: rate(service) / rate(bare),
    cpuRatio: bareMs / serviceMs,
  };
}

type Round = Awaited<ReturnType<typeof runRound>>;

/** One level: paired rounds (see ROUNDS), summarized as medians with their range; every round's cases checked. */
async function runLevel(r: Run, level: ClickLevel, rounds: TeamsCase[][]) {
  const runs = await inRounds(rounds, (cases, i) => runRound(r, level, cases, i));
  const bare = describeRounds(runs.map((x) => x.bare));
  const service = describeRounds(runs.map((x) => x.service));
  const perInvoke = (ms: (x: Round) => number) => cpuPerRequest(runs, ms, (x) => x.invokes);
  return {
    concurrency: level.concurrency,
    rounds: runs.length,
    invokesPerRound: runs[0]?.invokes ?? 0,
    bareBot: {
      invokesPerSecond: bare.perSecond,
      latencyMs: bare.latencyMs,
      statuses: bare.statuses,
      mainThreadCpuMsPerInvoke: perInvoke((x) => x.bareMs),
    },
    service: {
      invokesPerSecond: service.perSecond,
      latencyMs: service.latencyMs,
      statuses: service.statuses,
      allStoredAndUpdatedMs: overRounds(
        runs.map((x) => x.storedMs),
        Math.round,
      ),
      cardUpdates: runs.reduce((n, x) => n + x.cardUpdates, 0),
      /** Includes the card updates that finish after the last answer. */
      mainThreadCpuMsPerInvoke: perInvoke((x) => x.serviceMs),
    },
    ratioToBare: overRounds(runs.map((x) => x.ratio)),
    cpuRatioToBare: overRounds(runs.map((x) => x.cpuRatio)),
    checks: await verify(r, rounds.flat()),
  };
}

async function benchStore(target: BenchStore, levels: ClickLevel[], bare: BareProcess, load: LoadClient) {
  const fake = await FakeBotConnector.start();
  fake.members = Object.values(tp).map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId }));
  try {
    // Without MicrosoftAppId the Bot Framework authentication is off (not in production): the fake needs no tokens.
    return await withService(target, {}, async (service, readStore) => {
      const r: Run = { service, fake, teams: new TeamsClient(service.url, fake.url), readStore, bare, load };
      const total = casesNeeded(levels);
      const [all, createMs] = await timed(() => createCases(r, total));
      // The service's path is warm from creating the cases (two requests each); the bare bot gets as many invokes.
      const builder = new ActivityBuilder(service.url, fake.url);
      const warm = await builder.approvals(all.slice(0, Math.ceil((2 * total) / 3)));
      await load.run({ url: bare.url, requests: warm, concurrency: 10 });
      const { results } = await measureLevels(all, levels, (level, rounds) => runLevel(r, level, rounds));
      return { casesCreatedThroughForm: total, caseCreationMs: Math.round(createMs), levels: results };
    });
  } finally {
    await fake.close();
  }
}

export async function benchTeamsInvokes(
  levels: ClickLevel[],
  stores: BenchStore[] = benchStores('teams.sqlite'),
): Promise<Record<string, unknown>> {
  const out = await perStore(stores, { entry: 'bare-teams-main.ts' }, (target, app, load) =>
    benchStore(target, levels, app, load),
  );
  return {
    setup:
      'the service (src/main.ts, CloudAdapter without authentication, LOG_LEVEL silent) and the bare botbuilder bot ' +
      'each in a process of their own, CPU read from /proc; the fake Bot Connector and the load generator (a worker ' +
      'thread) in the benchmark process; an invoke is answered once the decision is stored, with the case card ' +
      `read from the store, and the channel card follows; each level in ${ROUNDS} rounds of bare bot and service back to back, taking turns going first`,
    ...out,
  };
}
