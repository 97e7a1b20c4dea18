// Three service processes sharing Redis and PostgreSQL: concurrent clicks, retried events and a SIGKILLed replica.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, ROLES } from '../../src/domain/case.js';
import { storeBackends } from '../helpers/backends.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { BOT } from '../helpers/fake-slack-api.js';
import { counterSum, waitUntil } from '../helpers/replicas.js';
import { describeSkipIf } from '../helpers/skip.js';
import { PEOPLE } from '../helpers/slack-app.js';
import { executeActions, responseCard, CHANNEL as TEAMS_CHANNEL, tp } from '../helpers/teams-activities.js';
import { startValues } from '../helpers/teams-app.js';
import {
  type Cluster,
  createSlackCase,
  firedRecords,
  LOCK_MS,
  policy,
  pressSlack,
  REMINDER_TEXT,
  reminderPosts,
  SLOT_S,
  type SlackCase,
  slackShowsStoredState,
  slotsBetween,
  snapshotOf,
  startCluster,
  teamsShowsStoredState,
} from './cluster.js';

const backends = storeBackends();
const skip = backends.find((b) => b.name === 'redis')?.skip ?? backends.find((b) => b.name === 'postgres')?.skip;

/** More than the two survivors' reminder workers can hold at once (2 × concurrency 4): the victim must get some. */
const CASES = 10;
const APPROVER: Record<(typeof ROLES)[number], string> = {
  oldEnvironmentAdmin: PEOPLE.oldAdmin.id,
  client: PEOPLE.client.id,
  newEnvironmentAdmin: PEOPLE.requester.id,
};
const QUESTION = 'Wat wordt er niet mee gekopieerd bij het overzetten van een administratie?';
const isReminderCall = (c: { method: string; text: string }) =>
  c.method === 'chat.postMessage' && c.text.includes(REMINDER_TEXT);

describeSkipIf(skip, 'three replicas on shared Redis and PostgreSQL', () => {
  let c: Cluster;
  const cases: SlackCase[] = [];
  let teamsCaseId = '';
  const question = { channel: 'CQUESTION', ts: '1790009999.000100' };

  beforeAll(async () => {
    c = await startCluster();
  }, 180_000);
  afterAll(async () => {
    await c?.close();
  }, 60_000);

  it('serves /healthz and /readyz on every replica, each with its own port', async () => {
    expect(new Set(c.replicas.map((r) => r.port)).size).toBe(3);
    for (const r of c.replicas) {
      expect(await (await fetch(`${r.url}/healthz`)).json()).toMatchObject({ status: 'ok', store: 'postgres' });
      expect(await (await fetch(`${r.url}/readyz`)).json()).toMatchObject({
        status: 'ready',
        store: { kind: 'postgres', ok: true },
        redis: { ok: true },
      });
    }
  });

  it('answers a Slack event once when Slack retries it to the other replicas at the same time', async () => {
    c.fake.addUserMessage({ user: PEOPLE.requester.id, ...question, text: QUESTION });
    const event = {
      type: 'app_mention',
      user: PEOPLE.requester.id,
      channel: question.channel,
      text: `<@${BOT.userId}> ${QUESTION}`,
      ts: question.ts,
    };
    const eventId = `EvScale${randomUUID().slice(0, 8)}`;
    const deliveries = await Promise.all([
      c.slack[0]!.event(event, { eventId }),
      c.slack[1]!.event(event, { eventId, retryNum: 1 }),
      c.slack[2]!.event(event, { eventId, retryNum: 2 }),
    ]);
    for (const d of deliveries) expect(d.res.status).toBe(200);
    const [answer] = await waitUntil('the answer in the question thread', () => {
      const replies = c.fake.threadReplies(question.channel, question.ts);
      return replies.length > 0 && replies;
    });
    expect(answer!.text).toContain('Rabobank');
    // A late retry to the first replica is ignored too; "exactly one" is checked again at the very end.
    expect((await c.slack[0]!.event(event, { eventId, retryNum: 3 })).res.status).toBe(200);
  }, 60_000);

  it('records every approval once when each is pressed on all three replicas at once', async () => {
    for (let i = 0; i < CASES; i++) cases.push(await createSlackCase(c, i));
    expect(new Set(cases.map((k) => k.caseId)).size).toBe(CASES);

    // Every approval of every case, pressed three times at once: once on each replica.
    await Promise.all(
      cases.flatMap((k) =>
        ROLES.flatMap((role) => [0, 1, 2].map((r) => pressSlack(c, r, APPROVER[role], `approve:${role}`, k))),
      ),
    );
    for (const k of cases) {
      await waitUntil(`${k.channel} approved and shown`, async () => {
        const s = await snapshotOf(c, k.caseId);
        return s.status === 'approved' && (await slackShowsStoredState(c, k));
      });
      const s = await snapshotOf(c, k.caseId);
      expect(s.audit.map((f) => f.type)).toEqual(['created', 'decision', 'decision', 'decision']);
      for (const role of ROLES) {
        const decisions = s.audit.filter((f) => f.type === 'decision' && f.role === role);
        expect(decisions, `${k.channel} ${role}`).toMatchObject([{ decision: 'approved', by: { id: APPROVER[role] } }]);
      }
      // The decision shows in the message; no replica adds a private note for a press that worked or was repeated.
      expect(c.fake.ephemerals.filter((e) => e.channel === k.channel)).toEqual([]);
    }
    // The replicas together counted each decision once: the store's atomic insert let one press of three through.
    const sum = async (outcome: string) =>
      (
        await Promise.all(
          c.replicas.map((r) => counterSum(r.url, 'overname_actions_total', { action: 'approve', outcome })),
        )
      ).reduce((a, b) => a + b, 0);
    // Presses are handled after the ack: wait until all 90 are counted, then check how they were counted.
    await waitUntil('every press handled', async () => (await sum('done')) + (await sum('unchanged')) >= CASES * 9);
    expect(await sum('done')).toBe(CASES * 3);
    expect(await sum('unchanged')).toBe(CASES * 3 * 2);
    // Any replica lists the channel's case (a scan of the shared store under STORE_PREFIX).
    const status = c.slack[2]!.commandPayload(PEOPLE.requester.id, cases[0]!.channel, 'status');
    await c.slack[2]!.post(new URLSearchParams(status).toString(), 'application/x-www-form-urlencoded');
    const reply = await waitUntil('the status reply', () =>
      c.fake.responses.find((r) => status.response_url!.endsWith(`/response/${r.id}`)),
    );
    expect(JSON.stringify(reply.body)).toContain(cases[0]!.clientName);
  }, 120_000);

  it('handles a Teams case whose invokes (and their retries) land on different replicas', async () => {
    const t = c.teams;
    expect((await t[0]!.message(tp.requester, 'start', { kind: 'channel' })).status).toBe(200);
    const formPost = c.connector.posts().at(-1)!;
    const submit = executeActions(FakeBotConnector.card(formPost.body)).find((a) => a.verb === 'start_submit')!;
    const res = await t[1]!.invoke(
      tp.requester,
      'start_submit',
      { ...submit.data, ...startValues },
      { kind: 'channel', thread: formPost.conversationId.split(';messageid=')[1] },
    );
    expect(res.status).toBe(200);
    teamsCaseId = await waitUntil('the Teams case', async () => {
      const ids = await c.repo.casesInConversation('teams', TEAMS_CHANNEL);
      return ids.length === 1 && ids[0];
    });
    const caseMessage = await waitUntil('the Teams case card', () => c.repo.messageId(teamsCaseId, 'case'));
    const where = { kind: 'channel' as const, thread: caseMessage };
    const invoke = (r: number, who: (typeof tp)[keyof typeof tp], verb: string, data: object, id = randomUUID()) =>
      t[r]!.invoke(who, verb, { caseId: teamsCaseId, ...data }, where, { id });
    const who = { oldEnvironmentAdmin: tp.oldAdmin, client: tp.client, newEnvironmentAdmin: tp.requester };
    const all = async (presses: Promise<{ status: number; body?: Record<string, unknown> }>[]) => {
      for (const r of await Promise.all(presses)) {
        expect(r.status).toBe(200);
        expect(responseCard(r as Parameters<typeof responseCard>[0]), JSON.stringify(r.body)).toBeDefined();
      }
    };
    // Per role: one invoke delivered to two replicas (Teams retrying), plus a second click on the third.
    await all(
      ROLES.flatMap((role) => {
        const retried = randomUUID();
        const data = { role, card: 'case' };
        return [
          invoke(0, who[role], 'approve', data, retried),
          invoke(1, who[role], 'approve', data, retried),
          invoke(2, who[role], 'approve', data),
        ];
      }),
    );
    await all([1, 2].map((r) => invoke(r, tp.requester, 'confirm_transfer', { card: 'case' })));
    const items = ['newUser', 'rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure'];
    await all(
      items.flatMap((item) =>
        [0, 2].map((r) => invoke(r, tp.requester, 'checklist_done', { item, card: 'checklist' })),
      ),
    );
    await waitUntil('the Teams cards to show the stored state', () => teamsShowsStoredState(c, teamsCaseId));
    const s = await snapshotOf(c, teamsCaseId);
    expect(s.status).toBe('completed');
    expect(s.audit.map((f) => f.type).sort()).toEqual(
      ['created', 'decision', 'decision', 'decision', 'transferConfirmed', ...items.map(() => 'checklist')].sort(),
    );
    expect(s.checklist.find((i) => i.item === 'knab')?.fact).toBeUndefined();
    expect(CHECKLIST_ITEMS.filter((i) => s.checklist.find((x) => x.item === i)?.fact)).toEqual(items);
  }, 120_000);

  it('posts each due reminder exactly once while a replica is SIGKILLed in the middle of posting', async () => {
    const victim = c.replicas[2]!;
    // Reminder posts wait at the gate until the victim is stuck in one; the survivors can hold only 8 of 10.
    c.gate.hold(isReminderCall);
    // Confirm all moves within one slot: if the next slot is close, let it pass first.
    const untilSlot = policy.nextSlot(new Date()).getTime() - Date.now();
    if (untilSlot < 6_000) await new Promise((r) => setTimeout(r, untilSlot + 500));
    await Promise.all(
      cases.flatMap((k, i) =>
        [i % 3, (i + 1) % 3].map((r) => pressSlack(c, r, PEOPLE.requester.id, 'confirm_transfer', k)),
      ),
    );
    for (const k of cases) {
      await waitUntil(`${k.channel} moved and shown`, async () => {
        const s = await snapshotOf(c, k.caseId);
        return !!s.transfer && (await slackShowsStoredState(c, k));
      });
      // One checklist message per case, whichever replicas rendered.
      expect(c.fake.threadReplies(k.channel, k.ts).filter((m) => m.text.includes('Nazorg'))).toHaveLength(1);
    }
    const stuck = await waitUntil(
      'the victim to be stuck posting a reminder',
      () =>
        c.gate.waiting((call) => call.replica === victim.name).length > 0 &&
        c.gate.waiting((call) => call.replica === victim.name),
      { timeoutMs: (SLOT_S + 60) * 1000, detail: () => c.gate.waiting() },
    );
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    await c.gate.release((call) => call.replica !== victim.name);

    // The survivors post the stuck ones (after the lock expires) and every later slot, while the victim stays dead.
    await waitUntil(
      'a reminder for a slot after the kill in every case',
      async () => {
        for (const k of cases) {
          const sent = (await firedRecords(c, k.caseId)).filter((f) => f.state === 'sent' && f.at > killedAt);
          if (sent.length === 0) return false;
        }
        return true;
      },
      {
        timeoutMs: (2 * SLOT_S + 60) * 1000,
        detail: () => ({ killedAt, waiting: c.gate.waiting(), forwarded: c.gate.forwarded.filter(isReminderCall) }),
      },
    );
    const metrics = await Promise.all(
      c.replicas.filter((r) => r.alive()).map((r) => counterSum(r.url, 'overname_reminders_total', { result: 'sent' })),
    );
    for (const r of c.replicas) await r.stop();

    const calls = c.gate.forwarded.filter(isReminderCall);
    expect(calls.filter((call) => call.replica === victim.name)).toEqual([]);
    // Counted by the replica that posted (the victim's count died with it, but it posted none).
    const counted = metrics.reduce((a, b) => a + b, 0);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(calls.length);
    for (const k of cases) {
      const posts = reminderPosts(c, k);
      const mine = calls.filter((call) => call.channel === k.channel && call.thread === k.ts);
      // Only posting jobs count: a job that found nothing to remind of records "sent" with no next.
      const sent = (await firedRecords(c, k.caseId)).filter((f) => f.state === 'sent' && f.next);
      expect(posts.length, `${k.channel}: posts vs sent jobs`).toBe(sent.length);
      expect(mine).toHaveLength(posts.length);
      expect(posts.length).toBeGreaterThanOrEqual(2);
      // The first at the first slot after the move, or the next one if planning (right after the write) crossed a
      // slot boundary: never a later one. No wall-clock margin: the slots themselves are the bound.
      const moved = Date.parse((await snapshotOf(c, k.caseId)).transfer!.at);
      const firstSlot = policy.nextSlot(new Date(moved)).getTime();
      expect([firstSlot, policy.nextSlot(new Date(firstSlot)).getTime()]).toContain(sent[0]!.at);
      // Nothing was posted before the kill: every first reminder waited at the gate or was stuck in the victim.
      expect(mine[0]!.forwardedAt).toBeGreaterThanOrEqual(killedAt);
      for (let i = 0; i < sent.length; i++) {
        const postedAt = mine[i]!.forwardedAt!;
        expect(postedAt).toBeGreaterThanOrEqual(sent[i]!.at);
        // A slot is skipped only when the previous reminder went out after it ("a backlog fires once").
        const next = sent[i + 1];
        if (next) for (const slot of slotsBetween(sent[i]!.at, next.at)) expect(slot).toBeLessThanOrEqual(postedAt);
      }
      expect(sent.some((f) => f.at > killedAt)).toBe(true);
    }
    // The reminders the victim was posting when it died went out once, from a survivor, after its lock expired.
    for (const call of stuck) {
      const first = calls.find((x) => x.channel === call.channel && x.thread === call.thread);
      expect(first?.replica, `${call.channel}: redelivered by a survivor`).not.toBe(victim.name);
      expect(first!.at).toBeGreaterThanOrEqual(killedAt + LOCK_MS / 2);
    }
  }, 240_000);

  it('leaves a complete audit trail and no duplicates anywhere', async () => {
    expect(c.fake.threadReplies(question.channel, question.ts)).toHaveLength(1);
    expect(
      c.gate.forwarded.filter((x) => x.method === 'chat.postMessage' && x.channel === question.channel),
    ).toHaveLength(1);
    for (const k of cases) {
      const s = await snapshotOf(c, k.caseId);
      expect(s.status).toBe('transferred');
      expect(s.audit.map((f) => f.type)).toEqual(['created', 'decision', 'decision', 'decision', 'transferConfirmed']);
      for (const f of s.audit) {
        const expected = f.type === 'decision' ? APPROVER[f.role] : PEOPLE.requester.id;
        expect(f.by.id, `${k.channel} ${f.type}`).toBe(expected);
      }
      expect(new Set(s.audit.flatMap((f) => (f.type === 'decision' ? [f.role] : [])))).toEqual(new Set(ROLES));
      expect(await slackShowsStoredState(c, k)).toBe(true);
      expect(c.fake.channelMessages(k.channel)).toHaveLength(1);
    }
    expect((await snapshotOf(c, teamsCaseId)).status).toBe('completed');
    expect(c.fake.calls.filter((call) => !call.ok)).toEqual([]);
  });
});
