// Builds the service from a Config: store, answer engine, scheduler, dialog engine, HTTP server and platforms.
import type { AnswerEngine } from './answers/types.js';
import { EXPORT_PATH } from './audit/export-link.js';
import { exportRoute } from './audit/export-route.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config/load-config.js';
import { DialogEngine } from './dialog/engine.js';
import { ExternalApprovals } from './external/external-approvals.js';
import { smtpMailer } from './external/mailer.js';
import { messages } from './i18n/messages.js';
import type { Logger } from './log.js';
import { Metrics } from './metrics.js';
import { InProcessScheduler } from './reminders/in-process-scheduler.js';
import type { ReminderScheduler } from './reminders/scheduler.js';
import { type DailyRetention, InProcessDailyRetention } from './retention/daily.js';
import { Retention } from './retention/retention.js';
import { createHttpServer, type HttpServer, sendJson } from './server/http-server.js';
import type { PlatformPlugin } from './server/platform.js';
import { createStore, storePrefixOf } from './store/create-store.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  answers: AnswerEngine;
  platforms: PlatformPlugin[];
  clock?: Clock;
  store?: Store;
  scheduler?: ReminderScheduler;
  /** Timer interval of the in-process scheduler; 0 in tests, which fire reminders themselves. */
  reminderIntervalMs?: number;
  /** How often the in-process retention timer looks for today's run (default hourly); 0 disables it. */
  retentionIntervalMs?: number;
}

export interface App {
  config: Config;
  metrics: Metrics;
  store: Store;
  engine: DialogEngine;
  /** Deletes closed cases older than RETENTION_MONTHS; `daily` runs it once a day. */
  retention: Retention;
  daily: DailyRetention;
  server: HttpServer;
  clock: Clock;
  logger: Logger;
  /** Approval links and the page's core, when PUBLIC_URL enables approvers outside the workspace. */
  external?: ExternalApprovals;
  /** Names of the platforms enabled by the config, simulated ones included. */
  enabledPlatforms: string[];
  /** Each platform as /healthz reports it: true, false, or "simulated". */
  platforms: Record<string, PlatformHealth>;
  /** Listens on config.port (0 = any free port) and returns the port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

export async function createApp(o: AppOptions): Promise<App> {
  const { config, logger } = o;
  const clock = o.clock ?? systemClock;
  const store = o.store ?? (await createStore(config.storeUrl, { prefix: storePrefixOf(config) }));
  const metrics = new Metrics({ defaultMetrics: true });
  // With Redis, every replica runs a BullMQ worker; without it, the embedded in-process scheduler.
  // BullMQ (and ioredis) load only when Redis is configured: the single-process default starts faster without them.
  const BullMqScheduler = config.redisUrl
    ? (await import('./reminders/bullmq-scheduler.js')).BullMqScheduler
    : undefined;
  const scheduler: ReminderScheduler =
    o.scheduler ??
    (config.redisUrl && BullMqScheduler
      ? new BullMqScheduler({
          redisUrl: config.redisUrl,
          store,
          clock,
          logger,
          prefix: 'overname',
          queueName: `reminders${config.storePrefix ? `-${config.storePrefix}` : ''}`,
          lockMs: config.reminderLockMs,
        })
      : new InProcessScheduler({ store, clock, logger, intervalMs: o.reminderIntervalMs ?? 30_000 }));
  const engine = new DialogEngine({
    store,
    answers: o.answers,
    clock,
    scheduler,
    logger,
    reminders: config.reminders,
    metrics,
    audit: { admins: config.auditAdmins, publicUrl: config.publicUrl },
    externalApprovers: config.externalLinks !== undefined,
    // Bound late: the approval links need the engine, the engine calls them once a case is posted.
    onCaseCreated: (caseId) => external?.sendLinks(caseId) ?? Promise.resolve(),
    emailLinks: config.externalLinks?.smtp !== undefined,
    onLinkAction: async (action) =>
      external ? external.linkAction(action) : { status: 'invalid', message: messages('nl').errors.malformed },
  });
  const retention = new Retention({ store, clock, months: config.retentionMonths, logger, metrics, scheduler });
  // As with reminders: with Redis one job scheduler for all replicas, else a timer in this process.
  const daily: DailyRetention = config.redisUrl
    ? new (await import('./retention/bullmq-daily.js')).BullMqDailyRetention({
        redisUrl: config.redisUrl,
        retention,
        logger,
        timeZone: config.reminders.timeZone,
        prefix: 'overname',
        queueName: `retention${config.storePrefix ? `-${config.storePrefix}` : ''}`,
      })
    : new InProcessDailyRetention({
        retention,
        store,
        clock,
        logger,
        timeZone: config.reminders.timeZone,
        intervalMs: o.retentionIntervalMs,
      });
  const server = createHttpServer(logger, metrics);
  const links = config.externalLinks;
  const external: ExternalApprovals | undefined = links
    ? new ExternalApprovals({
        store,
        engine,
        clock,
        logger,
        ...links,
        mailer: links.smtp ? smtpMailer(links.smtp.url, links.smtp.from) : undefined,
        knowledgeDir: config.knowledgeDir,
        timeZone: config.reminders.timeZone,
      })
    : undefined;
  const enabled = o.platforms.filter((p) => p.enabled(config));
  const platforms = platformHealth(o.platforms, enabled, config);

  server.route('GET', '/healthz', (_req, res) => {
    sendJson(res, 200, { status: 'ok', store: store.kind, platforms });
  });
  server.route('GET', '/readyz', async (_req, res) => {
    // Redis is checked over the reminder queue's own connection: a probe opens no connection of its own.
    const [storeOk, redisOk] = await Promise.all([store.ping(), scheduler.ping?.()]);
    const ready = storeOk && redisOk !== false;
    sendJson(res, ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      store: { kind: store.kind, ok: storeOk },
      ...(redisOk === undefined ? {} : { redis: { ok: redisOk } }),
    });
  });
  server.route('GET', '/metrics', async (_req, res) => {
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(body);
  });

  // Download links of exports (Teams, with PUBLIC_URL): checked and served here, on every platform's server.
  server.route('GET', EXPORT_PATH, exportRoute(engine.history));

  for (const platform of enabled) await platform.attach({ config, engine, server, store, logger, clock, external });
  await engine.start();
  await daily.start();

  let closing: Promise<void> | undefined;
  return {
    config,
    metrics,
    store,
    engine,
    retention,
    daily,
    server,
    clock,
    logger,
    external,
    enabledPlatforms: enabled.map((p) => p.name),
    platforms,
    listen: () => server.listen(config.port, config.host),
    close() {
      closing ??= (async () => {
        await server.close();
        for (const platform of enabled) await platform.close?.();
        // Side by side: each waits out its own grace period when Redis is away, and the shutdown should not add them.
        await Promise.all([daily.stop(), engine.stop()]);
        await store.close();
        external?.close();
      })();
      return closing;
    },
  };
}

/** true: enabled for real traffic; "simulated": enabled, but only a local stand-in talks to it; false: off. */
export type PlatformHealth = boolean | 'simulated';

function platformHealth(
  all: PlatformPlugin[],
  enabled: PlatformPlugin[],
  config: Config,
): Record<string, PlatformHealth> {
  const simulated = new Set(enabled.flatMap((p) => p.simulates?.(config) ?? []));
  return Object.fromEntries(
    all.map((p) => [p.name, !enabled.includes(p) ? false : simulated.has(p.name) ? 'simulated' : true]),
  );
}

// Lives with the store, so tools that open the store (the audit command) need not load the whole app.
export { storePrefixOf } from './store/create-store.js';
