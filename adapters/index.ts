// The platform adapters the service knows; each decides from the configuration whether it is enabled, and its SDK
// is only loaded then: a Slack-only deployment never pays botbuilder's start-up time and memory, and vice versa.
import type { PlatformPlugin } from '../src/server/platform.js';
import { createExternalPage } from './external/plugin.js';
import { lazyPlugin } from './lazy-plugin.js';
import { slackEnabled } from './slack/enabled.js';
import { teamsEnabled } from './teams/auth-mode.js';

export const platforms: PlatformPlugin[] = [
  lazyPlugin('slack', slackEnabled, async () => (await import('./slack/plugin.js')).createSlackAdapter()),
  lazyPlugin('teams', teamsEnabled, async () => (await import('./teams/plugin.js')).createTeamsAdapter()),
  // Approvers outside the workspace, on with PUBLIC_URL: no SDK to load, so not lazy.
  createExternalPage(),
];
