// Where the bot may post proactively: one conversation reference per Teams conversation, kept in the store.
//
// Case messages, checklists and reminders are sent long after the turn that started them, maybe by another replica,
// so the reference lives in the store, refreshed from every incoming activity (Teams may move a conversation to
// another serviceUrl; the newest one wins).
import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { Store } from '../../src/store/store.js';
import { baseConversationId } from './activity.js';

export interface StoredConversation {
  reference: Partial<ConversationReference>;
  /** personal, groupChat or channel: decides whether follow-ups become thread replies. */
  conversationType?: string;
  /** For a channel: the team's Microsoft 365 group id, which deep links to its messages carry. */
  groupId?: string;
}

const key = (conversationId: string) => `teams:conv:${baseConversationId(conversationId)}`;

export class ConversationReferences {
  constructor(private readonly store: Store) {}

  async remember(activity: Partial<Activity>): Promise<void> {
    if (!activity.conversation?.id || !activity.serviceUrl) return;
    const ref = TurnContext.getConversationReference(activity);
    const conversation = { ...activity.conversation, id: baseConversationId(activity.conversation.id) };
    const next: StoredConversation = {
      // No activityId and no user: a proactive send is not a reply to this activity, nor meant for this sender.
      reference: {
        channelId: ref.channelId,
        serviceUrl: ref.serviceUrl,
        bot: ref.bot,
        conversation,
        locale: ref.locale,
      },
      conversationType: conversation.conversationType,
    };
    const current = await this.store.get<StoredConversation>(key(conversation.id));
    // Not every activity names the team's group (conversationUpdate events may not): a known one is kept.
    const groupId = (activity.channelData as { team?: { aadGroupId?: unknown } } | undefined)?.team?.aadGroupId;
    next.groupId = typeof groupId === 'string' && groupId ? groupId : current?.groupId;
    if (
      current &&
      current.reference.serviceUrl === next.reference.serviceUrl &&
      current.reference.bot?.id === next.reference.bot?.id &&
      current.conversationType === next.conversationType &&
      current.groupId === next.groupId
    ) {
      return;
    }
    await this.store.set(key(conversation.id), next);
  }

  get(conversationId: string): Promise<StoredConversation | undefined> {
    return this.store.get<StoredConversation>(key(conversationId));
  }
}
