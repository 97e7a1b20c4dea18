// What the process does with an error nobody caught: a stray rejected promise is logged (once a minute per kind)
// and the service keeps serving; an uncaught exception leaves state nobody can vouch for, so it is logged and the
// process exits for the supervisor to restart it (every acknowledged decision is already stored).
import type { Logger } from './log.js';

const QUIET_MS = 60_000;

export interface ProcessGuards {
  onRejection: (reason: unknown) => void;
  onException: (err: unknown) => void;
}

export function processGuards(logger: Logger, exit: (code: number) => void, now = Date.now): ProcessGuards {
  const lastLogged = new Map<string, number>();
  return {
    onRejection(reason) {
      const err = reason instanceof Error ? reason : new Error(String(reason));
      const kind = `${err.name}: ${err.message}`.slice(0, 200);
      const last = lastLogged.get(kind);
      if (last !== undefined && now() - last < QUIET_MS) return;
      if (lastLogged.size > 1000) lastLogged.clear();
      lastLogged.set(kind, now());
      logger.error({ err }, 'unhandled promise rejection; the service goes on');
    },
    onException(err) {
      logger.fatal({ err }, 'uncaught exception; exiting so the process can be restarted');
      logger.flush?.();
      exit(1);
    },
  };
}

export function installProcessGuards(logger: Logger): void {
  const guards = processGuards(logger, (code) => process.exit(code));
  process.on('unhandledRejection', guards.onRejection);
  process.on('uncaughtException', guards.onException);
}
