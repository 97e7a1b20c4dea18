// The service as its own process: cold start until /healthz answers, then resident memory idle and under clicks.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { blockText, buttonsOf, CHANNEL, fillModal, PEOPLE, VALID_START } from '../test/helpers/slack-app.js';
import { SIGNING_SECRET, SlackSender, slackSignature } from '../test/helpers/slack-requests.js';
import { describeLoad, LoadClient, type PreparedRequest } from './load.js';
import { scratchDir } from './stats.js';

const TSX = import.meta.resolve('tsx');
const APPROVED = 'Akkoord — klaar om over te zetten';

/** A port free right now: the service is told it (PORT), so no log line has to be parsed to find it. */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

async function rssMb(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
}

function sampleChildRss(pid: number, everyMs = 50) {
  let peak = 0;
  const timer = setInterval(() => {
    void rssMb(pid).then((mb) => {
      peak = Math.max(peak, mb ?? 0);
    });
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      return Math.max(peak, (await rssMb(pid)) ?? 0);
    },
  };
}

/** Approvals signed like Slack signs them, for cases the fake Slack shows in the channel. */
function approvals(fake: FakeSlackApi, cases: { id: string; ts: string }[]): PreparedRequest[] {
  const out: PreparedRequest[] = [];
  const capture = new SlackSender('http://unused', fake);
  capture.post = async (body, contentType) => {
    const timestamp = Math.floor(Date.now() / 1000);
    out.push({
      body,
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
      },
    });
    return new Response(null);
  };
  for (const c of cases) {
    for (const [user, role] of [
      [PEOPLE.oldAdmin.id, 'oldEnvironmentAdmin'],
      [PEOPLE.client.id, 'client'],
      [PEOPLE.requester.id, 'newEnvironmentAdmin'],
    ] as const) {
      void capture.action({ user, actionId: `approve:${role}`, value: c.id, channel: CHANNEL, messageTs: c.ts });
    }
  }
  return out;
}

async function createCases(fake: FakeSlackApi, slack: SlackSender, n: number) {
  for (let i = 0; i < n; i++) {
    const payload = slack.commandPayload(PEOPLE.requester.id, CHANNEL, 'start');
    await (await slack.post(new URLSearchParams(payload).toString(), 'application/x-www-form-urlencoded')).text();
    const opened = await fake.waitFor(() => fake.views.find((v) => v.trigger_id === payload.trigger_id));
    await (
      await slack.submit(
        PEOPLE.requester.id,
        { callback_id: 'startCase', private_metadata: String(opened.view.private_metadata) },
        fillModal(opened.view, { ...VALID_START, clientName: `Klant ${i} B.V.` }),
      )
    ).text();
  }
  const cases = await fake.waitFor(() => {
    const shown = fake.channelMessages(CHANNEL);
    return shown.length === n && shown;
  }, 30_000);
  return cases.map((m) => ({ id: buttonsOf(m.blocks)[0]?.[1] ?? '', ts: m.ts }));
}

export async function benchStartup(clickCases = 150): Promise<Record<string, unknown>> {
  const root = resolve(import.meta.dirname, '..');
  const fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX, join(root, 'src/main.ts')], {
    // From an empty folder: the default STORE_URL (sqlite://data/overname.sqlite) lands there.
    cwd: scratchDir('bench-start-'),
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      PLAYGROUND: 'off',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    },
    stdio: 'ignore',
  });
  const load = new LoadClient();
  try {
    const url = `http://127.0.0.1:${port}`;
    let healthy = false;
    while (!healthy && performance.now() - started < 30_000) {
      healthy = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 10));
    }
    const coldStartMs = Math.round(performance.now() - started);
    if (!healthy) return { coldStartToHealthzMs: null };
    await new Promise((r) => setTimeout(r, 1000));
    const rssIdleMb = await rssMb(child.pid!);
    const cases = await createCases(fake, new SlackSender(url, fake), clickCases);
    const rssAfterCasesMb = await rssMb(child.pid!);
    const requests = approvals(fake, cases);
    const rss = sampleChildRss(child.pid!);
    const report = await load.run({ url: `${url}/slack/events`, requests, concurrency: 10 });
    await fake.waitFor(
      () => cases.every((c) => blockText(fake.message(CHANNEL, c.ts)?.blocks ?? []).includes(APPROVED)),
      30_000,
    );
    const allShownMs = Math.round(performance.timeOrigin + performance.now() - report.startedAt);
    const rssPeakMb = await rss.stop();
    return {
      setup: 'src/main.ts in a child process (default SQLite store, LOG_LEVEL silent), Slack against a fake Web API',
      coldStartToHealthzMs: coldStartMs,
      rssIdleMb,
      rssAfterCasesMb,
      clicksAtConcurrency10: {
        ...describeLoad(report, 10),
        allShownApprovedMs: allShownMs,
        rssPeakMb,
      },
    };
  } finally {
    // Let it close its store before the folder goes.
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    await load.close();
    await fake.close();
  }
}
