// Starts the real service (HTTP server, engine, store, platforms) on a free loopback port for integration tests.
import { platforms as allPlatforms } from '../../adapters/index.js';
import { type App, createApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config/load-config.js';
import { type Logger, silentLogger } from '../../src/log.js';
import type { PlatformPlugin } from '../../src/server/platform.js';
import type { Store } from '../../src/store/store.js';

export interface TestApp extends App {
  url: string;
  clock: ManualClock;
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: { platforms?: PlatformPlugin[]; start?: string; logger?: Logger; store?: Store } = {},
): Promise<TestApp> {
  const result = parseConfig({
    STORE_URL: 'memory://',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...env,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const { createAnswerEngine } = await import('../../src/answers/index.js');
  const logger = options.logger ?? silentLogger();
  const answers = await createAnswerEngine({ knowledgeDir: result.config.knowledgeDir, logger });
  const clock = new ManualClock(options.start ?? '2026-11-23T10:00:00+01:00');
  const app = await createApp({
    config: result.config,
    logger,
    answers,
    platforms: options.platforms ?? allPlatforms,
    clock,
    reminderIntervalMs: 0,
    store: options.store,
  });
  const port = await app.listen();
  return Object.assign(app, { url: `http://127.0.0.1:${port}`, clock });
}
