// Teams approvals: real adaptiveCard/action invokes at 1, 10 and 50 in flight, against the service and a bare bot.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { renderCard } from '../adapters/teams/cards.js';
import { FakeBotConnector } from '../test/helpers/fake-bot-connector.js';
import { CHANNEL, executeActions, type SendResult, TeamsClient, tp } from '../test/helpers/teams-activities.js';
import { startValues, type TeamsHarness, teamsHarness } from '../test/helpers/teams-app.js';
import { type BareServer, startBareTeamsBot } from './bare.js';
import { type ClickLevel, measureLevels, WARMUP_CASES } from './levels.js';
import { busy, describeLoad, epochNow, LoadClient, type PreparedRequest, perClick } from './load.js';
import { profiled } from './profile.js';
import { scratchDir } from './stats.js';
import { verifyApprovals } from './verify.js';

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
async function createCases(h: TeamsHarness, n: number): Promise<TeamsCase[]> {
  const cases: TeamsCase[] = [];
  for (let i = 0; i < n; i++) {
    await h.teams.message(tp.requester, 'start', { kind: 'channel' });
    const formPost = h.fake.posts().at(-1)!;
    const submit = executeActions(FakeBotConnector.card(formPost.body)).find((a) => a.verb === 'start_submit');
    if (!submit) throw new Error('no start form');
    const seen = h.fake.requests.length;
    const res = await h.teams.invoke(
      tp.requester,
      'start_submit',
      { ...submit.data, ...startValues, clientName: `Klant ${i} B.V.` },
      { kind: 'channel', thread: formPost.conversationId.split(';messageid=')[1] },
    );
    const post = h.fake.requests
      .slice(seen)
      .find((r) => r.op === 'post' && r.conversationId === CHANNEL && r.status === 200);
    const refresh = FakeBotConnector.card(post?.body)?.refresh as { action?: { data?: { caseId?: string } } };
    const id = refresh?.action?.data?.caseId;
    if (res.status !== 200 || !post || !id) throw new Error(`case ${i} not created (${res.status})`);
    cases.push({ id, messageId: h.fake.idOf(post) });
  }
  return cases;
}

/** Every decision stored and every case card's last version showing exactly the stored state. */
function verify(h: TeamsHarness, cases: TeamsCase[]) {
  return verifyApprovals(h.app.engine, cases, (c, stored) =>
    isDeepStrictEqual(
      FakeBotConnector.card(h.fake.latest(c.messageId)),
      renderCard(stored, undefined, { language: 'nl' }),
    ),
  );
}

async function runLevel(h: TeamsHarness, bare: BareServer, load: LoadClient, level: ClickLevel, cases: TeamsCase[]) {
  const builder = new ActivityBuilder(h.app.url, h.fake.url);
  const bareBusy = busy();
  const bareReport = await load.run({
    url: bare.url,
    requests: await builder.approvals(cases),
    concurrency: level.concurrency,
  });
  const bareMs = bareBusy();
  const updatesBefore = h.fake.requests.filter((r) => r.op === 'update').length;
  const requests = await builder.approvals(cases);
  const serviceBusy = busy();
  const report = await profiled(`teams-${h.app.store.kind}-c${level.concurrency}`, () =>
    load.run({ url: `${h.app.url}/api/messages`, requests, concurrency: level.concurrency }),
  );
  const serviceMs = serviceBusy();
  // An invoke answers after its render unless the render outlasts the budget; poll for any still on its way.
  let doneAt = report.endedAt;
  let checks = await verify(h, cases);
  for (let i = 0; i < 100 && !checks.everyMessageShowsFinalState; i++) {
    await new Promise((r) => setTimeout(r, 20));
    doneAt = epochNow();
    checks = await verify(h, cases);
  }
  const doneMs = doneAt - report.startedAt;
  const bareLoad = describeLoad(bareReport, level.concurrency);
  const service = describeLoad(report, level.concurrency);
  return {
    concurrency: level.concurrency,
    invokes: requests.length,
    bareBot: {
      invokesPerSecond: bareLoad.perSecond,
      latencyMs: bareLoad.latencyMs,
      statuses: bareLoad.statuses,
      mainThreadCpuMsPerInvoke: perClick(bareMs, requests.length),
    },
    service: {
      invokesPerSecond: service.perSecond,
      latencyMs: service.latencyMs,
      statuses: service.statuses,
      allStoredAndUpdatedMs: Math.round(doneMs),
      cardUpdates: h.fake.requests.filter((r) => r.op === 'update').length - updatesBefore,
      mainThreadCpuMsPerInvoke: perClick(serviceMs, requests.length),
    },
    ratioToBare: Math.round((service.perSecond / bareLoad.perSecond) * 100) / 100,
    cpuRatioToBare: Math.round((bareMs / serviceMs) * 100) / 100,
    checks,
  };
}

export async function benchTeamsInvokes(
  levels: ClickLevel[],
  stores = ['memory://', `sqlite://${join(scratchDir('bench-teams-'), 'teams.sqlite')}`],
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const load = new LoadClient();
  const bare = await startBareTeamsBot();
  try {
    for (const url of stores) {
      const h = await teamsHarness({ STORE_URL: url });
      try {
        const total = WARMUP_CASES + levels.reduce((n, l) => n + l.cases, 0);
        const t = performance.now();
        const all = await createCases(h, total);
        const createMs = performance.now() - t;
        const { results } = await measureLevels(all, levels, (level, cases) => runLevel(h, bare, load, level, cases));
        out[h.app.store.kind] = {
          casesCreatedThroughForm: total,
          caseCreationMs: Math.round(createMs),
          levels: results,
        };
      } finally {
        await h.close();
      }
    }
  } finally {
    await bare.close();
    await load.close();
  }
  return {
    setup:
      'one process: service (CloudAdapter without auth, engine, store) + fake Bot Connector on loopback + bare ' +
      'botbuilder bot; the load generator runs in a worker thread; an invoke is answered after the decision is ' +
      'stored and the case card updated (within the 8 s budget)',
    ...out,
  };
}
