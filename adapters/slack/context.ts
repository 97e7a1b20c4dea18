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

/**
 * A direct message with the bot: its channel id starts with D, and a slash command there also names the channel
 * "directmessage". A takeover cannot be started there (nobody else reads along).
 */
export function isDirectChannel(channelId: string, channelName?: string): boolean {
  return channelId.startsWith('D') || channelName === 'directmessage';
}
