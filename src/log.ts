// Structured JSON logs with pino; secrets are redacted by path so they never reach a log line.
import pino from 'pino';

export type Logger = pino.Logger;

const REDACT = [
  'config.slackBotToken',
  'config.slackSigningSecret',
  'config.slackAppToken',
  'config.microsoftAppPassword',
  'config.openaiApiKey',
  'config.azureOpenaiApiKey',
  '*.token',
  '*.password',
  '*.secret',
  '*.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'overname-assistent' } },
    destination,
  );
}

/** A logger that discards everything; for tests and the CLI. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
