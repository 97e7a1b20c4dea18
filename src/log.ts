// Structured JSON logs with pino; secrets are redacted by path so they never reach a log line.
import pino from 'pino';

export type Logger = pino.Logger;

const REDACT = [
  // The Config object (src/config/load-config.ts), should it ever be logged whole.
  'config.slack.botToken',
  'config.slack.signingSecret',
  'config.slack.appToken',
  'config.teams.appPassword',
  'config.openai.apiKey',
  // The same fields one level down anywhere, and the usual names.
  '*.botToken',
  '*.signingSecret',
  '*.appToken',
  '*.appPassword',
  '*.apiKey',
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
