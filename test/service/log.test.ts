// The logger redacts secrets wherever the service might log them: the config, a client's options, request headers.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/log.js';

describe('createLogger', () => {
  it('never writes a configured secret, also when the whole config is logged', () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxb-secret-bot-token',
      SLACK_SIGNING_SECRET: 'secret-signing',
      SLACK_APP_TOKEN: 'xapp-secret-app-token',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret-ms-password',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
      OPENAI_API_KEY: 'sk-secret-openai',
    };
    const result = parseConfig({ STORE_URL: 'memory://', ...secrets });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info({ config: result.config }, 'started');
    log.info({ client: { botToken: secrets.SLACK_BOT_TOKEN, apiKey: secrets.OPENAI_API_KEY } }, 'client');
    expect(out).toContain('started');
    expect(out).toContain('[redacted]');
    for (const [name, value] of Object.entries(secrets)) {
      if (name.endsWith('Id')) continue;
      expect(out, name).not.toContain(value);
    }
  });
});
