// Events API: an @mention in a channel or a direct message is a question, answered in its thread, once per event;
// opening the app's Home tab shows the person's takeovers.
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import { ConversationGoneError } from '../../../src/dialog/view.js';
import { languageFromLocale } from '../../../src/i18n/language.js';
import { slackErrorCode } from '../client.js';
import { type SlackDeps, slackUser } from '../context.js';
import { fromSlackText } from '../mrkdwn.js';
import { slackTexts, withSlackHelp } from '../texts.js';

/** Slack's answers for a thread or message that is not there: the question's message was deleted meanwhile. */
const NOWHERE_TO_ANSWER = new Set(['thread_not_found', 'message_not_found', 'cant_reply']);

/** Slack retries an event up to three times within about an hour; a key lives that long. */
export const EVENT_DEDUP_TTL_MS = 3_600_000;

interface Asked {
  team: string;
  channel: string;
  /** The thread the answer goes in: the message's own thread, or the message itself as a new thread's root. */
  thread: string;
  user: string;
  text: string;
  direct: boolean;
}

/** The fields of a message event this adapter reads, whatever its subtype. */
interface PlainMessage {
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
}

/** A person's message as a question, answered in its thread; undefined for bots, edits and the bot's own messages. */
function question(e: PlainMessage, team: string | undefined, botUserId: string | undefined, direct: boolean) {
  if (e.bot_id || e.subtype || !e.user || e.user === botUserId) return undefined;
  return {
    team: team ?? '',
    channel: e.channel,
    thread: e.thread_ts ?? e.ts,
    user: e.user,
    text: fromSlackText(e.text ?? '', botUserId),
    direct,
  } satisfies Asked;
}

export function registerEvents(app: App, deps: SlackDeps): void {
  app.use(dedupeEvents(deps));

  app.event('app_mention', async ({ event, body, context }) => {
    const asked = question(event as PlainMessage, body.team_id ?? context.teamId, context.botUserId, false);
    if (asked) await answer(deps, asked);
  });

  app.event('message', async ({ event, body, context }) => {
    // The union of message subtypes is wide; only a person's plain message in a DM with the bot is a question.
    const e = event as unknown as PlainMessage;
    if (e.channel_type !== 'im' || !e.text?.trim()) return;
    const asked = question(e, body.team_id ?? context.teamId, context.botUserId, true);
    if (asked) await answer(deps, asked);
  });

  // The Messages tab opens with the same event (tab "messages"): only the Home tab has a page to publish.
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    const info = await deps.users.get(event.user);
    const language = languageFromLocale(info?.locale) ?? 'nl';
    await deps.engine.takeovers.opened(slackUser(event.user, info?.name), language);
  });
}

/**
 * Bolt does not de-duplicate: a retry (X-Slack-Retry-Num, same event_id) after a slow or lost ack would answer
 * twice. The store's atomic insert lets exactly one delivery through, across replicas too.
 */
function dedupeEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const b = body as { type?: unknown; event_id?: unknown };
    if (b.type === 'event_callback' && typeof b.event_id === 'string') {
      const first = await deps.store.setIfAbsent(`slack:event:${b.event_id}`, 1, EVENT_DEDUP_TTL_MS);
      if (!first) {
        deps.logger.info({ eventId: b.event_id, retryNum: context.retryNum }, 'slack event retry ignored');
        return;
      }
    }
    await next();
  };
}

async function answer(deps: SlackDeps, q: Asked): Promise<void> {
  const target = { platform: 'slack' as const, workspace: q.team, conversation: q.channel, thread: q.thread };
  const info = await deps.users.get(q.user);
  try {
    const reply = await deps.engine.handleMessage({
      platform: 'slack',
      workspace: q.team,
      conversation: q.channel,
      thread: q.thread,
      user: slackUser(q.user, info?.name),
      text: q.text,
      locale: info?.locale,
      direct: q.direct,
    });
    // A "start" reply carries the form; an event has no trigger_id to open it, so it renders as a start button.
    for (const view of reply.views) await deps.messenger.post(target, withSlackHelp(view));
  } catch (err) {
    // Slack says the place to answer is not there (or no longer): nothing is wrong here, and nowhere to say so.
    if (err instanceof ConversationGoneError || NOWHERE_TO_ANSWER.has(slackErrorCode(err) ?? '')) {
      deps.logger.warn(
        { channel: q.channel, reason: slackErrorCode(err) ?? (err as Error).message },
        'question not answered: Slack has no place for the answer',
      );
      return;
    }
    deps.logger.error({ err, channel: q.channel }, 'answering a Slack message failed');
    const text = slackTexts(languageFromLocale(info?.locale) ?? 'nl').failed;
    await deps.messenger.post(target, { kind: 'text', text }).catch(() => {});
  }
}
