// Teams deep links to a message the bot posted: one format for channel messages, another for chat messages.
//
// Teams has no API that hands out a message's link (unlike Slack's chat.getPermalink); the link is built from what
// the bot already knows, in the formats Microsoft documents ("Deep link to Teams chat": navigate to a channel
// conversation / to chat messages). A message id in Teams is the time it was posted in epoch milliseconds, which is
// also what the channel format's createdTime wants.

const BASE = 'https://teams.microsoft.com/l/message';
const CHAT_CONTEXT = JSON.stringify({ contextType: 'chat' });

export interface MessageLinkParts {
  /** The channel's or chat's conversation id, without a ";messageid=" thread suffix. */
  conversationId: string;
  messageId: string;
  /** personal, groupChat or channel. */
  conversationType?: string;
  tenantId?: string;
  /** The team's Microsoft 365 group id (channelData.team.aadGroupId); channel links open more reliably with it. */
  groupId?: string;
}

export function teamsMessageLink(p: MessageLinkParts): string {
  const path = `${BASE}/${encodeURIComponent(p.conversationId)}/${encodeURIComponent(p.messageId)}`;
  const query = new URLSearchParams();
  if (p.tenantId) query.set('tenantId', p.tenantId);
  if (p.conversationType === 'channel') {
    if (p.groupId) query.set('groupId', p.groupId);
    // The case message is the thread's root: its own parent.
    query.set('parentMessageId', p.messageId);
    if (/^\d+$/.test(p.messageId)) query.set('createdTime', p.messageId);
  } else {
    query.set('context', CHAT_CONTEXT);
  }
  return `${path}?${query.toString()}`;
}
