// What the Slack listeners handle: the request guard acknowledges everything else at once instead of letting Bolt wait.

/** The one slash command (manifest/slack/manifest.json). */
export const SLASH_COMMAND = '/overname';

/** Events API types with a listener (listeners/events.ts). */
export const HANDLED_EVENTS: ReadonlySet<string> = new Set(['app_mention', 'message', 'app_home_opened']);

/** Modal callback ids with a listener (listeners/views.ts). */
export const VIEW_START = 'startCase';
export const VIEW_REJECT_REASON = 'rejectReason';
export const HANDLED_VIEWS: ReadonlySet<string> = new Set([VIEW_START, VIEW_REJECT_REASON]);
