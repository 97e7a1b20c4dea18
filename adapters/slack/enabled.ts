// Whether Slack runs: both credentials configured. Free of Bolt, so asking costs nothing at start-up.
import type { Config } from '../../src/config/load-config.js';

export function slackEnabled(config: Config): boolean {
  return config.slack !== undefined;
}
