// Teams deep links to a case message: the channel format and the chat format Microsoft documents.
import { describe, expect, it } from 'vitest';
import { teamsMessageLink } from '../../adapters/teams/deep-link.js';

describe('Teams message links', () => {
  it('links a channel message as the root of its thread, with tenant, team group and creation time', () => {
    const url = new URL(
      teamsMessageLink({
        conversationId: '19:overnames@thread.tacv2',
        messageId: '1700000000123',
        conversationType: 'channel',
        tenantId: 'tenant-1',
        groupId: 'group-1',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://teams.microsoft.com/l/message/19%3Aovernames%40thread.tacv2/1700000000123',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenantId: 'tenant-1',
      groupId: 'group-1',
      parentMessageId: '1700000000123',
      createdTime: '1700000000123',
    });
  });

  it('links a group chat message with the chat context, and leaves out what it does not know', () => {
    const url = new URL(
      teamsMessageLink({
        conversationId: '19:group@thread.v2',
        messageId: '1700000000999',
        conversationType: 'groupChat',
      }),
    );
    expect(url.pathname).toBe('/l/message/19%3Agroup%40thread.v2/1700000000999');
    expect(Object.fromEntries(url.searchParams)).toEqual({ context: '{"contextType":"chat"}' });
    // A message id that is not a time is no creation time.
    const odd = new URL(
      teamsMessageLink({ conversationId: '19:c@thread.tacv2', messageId: 'f:1', conversationType: 'channel' }),
    );
    expect(odd.searchParams.get('createdTime')).toBeNull();
    expect(odd.pathname).toBe('/l/message/19%3Ac%40thread.tacv2/f%3A1');
  });
});
