// Starts a takeover in the playground's own Slack channel or Teams chat, the way its tests set one up.
import { PLAYGROUND_SLACK, PLAYGROUND_TEAMS } from '../../adapters/playground/identities.js';
import type { App } from '../../src/app.js';
import type { StartResult } from '../../src/dialog/engine-types.js';

/** The playground personas' ids per platform. */
export const PERSONA_IDS = {
  slack: { requester: 'U0PGREQUEST', oldAdmin: 'U0PGOLDADMN', client: 'U0PGCLIENT0' },
  teams: { requester: '29:pg-requester', oldAdmin: '29:pg-old-admin', client: '29:pg-client' },
} as const;

/**
 * Rianne (or `user`) starts a case in the platform's playground conversation; `values` override the defaults:
 * administration 1001 from Oud to Nieuw, Otto and Karin as approvers and the requester as new environment admin.
 */
export function startPlaygroundCase(
  app: App,
  platform: 'slack' | 'teams',
  values: Record<string, string>,
  user: { id?: string; name?: string } = {},
): Promise<StartResult> {
  const ids = PERSONA_IDS[platform];
  const id = user.id ?? ids.requester;
  return app.engine.submitStart({
    platform,
    workspace: platform === 'slack' ? PLAYGROUND_SLACK.team : PLAYGROUND_TEAMS.tenant,
    conversation: platform === 'slack' ? PLAYGROUND_SLACK.channel : PLAYGROUND_TEAMS.conversation,
    user: { platform, id, name: user.name ?? 'Rianne de Vries' },
    values: {
      administrations: '1001',
      oldEnvironment: 'Oud',
      newEnvironment: 'Nieuw',
      oldEnvironmentAdmin: ids.oldAdmin,
      client: ids.client,
      newEnvironmentAdmin: id,
      ...values,
    },
  });
}

/** A persona (the requester by default) types `text` in the playground's Slack channel or Teams chat. */
export function playgroundSay(url: string, platform: string, text: string, as = 'requester'): Promise<Response> {
  return fetch(`${url}/playground/say`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform, as, text }),
  });
}
