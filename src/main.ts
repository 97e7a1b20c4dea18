// Entry point: validate configuration, build the app with the platform adapters, serve, and shut down cleanly.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService } from '../adapters/service.js';
import { createAnswerEngine } from './answers/index.js';
import { loadDotEnv, parseConfig } from './config/load-config.js';
import { createLogger, prettyLogs } from './log.js';
import { installProcessGuards } from './process-guards.js';

async function main(): Promise<void> {
  try {
    loadDotEnv();
  } catch (err) {
    console.error(`.env: ${(err as Error).message}`);
    process.exit(1);
  }
  const result = parseConfig(process.env);
  if (!result.ok) {
    console.error('Configuration error — the service did not start:');
    for (const line of result.problems) console.error(`  ${line}`);
    process.exit(1);
  }
  const { config } = result;
  const logger = createLogger(config.logLevel, undefined, { pretty: prettyLogs(config.nodeEnv) });
  installProcessGuards(logger);
  const started = Date.now();
  // The shipped articles live beside the code, wherever the service is started from.
  const root = fileURLToPath(new URL('..', import.meta.url));
  const knowledgeDir = isAbsolute(config.knowledgeDir) ? config.knowledgeDir : resolve(root, config.knowledgeDir);
  const answers = await createAnswerEngine({ knowledgeDir, openai: config.openai, logger });
  const app = await createService({ config, logger, answers });
  const port = await app.listen();
  logger.info(
    {
      port,
      store: app.store.kind,
      platforms: app.platforms,
      openai: !!config.openai,
      startupMs: Date.now() - started,
    },
    `Overname-assistent listening on http://localhost:${port}`,
  );
  if (config.playground) logger.info(`Open http://localhost:${port}/ to try it`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close();
      logger.info('stopped cleanly');
      logger.flush?.();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(`Start-up failed: ${(err as Error).message}`);
  process.exit(1);
});
