// A real pino logger that keeps its lines in memory, so tests can say what was logged and at which level.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface CapturedLog {
  logger: Logger;
  lines: LogLine[];
  /** Lines at warn (40) or above. */
  warnings(): LogLine[];
  /** Lines at error (50) or above. */
  errors(): LogLine[];
  clear(): void;
}

export function captureLog(level = 'info'): CapturedLog {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    lines,
    warnings: () => lines.filter((l) => l.level >= 40),
    errors: () => lines.filter((l) => l.level >= 50),
    clear: () => {
      lines.length = 0;
    },
  };
}
