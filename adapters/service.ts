// Composition root: the app with every platform adapter and, when enabled, the local playground and its demo clock.
import type { AnswerEngine } from '../src/answers/types.js';
import { type App, createApp, storePrefixOf } from '../src/app.js';
import type { Clock } from '../src/clock.js';
import type { Config } from '../src/config/load-config.js';
import type { Logger } from '../src/log.js';
import { createStore } from '../src/store/create-store.js';
import { platforms } from './index.js';
import { DemoClock } from './playground/demo-clock.js';
import { createPlayground } from './playground/playground.js';

export interface ServiceOptions {
  config: Config;
  logger: Logger;
  answers: AnswerEngine;
  /** Base clock (tests); the playground adds its demo offset on top. */
  clock?: Clock;
  reminderIntervalMs?: number;
}

export async function createService(o: ServiceOptions): Promise<App> {
  if (!o.config.playground) {
    return createApp({
      config: o.config,
      logger: o.logger,
      answers: o.answers,
      platforms,
      clock: o.clock,
      reminderIntervalMs: o.reminderIntervalMs,
    });
  }
  // The demo clock exists only here, when the playground is on; production paths get the plain clock.
  const clock = new DemoClock(o.clock);
  const store = await createStore(o.config.storeUrl, { prefix: storePrefixOf(o.config) });
  const playground = await createPlayground(store, clock, o.logger);
  try {
    return await createApp({
      config: playground.configure(o.config),
      logger: o.logger,
      answers: o.answers,
      platforms: [...platforms, playground.plugin],
      clock,
      store,
      reminderIntervalMs: o.reminderIntervalMs,
    });
  } catch (err) {
    await playground.close();
    await store.close();
    throw err;
  }
}
