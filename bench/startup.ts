// The service as its own process: cold start until /healthz answers, then resident memory idle and under clicks.
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { PEOPLE } from '../test/helpers/slack-app.js';
import { SIGNING_SECRET, SlackSender } from '../test/helpers/slack-requests.js';
import { describeLoad, epochNow, LoadClient } from './load.js';
import { type ServiceProcess, sampleRssOf, startServiceProcess } from './service-process.js';
import { allShowApproved, createCases, signedApprovals } from './slack-cases.js';
import { scratchDir } from './stats.js';

export async function benchStartup(clickCases = 150): Promise<Record<string, unknown>> {
  const fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
  const load = new LoadClient();
  let service: ServiceProcess | undefined;
  try {
    // From an empty folder: the default STORE_URL (sqlite://data/overname.sqlite) lands there.
    service = await startServiceProcess(
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl },
      scratchDir('bench-start-'),
    ).catch(() => undefined);
    if (!service) return { coldStartToHealthzMs: null };
    await new Promise((r) => setTimeout(r, 1000));
    const rssIdleMb = await service.rssMb();
    const slack = new SlackSender(service.url, fake);
    const cases = await createCases(fake, slack, clickCases);
    const rssAfterCasesMb = await service.rssMb();
    const requests = await signedApprovals(slack, cases);
    const rss = sampleRssOf(service.pid);
    const report = await load.run({ url: `${service.url}/slack/events`, requests, concurrency: 10 });
    await fake.waitFor(() => allShowApproved(fake, cases), 30_000);
    const allShownMs = Math.round(epochNow() - report.startedAt);
    const rssPeakMb = await rss.stop();
    return {
      setup: 'src/main.ts in a child process (default SQLite store, LOG_LEVEL silent), Slack against a fake Web API',
      coldStartToHealthzMs: service.coldStartMs,
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
    await service?.stop();
    await load.close();
    await fake.close();
  }
}
