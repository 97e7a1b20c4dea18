// Starts the service as `npm start` would, with the playground on, for browser and playground tests.
import { createService } from '../../adapters/service.js';
import type { App } from '../../src/app.js';
import { parseConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';

export async function startPlaygroundApp(env: Record<string, string> = {}): Promise<App & { url: string }> {
  const result = parseConfig({ STORE_URL: 'memory://', PORT: '0', HOST: '127.0.0.1', PLAYGROUND: 'on', ...env });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const { createAnswerEngine } = await import('../../src/answers/index.js');
  const logger = silentLogger();
  const answers = await createAnswerEngine({ knowledgeDir: result.config.knowledgeDir, logger });
  const app = await createService({ config: result.config, logger, answers, reminderIntervalMs: 0 });
  const port = await app.listen();
  return Object.assign(app, { url: `http://127.0.0.1:${port}` });
}
