// The Slack messenger: gone conversations become ConversationGoneError, rate limits are retried, threads are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltLogger } from '../../adapters/slack/bolt-logger.js';
import { createWebClient, webClientOptions } from '../../adapters/slack/client.js';
import { SlackMessenger } from '../../adapters/slack/messenger.js';
import { createSlackTransport } from '../../adapters/slack/transport.js';
import { ConversationGoneError, type Target } from '../../src/dialog/view.js';
import { silentLogger } from '../../src/log.js';
import { BOT, FakeSlackApi } from '../helpers/fake-slack-api.js';
import { fillModal, PEOPLE, startSlackApp, VALID_START } from '../helpers/slack-app.js';

const target = (conversation: string, thread?: string): Target => ({
  platform: 'slack',
  workspace: BOT.team,
  conversation,
  thread,
});

describe('SlackMessenger', () => {
  let fake: FakeSlackApi;
  let messenger: SlackMessenger;
  const transport = createSlackTransport();
  beforeAll(async () => {
    fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
    const logger = silentLogger();
    messenger = new SlackMessenger(
      createWebClient('xoxb-test', webClientOptions(fake.apiUrl, boltLogger(logger), transport)),
      logger,
    );
  });
  afterAll(async () => {
    await fake.close();
    await transport.close();
  });

  it('posts with a text fallback, returns the ts as message id, and replies in a thread', async () => {
    const { messageId } = await messenger.post(target('C1'), { kind: 'text', text: '**Hallo** <@UREQ|Rianne>' });
    expect(fake.message('C1', messageId)).toMatchObject({ text: 'Hallo @Rianne' });
    await messenger.post(target('C1', messageId), { kind: 'text', text: 'in de thread' });
    expect(fake.threadReplies('C1', messageId).map((m) => m.text)).toEqual(['in de thread']);
    await messenger.update(target('C1'), messageId, { kind: 'text', text: 'bijgewerkt' });
    expect(fake.message('C1', messageId)).toMatchObject({ text: 'bijgewerkt', updates: 1 });
    expect(fake.callsOf('chat.postMessage')[0]!.args).toMatchObject({ unfurl_links: 'false' });
  });

  it('throws ConversationGoneError when the channel is gone, archived or the bot was removed', async () => {
    for (const error of ['channel_not_found', 'is_archived', 'not_in_channel']) {
      fake.closedChannels.set('CGONE', error);
      await expect(messenger.post(target('CGONE'), { kind: 'text', text: 'x' })).rejects.toBeInstanceOf(
        ConversationGoneError,
      );
      await expect(messenger.update(target('CGONE'), '1.0', { kind: 'text', text: 'x' })).rejects.toThrow(error);
    }
    fake.failNext({ method: 'chat.postMessage', error: 'internal_error' });
    const other = await messenger.post(target('C1'), { kind: 'text', text: 'x' }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Error);
    expect(other).not.toBeInstanceOf(ConversationGoneError);
    expect(String(other)).toContain('internal_error');
  });

  it('waits out a 429 (Retry-After) and retries with the WebClient retry policy', async () => {
    fake.failNext({ method: 'chat.postMessage', retryAfter: 1 });
    const before = fake.callsOf('chat.postMessage').length;
    const started = Date.now();
    const { messageId } = await messenger.post(target('C1'), { kind: 'text', text: 'na de rate limit' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.message('C1', messageId)?.text).toBe('na de rate limit');
    expect(
      fake
        .callsOf('chat.postMessage')
        .slice(before)
        .map((c) => c.ok),
    ).toEqual([false, true]);
  });
});

describe('Slack conversations that go away', () => {
  it('stops a case’s messages and reminders when its channel is archived', async () => {
    const h = await startSlackApp();
    try {
      const r = await h.app.engine.submitStart({
        platform: 'slack',
        workspace: BOT.team,
        conversation: 'C3',
        user: { platform: 'slack', id: PEOPLE.requester.id, name: PEOPLE.requester.real_name },
        values: { ...VALID_START, newEnvironmentAdmin: PEOPLE.requester.id },
      });
      if (!r.ok) throw new Error('not created');
      const ts = (await h.app.engine.repo.messageId(r.caseId, 'case'))!;
      h.fake.closedChannels.set('C3', 'is_archived');
      await h.slack.action({
        user: PEOPLE.client.id,
        actionId: 'approve:client',
        value: r.caseId,
        channel: 'C3',
        messageTs: ts,
      });
      await h.settle();
      // The decision is recorded all the same; only Slack can no longer show it.
      expect((await h.app.engine.repo.load(r.caseId))!.audit.map((f) => f.type)).toEqual(['created', 'decision']);
      h.app.clock.set('2026-11-26T10:30:00+01:00');
      expect(await h.app.engine.runDueReminders()).toBe(0);
      expect(h.fake.botMessages().filter((m) => m.channel === 'C3')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('withdraws a new case it cannot post, and tells the requester in a direct message', async () => {
    const h = await startSlackApp();
    try {
      h.fake.closedChannels.set('CNOTIN', 'not_in_channel');
      await h.slack.command(PEOPLE.requester.id, 'CNOTIN', 'start');
      await h.settle();
      const modal = h.fake.lastView()!.view;
      const res = await h.slack.submit(
        PEOPLE.requester.id,
        { callback_id: 'startCase', private_metadata: String(modal.private_metadata) },
        fillModal(modal, VALID_START),
      );
      expect(res.status).toBe(200);
      await h.settle();
      const ids = await h.app.engine.repo.casesInConversation('slack', 'CNOTIN');
      expect(ids).toHaveLength(1);
      const s = (await h.app.engine.repo.load(ids[0]!))!;
      expect(s.status).toBe('cancelled');
      // Withdrawn by the assistant itself, with the reason in the audit trail — not in the requester's name.
      expect(s.cancelled).toMatchObject({
        by: { id: 'overname-assistent' },
        reason: expect.stringContaining('lid van het kanaal'),
      });
      const [dm] = h.fake.channelMessages(`D${PEOPLE.requester.id}`);
      expect(dm!.text).toContain('/invite');
    } finally {
      await h.close();
    }
  });
});
