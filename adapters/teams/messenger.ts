// The core's Messenger for Teams: posts and updates case cards, checklists and reminders proactively.
//
// Sends go through adapter.continueConversationAsync with the stored conversation reference and then straight to
// the connector's REST calls: a proactive post is not a reply to anything, and a channel follow-up must land in
// the case's thread ("<channel>;messageid=<case message id>"). Teams' throttling answers are retried here
// (retry.ts); a 403 (the bot was removed) or a 404 ConversationNotFound (the conversation was deleted) is handled
// by the core as ConversationGoneError.
import type { Activity, CloudAdapter } from 'botbuilder';
import {
  ConversationGoneError,
  MessageGoneError,
  type Messenger,
  type Target,
  type View,
} from '../../src/dialog/view.js';
import type { UserRef } from '../../src/domain/case.js';
import type { Logger } from '../../src/log.js';
import { threadConversationId } from './activity.js';
import type { CardOptions } from './cards.js';
import type { ConversationReferences, StoredConversation } from './conversation-references.js';
import { teamsMessageLink } from './deep-link.js';
import { codeOf, type RetryPolicy, statusOf, withRetry } from './retry.js';
import { viewActivity } from './view-activity.js';

/** The part of botframework-connector's ConnectorClient the adapter uses (the package is not a direct dependency). */
export interface ConnectorConversations {
  sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  /** Opens (or, for a 1:1 chat that exists, finds) a conversation; Teams answers the personal chat's id. */
  createConversation(parameters: {
    isGroup: boolean;
    bot: { id: string; name?: string };
    members: { id: string }[];
    tenantId?: string;
    channelData: unknown;
  }): Promise<{ id?: string }>;
}

export interface MessengerDeps {
  adapter: CloudAdapter;
  /** The bot's app id, or "" when authentication is off (the anonymous identity). */
  appId: string;
  refs: ConversationReferences;
  logger: Logger;
  retry: RetryPolicy;
  cards?: CardOptions;
}

export class TeamsMessenger implements Messenger {
  readonly platform = 'teams' as const;

  constructor(private readonly d: MessengerDeps) {}

  async post(target: Target, view: View): Promise<{ messageId: string }> {
    const stored = await this.conversation(target);
    const activity = viewActivity(view, { card: this.d.cards });
    const { conversationId, threaded } = this.where(stored, target);
    const res = await this.send(stored, 'post', threaded, (c) => c.sendToConversation(conversationId, activity));
    if (!res?.id) throw new Error('Teams returned no activity id for a posted message');
    return { messageId: res.id };
  }

  async update(target: Target, messageId: string, view: View): Promise<void> {
    const stored = await this.conversation(target);
    const activity = { ...viewActivity(view, { card: this.d.cards }), id: messageId };
    const { conversationId, threaded } = this.where(stored, target);
    await this.send(stored, 'update', threaded, (c) => c.updateActivity(conversationId, messageId, activity));
  }

  /**
   * A personal (1:1) message from the bot to `user`, nobody else: the bot's chat with that person, opened through
   * the case conversation's reference (same service URL, bot and tenant). Teams answers createConversation with the
   * existing 1:1 chat when there is one, so asking each time is safe. Failures throw; the caller logs them.
   */
  async tellPrivately(target: Target, user: UserRef, view: View): Promise<void> {
    const stored = await this.conversation(target);
    const { bot, conversation } = stored.reference;
    if (!bot?.id) throw new Error('no bot account in the stored Teams conversation reference');
    const tenantId = conversation?.tenantId;
    const activity = viewActivity(view, { card: this.d.cards });
    await this.send(stored, 'post', false, async (c) => {
      const chat = await c.createConversation({
        isGroup: false,
        bot: { id: bot.id, name: bot.name },
        members: [{ id: user.id }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      });
      if (!chat.id) throw new Error('Teams returned no conversation id for a personal chat');
      return c.sendToConversation(chat.id, activity);
    });
  }

  /** A deep link to the message, built from the stored conversation; undefined (one warn line) without one. */
  async link(target: Target, messageId: string): Promise<string | undefined> {
    try {
      const stored = await this.d.refs.get(target.conversation);
      if (stored) {
        return teamsMessageLink({
          conversationId: target.conversation,
          messageId,
          conversationType: stored.conversationType,
          tenantId: stored.reference.conversation?.tenantId,
          groupId: stored.groupId,
        });
      }
      this.d.logger.warn(
        { conversation: target.conversation },
        'no Teams conversation stored; case listed without link',
      );
    } catch (err) {
      this.d.logger.warn(
        { conversation: target.conversation, err },
        'Teams message link failed; case listed without it',
      );
    }
    return undefined;
  }

  private async conversation(target: Target): Promise<StoredConversation> {
    const stored = await this.d.refs.get(target.conversation);
    // Not a "gone" conversation: the reference arrives with the next activity there, and the render is repaired.
    if (!stored) throw new Error(`no Teams conversation reference stored for ${target.conversation}`);
    return stored;
  }

  /** Channels have threads; personal and group chats are one stream, where a follow-up is simply the next message. */
  private where(stored: StoredConversation, target: Target): { conversationId: string; threaded: boolean } {
    const threaded = !!target.thread && stored.conversationType === 'channel';
    return {
      conversationId: threaded ? threadConversationId(target.conversation, target.thread!) : target.conversation,
      threaded,
    };
  }

  private async send<T>(
    stored: StoredConversation,
    op: 'post' | 'update',
    /** Sent to a thread ("<channel>;messageid=<root>") rather than to the channel or chat itself. */
    threaded: boolean,
    call: (conversations: ConnectorConversations) => Promise<T>,
  ): Promise<T> {
    let result: T | undefined;
    let failure: unknown;
    const reference = stored.reference as Parameters<CloudAdapter['continueConversationAsync']>[1];
    // Errors are caught inside the turn: the adapter would hand them to onTurnError and swallow them there.
    await this.d.adapter.continueConversationAsync(this.d.appId, reference, async (ctx) => {
      const client = ctx.turnState.get(this.d.adapter.ConnectorClientKey) as { conversations: ConnectorConversations };
      try {
        result = await withRetry(
          () => call(client.conversations),
          this.d.retry,
          (n) =>
            this.d.logger.warn({ op, conversation: reference.conversation?.id, ...n }, 'Teams throttled; retrying'),
        );
      } catch (err) {
        failure = err;
      }
    });
    if (failure !== undefined) {
      if (statusOf(failure) === 403) {
        throw new ConversationGoneError(`Teams refused the ${op} (403): the bot is no longer in this conversation`);
      }
      // The channel or chat itself no longer exists (deleted, or the team the bot was in is gone). Not so for a
      // thread ("<channel>;messageid=<root>"): Teams answers the same when only the thread's root message was
      // deleted, and the next render posts the case card again, with a new thread under it.
      if (statusOf(failure) === 404 && codeOf(failure) === 'ConversationNotFound' && !threaded) {
        throw new ConversationGoneError(
          `Teams: the conversation of the ${op} no longer exists (404 ConversationNotFound)`,
        );
      }
      if (op === 'update' && statusOf(failure) === 404)
        throw new MessageGoneError('Teams: the activity to update is gone (404)');
      throw failure;
    }
    return result as T;
  }
}
