// The bot's turn logic: remember where each conversation is, answer messages, card presses and installs.
import { ActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import { baseConversationId, inboundMessage } from './activity.js';
import type { TeamsDeps } from './deps.js';
import { handleCardInvoke } from './invoke.js';
import { handleMessage } from './message-turn.js';
import { withRetry } from './retry.js';
import { viewActivity } from './view-activity.js';

const WELCOME_ONCE_MS = 60_000;

export class TeamsBot extends ActivityHandler {
  constructor(private readonly d: TeamsDeps) {
    super();
    // Every activity refreshes the conversation reference first: proactive sends (case card, reminders) need it.
    this.onTurn(async (ctx, next) => {
      await d.refs.remember(ctx.activity);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await handleMessage(ctx, d);
      await next();
    });
    // The welcome follows installationUpdate, not the conversationUpdate that comes with it in no fixed order:
    // only the former carries the installing user's locale, so the help card speaks their language.
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.welcome(ctx);
      await next();
    });
  }

  /**
   * Card presses with Action.Execute arrive as invokes. The app declares no other invoke (no message extensions,
   * task modules or sign-in): anything else is answered 400 "not supported" at once, not the SDK's 501.
   */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    if (ctx.activity.name === 'adaptiveCard/action') return handleCardInvoke(ctx, this.d);
    this.d.logger.info({ name: ctx.activity.name }, 'Teams invoke this app does not support');
    return { status: 400, body: { error: 'not supported' } };
  }

  /**
   * Installed in a chat or team: introduce ourselves with the help card, in the installer's language (Dutch when
   * the locale says nothing). Teams may deliver the event twice; one welcome per conversation a minute is enough.
   */
  private async welcome(ctx: TurnContext): Promise<void> {
    const conversation = ctx.activity.conversation?.id ?? '';
    if (!(await this.d.store.setIfAbsent(`teams:welcome:${baseConversationId(conversation)}`, true, WELCOME_ONCE_MS)))
      return;
    const reply = await this.d.engine.handleMessage({ ...inboundMessage(ctx.activity), text: 'help' });
    for (const view of reply.views)
      await withRetry(() => ctx.sendActivity(viewActivity(view, { card: this.d.cards })), this.d.retry);
  }
}
