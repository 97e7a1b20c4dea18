// The Slack Web API client settings (base URL, retries, timeout) and how its errors are classified.
import type { Authorize, AuthorizeResult, Logger as BoltLogger } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import type { SlackTransport } from './transport.js';

export type WebClient = webApi.WebClient;

/**
 * Retries network errors, 5xx and 429 (after Retry-After) a few times within seconds, not Slack's default half hour:
 * renders run under a 30-second store lock (store/lock.ts), and a failed render stays marked dirty for repair.
 */
export const RETRY_CONFIG: webApi.RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 300,
  maxTimeout: 4000,
  randomize: true,
};

export function webClientOptions(
  apiUrl: string | undefined,
  logger: BoltLogger,
  transport: SlackTransport,
): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    fetch: transport.fetch,
    retryConfig: RETRY_CONFIG,
    rejectRateLimitedCalls: false,
    // No `timeout` here: the transport (transport.ts) times requests out after 10 s.
    logger,
  };
}

export function createWebClient(token: string, options: webApi.WebClientOptions): WebClient {
  return new webApi.WebClient(token, options);
}

/** Slack's error code ("channel_not_found") of a failed Web API call, if it was Slack that said no. */
export function slackErrorCode(err: unknown): string | undefined {
  if (err instanceof webApi.WebAPIPlatformError) return err.data.error;
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Errors that mean the bot can no longer post in the conversation; the core then stops the case's messages. */
export const CONVERSATION_GONE = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'account_inactive',
  'team_access_not_granted',
  'team_not_found',
]);

/**
 * Bolt's authorize for one workspace and one bot token. auth.test (the bot's own ids, so Bolt can ignore the bot's
 * messages) runs on the first request and is remembered; a failure is not, so Slack being down at start-up is harmless.
 */
export function botAuthorize(client: WebClient, botToken: string): Authorize<boolean> {
  let ids: Promise<Pick<AuthorizeResult, 'botId' | 'botUserId'>> | undefined;
  return async () => {
    ids ??= client.auth.test().then(
      (r) => ({ botId: r.bot_id, botUserId: r.user_id }),
      (err: unknown) => {
        ids = undefined;
        throw err;
      },
    );
    return { botToken, ...(await ids) };
  };
}
