// Structured logs with pino (JSON, or readable lines on a developer's terminal); secrets are redacted by path.
import { createRequire } from 'node:module';
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

export interface LoggerOptions {
  /** Readable lines instead of JSON; see prettyLogs(). */
  pretty?: boolean;
}

/** Readable lines only for a person at a terminal outside production; log collectors and pipes get JSON. */
export function prettyLogs(nodeEnv: string, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdout.isTTY === true && nodeEnv !== 'production';
}

export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  { pretty = false }: LoggerOptions = {},
): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'overname-assistent' } },
    pretty ? prettyDestination(destination) : destination,
  );
}

/**
 * Formats each line as it is written, synchronously: pino-pretty's own stream (or a transport worker) is
 * asynchronous, and would lose the last lines ("stopped cleanly") when the process exits right after logging them.
 * Redaction has already happened in pino by then, so pretty lines hide the same secrets as JSON ones.
 */
function prettyDestination(destination?: pino.DestinationStream): pino.DestinationStream {
  // Loaded only when asked for: production, which logs JSON, never pays for it.
  const { prettyFactory, isColorSupported } = createRequire(import.meta.url)(
    'pino-pretty',
  ) as typeof import('pino-pretty');
  const format = prettyFactory({
    colorize: destination === undefined && isColorSupported,
    ignore: 'app',
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
  });
  const out = destination ?? pino.destination({ fd: 1, sync: true });
  return { write: (line: string) => out.write(format(line)) };
}

/** A logger that discards everything; for tests and the CLI. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
