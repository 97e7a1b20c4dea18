// The platform adapters the service knows; each decides from the configuration whether it is enabled.
import type { PlatformPlugin } from '../src/server/platform.js';
import { createSlackAdapter } from './slack/plugin.js';
import { createTeamsAdapter } from './teams/plugin.js';

export const platforms: PlatformPlugin[] = [createSlackAdapter(), createTeamsAdapter()];
