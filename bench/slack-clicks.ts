// Slack approval clicks: signed block_actions at 1, 10 and 50 in flight against the service and a bare Bolt app.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { renderMessage } from '../adapters/slack/render-blocks.js';
import {
  buttonsOf,
  CHANNEL,
  fillModal,
  PEOPLE,
  type SlackHarness,
  startSlackApp,
  VALID_START,
} from '../test/helpers/slack-app.js';
import { type SendOptions, SIGNING_SECRET, SlackSender, slackSignature } from '../test/helpers/slack-requests.js';
import { type BareServer, startBareBolt } from './bare.js';
import { type ClickLevel, DEFAULT_LEVELS, measureLevels, WARMUP_CASES } from './levels.js';
import { busy, describeLoad, epochNow, LoadClient, type PreparedRequest, perClick, sampleRss } from './load.js';
import { profiled } from './profile.js';
import { mb, scratchDir } from './stats.js';
import { verifyApprovals } from './verify.js';

interface SlackCase {
  id: string;
  ts: string;
}

/** Builds signed requests exactly like SlackSender, without sending them. */
class RequestBuilder extends SlackSender {
  private captured?: PreparedRequest;

  override async post(body: string, contentType: string, o: SendOptions = {}): Promise<Response> {
    const timestamp = Math.floor(Date.now() / 1000);
    this.captured = {
      body,
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
        ...o.headers,
      },
    };
    return new Response(null, { status: 204 });
  }

  async approvals(cases: SlackCase[]): Promise<PreparedRequest[]> {
    const out: PreparedRequest[] = [];
    // A case's three approvals next to each other: under concurrency they race for the same case message.
    for (const c of cases) {
      for (const [user, role] of [
        [PEOPLE.oldAdmin.id, 'oldEnvironmentAdmin'],
        [PEOPLE.client.id, 'client'],
        [PEOPLE.requester.id, 'newEnvironmentAdmin'],
      ] as const) {
        await this.action({ user, actionId: `approve:${role}`, value: c.id, channel: CHANNEL, messageTs: c.ts });
        out.push(this.captured!);
      }
    }
    return out;
  }
}

/** Cases created the way a person does: /overname start, then the modal submitted; 10 at a time. */
async function createCases(h: SlackHarness, n: number, from: number): Promise<SlackCase[]> {
  const before = new Set(h.fake.channelMessages(CHANNEL).map((m) => m.ts));
  const one = async (i: number) => {
    const payload = h.slack.commandPayload(PEOPLE.requester.id, CHANNEL, 'start');
    await (await h.slack.post(new URLSearchParams(payload).toString(), 'application/x-www-form-urlencoded')).text();
    const opened = await h.fake.waitFor(() => h.fake.views.find((v) => v.trigger_id === payload.trigger_id));
    const res = await h.slack.submit(
      PEOPLE.requester.id,
      { callback_id: 'startCase', private_metadata: String(opened.view.private_metadata) },
      fillModal(opened.view, { ...VALID_START, clientName: `Klant ${from + i} B.V.` }),
    );
    if (res.status !== 200 || (await res.text()) !== '') throw new Error('start modal refused');
  };
  for (let i = 0; i < n; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, j) => one(i + j)));
  }
  await h.settle();
  const created = h.fake
    .channelMessages(CHANNEL)
    .filter((m) => !before.has(m.ts))
    .map((m) => ({ id: buttonsOf(m.blocks)[0]?.[1] ?? '', ts: m.ts }));
  if (created.length !== n || created.some((c) => !c.id)) throw new Error(`created ${created.length} of ${n} cases`);
  return created;
}

/** Every decision stored, every case approved, and every case message showing exactly the stored state. */
function verify(h: SlackHarness, cases: SlackCase[]) {
  return verifyApprovals(h.app.engine, cases, (c, stored) => {
    const shown = h.fake.message(CHANNEL, c.ts);
    return !!shown && isDeepStrictEqual(shown.blocks, renderMessage(stored).blocks);
  });
}

/** One level: the bare app, then the service with the same requests, its background work awaited and checked. */
async function runLevel(h: SlackHarness, bare: BareServer, load: LoadClient, level: ClickLevel, cases: SlackCase[]) {
  const builder = new RequestBuilder(h.app.url, h.fake);
  const bareBusy = busy();
  const bareReport = await load.run({
    url: bare.url,
    requests: await builder.approvals(cases),
    concurrency: level.concurrency,
  });
  const bareMs = bareBusy();
  const updatesBefore = h.fake.callsOf('chat.update').length;
  const requests = await builder.approvals(cases);
  const rss = sampleRss();
  const serviceBusy = busy();
  const [report, doneAt] = await profiled(`slack-${h.app.store.kind}-c${level.concurrency}`, async () => {
    const r = await load.run({ url: `${h.app.url}/slack/events`, requests, concurrency: level.concurrency });
    await h.settle();
    return [r, Math.max(epochNow(), r.endedAt)] as const;
  });
  const serviceMs = serviceBusy();
  const memory = rss.stop();
  const storedMs = doneAt - report.startedAt;
  const bareLoad = describeLoad(bareReport, level.concurrency);
  const ack = describeLoad(report, level.concurrency);
  const donePerSecond = Math.round(requests.length / (storedMs / 1000));
  return {
    concurrency: level.concurrency,
    clicks: requests.length,
    bareBolt: {
      acksPerSecond: bareLoad.perSecond,
      ackLatencyMs: bareLoad.latencyMs,
      statuses: bareLoad.statuses,
      mainThreadCpuMsPerClick: perClick(bareMs, requests.length),
    },
    service: {
      acksPerSecond: ack.perSecond,
      ackLatencyMs: ack.latencyMs,
      statuses: ack.statuses,
      allStoredAndUpdatedMs: Math.round(storedMs),
      decisionsPerSecondStoredAndUpdated: donePerSecond,
      chatUpdates: h.fake.callsOf('chat.update').length - updatesBefore,
      mainThreadCpuMsPerClick: perClick(serviceMs, requests.length),
      rssPeakMb: memory.peakMb,
    },
    ratioToBare: Math.round((donePerSecond / bareLoad.perSecond) * 100) / 100,
    ackRatioToBare: Math.round((ack.perSecond / bareLoad.perSecond) * 100) / 100,
    /** Main-thread CPU per ack of the bare app ÷ per decision of the service: the ratio on a quiet, CPU-bound core. */
    cpuRatioToBare: Math.round((bareMs / serviceMs) * 100) / 100,
    checks: await verify(h, cases),
  };
}

/** A 50-in-flight burst while the fake Slack answers chat.update after random delays, reordering them if it can. */
async function jitterBurst(h: SlackHarness, load: LoadClient, cases: SlackCase[]) {
  h.fake.updateJitterMs = 40;
  const requests = await new RequestBuilder(h.app.url, h.fake).approvals(cases);
  const report = await load.run({ url: `${h.app.url}/slack/events`, requests, concurrency: 50 });
  await h.settle();
  h.fake.updateJitterMs = 0;
  return {
    clicks: requests.length,
    updateJitterMs: 40,
    allStoredAndUpdatedMs: Math.round(Math.max(epochNow(), report.endedAt) - report.startedAt),
    checks: await verify(h, cases),
  };
}

export async function benchSlackClicks(
  levels: ClickLevel[] = DEFAULT_LEVELS,
  stores = ['memory://', `sqlite://${join(scratchDir('bench-slack-'), 'slack.sqlite')}`],
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const load = new LoadClient();
  const bare = await startBareBolt(SIGNING_SECRET);
  try {
    for (const url of stores) {
      const h = await startSlackApp({ STORE_URL: url });
      try {
        const jitter = 50;
        const total = WARMUP_CASES + jitter + levels.reduce((n, l) => n + l.cases, 0);
        const t = performance.now();
        const all = await createCases(h, total, 0);
        const createMs = performance.now() - t;
        const rssBeforeClicksMb = mb(process.memoryUsage.rss());
        const { results, next } = await measureLevels(all, levels, (level, cases) =>
          runLevel(h, bare, load, level, cases),
        );
        out[h.app.store.kind] = {
          casesCreatedThroughModal: total,
          caseCreationMs: Math.round(createMs),
          rssBeforeClicksMb,
          levels: results,
          burstWithReorderingFakeSlack: await jitterBurst(h, load, all.slice(next, next + jitter)),
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
      'one process: service (real Bolt receiver, engine, store) + fake Slack Web API on loopback + bare Bolt app; ' +
      'the load generator runs in a worker thread; LOG_LEVEL silent',
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
  const ratios = per((r) => Object.fromEntries(r.levels.map((l) => [`c${l.concurrency}`, l.ratioToBare])));
  const p99At10 = per((r) => r.levels.find((l) => l.concurrency === 10)?.service.ackLatencyMs.p99);
  const burst = (r: StoreResult) =>
    r.levels.filter((l) => l.concurrency >= 50).every((l) => l.checks.everyMessageShowsFinalState) &&
    r.burstWithReorderingFakeSlack.checks.everyMessageShowsFinalState;
  return {
    decisionsPerSecondAtLeastHalfOfBareAcks: {
      ratios,
      met: stores.every(([, r]) => r.levels.every((l) => l.ratioToBare >= 0.5)),
    },
    ackP99Under50msAt10: { p99Ms: p99At10, met: Object.values(p99At10).every((v) => v !== undefined && v < 50) },
    everyMessageShowsFinalStateAfter50Burst: stores.every(([, r]) => burst(r)),
  };
}
