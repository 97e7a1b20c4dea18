// Sends to Slack: the core's Messenger (post, update, link) plus the adapter's own ephemeral notes, replies and modals.
import type { types } from '@slack/bolt';
import {
  ConversationGoneError,
  MessageGoneError,
  type Messenger,
  type TakeoversView,
  type Target,
  type View,
} from '../../src/dialog/view.js';
import type { UserRef } from '../../src/domain/case.js';
import type { Logger } from '../../src/log.js';
import { CONVERSATION_GONE, slackErrorCode, type WebClient } from './client.js';
import { renderMessage } from './render-blocks.js';
import { renderHome } from './render-home.js';

export class SlackMessenger implements Messenger {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
  ) {}

  async post(target: Target, view: View): Promise<{ messageId: string }> {
    const message = renderMessage(view);
    const r = await this.call(() =>
      this.client.chat.postMessage({
        channel: target.conversation,
        ...(target.thread ? { thread_ts: target.thread } : {}),
        ...message,
        // A citation link must not blow up into a preview card under every answer.
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!r.ts) throw new Error('chat.postMessage answered without a ts');
    return { messageId: r.ts };
  }

  /** chat.update has no version check; the core's MessageSync serializes updates per case and renders fresh state. */
  async update(target: Target, messageId: string, view: View): Promise<void> {
    await this.call(() =>
      this.client.chat.update({ channel: target.conversation, ts: messageId, ...renderMessage(view) }),
    );
  }

  /** The message's permalink (chat.getPermalink); undefined when Slack gives none, with one warn line. */
  async link(target: Target, messageId: string): Promise<string | undefined> {
    try {
      const r = await this.client.chat.getPermalink({ channel: target.conversation, message_ts: messageId });
      return r.permalink;
    } catch (err) {
      this.logger.warn(
        { channel: target.conversation, ts: messageId, reason: slackErrorCode(err) ?? (err as Error).message },
        'chat.getPermalink failed; the case is listed without its link',
      );
      return undefined;
    }
  }

  /** Ephemeral where the case is, and a direct message that stays: an ephemeral is gone after a reload. */
  async tellPrivately(target: Target, user: UserRef, view: View): Promise<void> {
    await this.ephemeral(target.conversation, user.id, view, target.thread);
    await this.call(() =>
      this.client.chat.postMessage({ channel: user.id, ...renderMessage(view), unfurl_links: false }),
    );
  }

  /** A note only the user sees; best effort: the message itself already shows the state, so failures are logged. */
  async ephemeral(channel: string, user: string, view: View, thread?: string): Promise<boolean> {
    try {
      await this.client.chat.postEphemeral({
        channel,
        user,
        ...(thread ? { thread_ts: thread } : {}),
        ...renderMessage(view),
      });
      return true;
    } catch (err) {
      this.logger.warn({ err, channel, user }, 'chat.postEphemeral failed');
      return false;
    }
  }

  /** The person's Home tab (views.publish): replaces what it showed, for that person only. */
  async publishHome(user: UserRef, view: TakeoversView): Promise<void> {
    await this.client.views.publish({ user_id: user.id, view: renderHome(view) });
  }

  async openModal(triggerId: string, view: types.ModalView): Promise<void> {
    await this.client.views.open({ trigger_id: triggerId, view });
  }

  async updateModal(viewId: string, view: types.ModalView): Promise<void> {
    await this.client.views.update({ view_id: viewId, view });
  }

  /**
   * A file in the user's direct message with the app: conversations.open finds (or opens) that conversation, and
   * files.uploadV2 does Slack's external upload (files.getUploadURLExternal, the upload, files.completeUploadExternal).
   */
  async sendFile(user: string, file: { filename: string; content: string; comment: string }): Promise<void> {
    const dm = await this.client.conversations.open({ users: user });
    const channel = dm.channel?.id;
    if (!channel) throw new Error('conversations.open answered without a channel');
    await this.client.files.uploadV2({
      channel_id: channel,
      file: Buffer.from(file.content, 'utf8'),
      filename: file.filename,
      title: file.filename,
      initial_comment: file.comment,
    });
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const code = slackErrorCode(err);
      if (code && CONVERSATION_GONE.has(code)) throw new ConversationGoneError(code);
      if (code === 'message_not_found') throw new MessageGoneError(code);
      throw err;
    }
  }
}
