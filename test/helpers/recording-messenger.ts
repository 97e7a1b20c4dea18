// A Messenger that keeps what the core sent, for engine tests that need no platform.

import type { Messenger, Target, View } from '../../src/dialog/view.js';
import type { Platform } from '../../src/domain/case.js';

export interface Sent {
  op: 'post' | 'update';
  target: Target;
  messageId: string;
  view: View;
}

export class RecordingMessenger implements Messenger {
  readonly sent: Sent[] = [];
  private n = 0;
  failNext?: Error;
  /** Set by a test to give case messages links (as Slack's permalinks and Teams' deep links do). */
  link?: Messenger['link'];

  constructor(readonly platform: Platform = 'playground') {}

  async post(target: Target, view: View): Promise<{ messageId: string }> {
    this.throwIfFailing();
    const messageId = `m${++this.n}`;
    this.sent.push({ op: 'post', target, messageId, view });
    return { messageId };
  }

  async update(target: Target, messageId: string, view: View): Promise<void> {
    this.throwIfFailing();
    this.sent.push({ op: 'update', target, messageId, view });
  }

  /** The latest view shown in a message. */
  latest(messageId: string): View | undefined {
    return this.sent.filter((s) => s.messageId === messageId).at(-1)?.view;
  }

  posts(): Sent[] {
    return this.sent.filter((s) => s.op === 'post');
  }

  private throwIfFailing() {
    const err = this.failNext;
    if (err) {
      this.failNext = undefined;
      throw err;
    }
  }
}
