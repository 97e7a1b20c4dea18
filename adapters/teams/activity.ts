// Reads a Teams activity in the core's terms: who, where (tenant, conversation, thread), and the cleaned-up text.
import { type Activity, TurnContext } from 'botbuilder';
import type { InboundMessage } from '../../src/dialog/inbound.js';
import type { UserRef } from '../../src/domain/case.js';

const THREAD_MARK = ';messageid=';

/** A channel thread's conversation id is "<channel id>;messageid=<root id>"; the core keys cases by the channel. */
export function baseConversationId(id: string): string {
  const at = id.indexOf(THREAD_MARK);
  return at >= 0 ? id.slice(0, at) : id;
}

export function threadOf(id: string): string | undefined {
  const at = id.indexOf(THREAD_MARK);
  return at >= 0 ? id.slice(at + THREAD_MARK.length) || undefined : undefined;
}

/** Where a reply in a channel thread goes: the thread's own conversation id. */
export function threadConversationId(conversationId: string, rootId: string): string {
  return `${baseConversationId(conversationId)}${THREAD_MARK}${rootId}`;
}

export function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? 'unknown-tenant';
}

export function userOf(activity: Partial<Activity>): UserRef {
  return { platform: 'teams', id: activity.from?.id ?? 'unknown', name: activity.from?.name || undefined };
}

/** Personal chat with the bot; the Agents Playground and older clients may leave conversationType out. */
export function isDirect(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type ? type === 'personal' : !activity.conversation?.isGroup;
}

/** The user's words: without the bot's @mention, other mentions as names, HTML and entities undone. */
export function messageText(activity: Partial<Activity>): string {
  const raw = activity.recipient ? TurnContext.removeRecipientMention(activity) : (activity.text ?? '');
  return (raw ?? '')
    .replace(/<at>([^<]*)<\/at>/gi, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function inboundMessage(activity: Partial<Activity>): InboundMessage {
  const conversation = activity.conversation?.id ?? '';
  return {
    platform: 'teams',
    workspace: tenantOf(activity),
    conversation: baseConversationId(conversation),
    thread: threadOf(conversation),
    user: userOf(activity),
    text: messageText(activity),
    locale: activity.locale || undefined,
    direct: isDirect(activity),
  };
}

/** Card data arrives as `value` (Action.Submit) or `value.action.data` (Action.Execute); both are plain objects. */
export function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
