// Whether Teams may run, and with or without authentication; free of botbuilder so it is cheap to ask at start-up.
import type { Config } from '../../src/config/load-config.js';
import { createLogger } from '../../src/log.js';

export type AuthMode = { mode: 'on' } | { mode: 'off'; warning: string } | { mode: 'refused'; reason: string };

/** Without an app id nobody's token can be checked: fine on a laptop, never in production. */
export function authMode(config: Config): AuthMode {
  if (config.teams.appId) return { mode: 'on' };
  if (config.nodeEnv === 'production') {
    return {
      mode: 'refused',
      reason:
        'Teams is disabled: MicrosoftAppId is not set, and without it anyone could post to /api/messages. ' +
        'Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId to enable Teams.',
    };
  }
  return {
    mode: 'off',
    warning:
      'Teams: MicrosoftAppId is not set, so /api/messages accepts UNAUTHENTICATED requests. ' +
      'Only for local testing (Microsoft 365 Agents Playground); this is refused when NODE_ENV=production.',
  };
}

const refusalLogged = new WeakSet<Config>();

/** The Teams plugin's enabled(): off only when authentication would be off in production, said once per config. */
export function teamsEnabled(config: Config): boolean {
  const auth = authMode(config);
  if (auth.mode !== 'refused') return true;
  // The plugin API has no logger before attach; say once per configuration why Teams stays off.
  if (!refusalLogged.has(config)) {
    refusalLogged.add(config);
    createLogger(config.logLevel).error({ platform: 'teams' }, auth.reason);
  }
  return false;
}
