// Builds the service from a Config: store, answer engine, scheduler, dialog engine, HTTP server and platforms.
import type { AnswerEngine } from './answers/types.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config/load-config.js';
import { DialogEngine } from './dialog/engine.js';
import type { Logger } from './log.js';
import { InProcessScheduler } from './reminders/in-process-scheduler.js';
import type { ReminderScheduler } from './reminders/scheduler.js';
import { createHttpServer, type HttpServer, sendJson } from './server/http-server.js';
import type { PlatformPlugin } from './server/platform.js';
import { createStore } from './store/create-store.js';
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
}

export interface App {
  config: Config;
  store: Store;
  engine: DialogEngine;
  server: HttpServer;
  clock: Clock;
  logger: Logger;
  /** Listens on config.port (0 = any free port) and returns the port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

export async function createApp(o: AppOptions): Promise<App> {
  const { config, logger } = o;
  const clock = o.clock ?? systemClock;
  const store = o.store ?? (await createStore(config.storeUrl));
  const scheduler =
    o.scheduler ?? new InProcessScheduler({ store, clock, logger, intervalMs: o.reminderIntervalMs ?? 30_000 });
  const engine = new DialogEngine({ store, answers: o.answers, clock, scheduler, logger, reminders: config.reminders });
  const server = createHttpServer(logger);
  const enabled = o.platforms.filter((p) => p.enabled(config));
  const platforms = Object.fromEntries(o.platforms.map((p) => [p.name, enabled.includes(p)]));

  server.route('GET', '/healthz', (_req, res) => {
    sendJson(res, 200, { status: 'ok', store: store.kind, platforms });
  });
  server.route('GET', '/readyz', async (_req, res) => {
    const storeOk = await store.ping();
    sendJson(res, storeOk ? 200 : 503, {
      status: storeOk ? 'ready' : 'not ready',
      store: { kind: store.kind, ok: storeOk },
    });
  });

  for (const platform of enabled) await platform.attach({ config, engine, server, store, logger, clock });
  await engine.start();

  let closing: Promise<void> | undefined;
  return {
    config,
    store,
    engine,
    server,
    clock,
    logger,
    listen: () => server.listen(config.port, config.host),
    close() {
      closing ??= (async () => {
        await server.close();
        for (const platform of enabled) await platform.close?.();
        await engine.stop();
        await store.close();
      })();
      return closing;
    },
  };
}
