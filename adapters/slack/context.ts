// What every Slack listener needs: the engine, the store, the messenger, the user directory and a logger.
import type { DialogEngine } from '../../src/dialog/engine.js';
import type { UserRef } from '../../src/domain/case.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import type { SlackMessenger } from './messenger.js';
import type { SlackUsers } from './users.js';

export interface SlackDeps {
  engine: DialogEngine;
  store: Store;
  logger: Logger;
  messenger: SlackMessenger;
  users: SlackUsers;
}

export function slackUser(id: string, name?: string): UserRef {
  return name ? { platform: 'slack', id, name } : { platform: 'slack', id };
}

/** Direct-message channel ids start with D; a takeover cannot be started there (nobody else reads along). */
export function isDirectChannel(channelId: string): boolean {
  return channelId.startsWith('D');
}
