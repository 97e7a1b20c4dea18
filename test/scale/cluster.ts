// The scale test's cluster: three service processes sharing PostgreSQL and Redis, the loopback fakes, and drivers.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { renderMessage } from '../../adapters/slack/render-blocks.js';
import { viewActivity } from '../../adapters/teams/view-activity.js';
import { caseCard, checklistCard } from '../../src/dialog/case-views.js';
import type { CaseSnapshot } from '../../src/domain/case.js';
import { CaseRepository } from '../../src/domain/case-repository.js';
import { ReminderPolicy } from '../../src/reminders/policy.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { FakeSlackApi, type StoredMessage } from '../helpers/fake-slack-api.js';
import { type Replica, startReplica, waitUntil } from '../helpers/replicas.js';
import { buttonsOf, fillModal, PEOPLE, VALID_START } from '../helpers/slack-app.js';
import { SIGNING_SECRET, SlackSender } from '../helpers/slack-requests.js';
import { TeamsClient, tp } from '../helpers/teams-activities.js';
import { SlackGate } from './slack-gate.js';

/** Checklist reminders every SLOT_S seconds, so several slots fall due within the test. */
export const SLOT_S = 15;
/** BullMQ lock of a due reminder: a killed replica's job goes to another after about this long. */
export const LOCK_MS = 2_000;
export const TIMEZONE = 'Europe/Amsterdam';
export const VIEW = { timeZone: TIMEZONE };
export const REMINDER_TEXT = 'nazorgpunten staan nog open';
export const policy = new ReminderPolicy({
  timeZone: TIMEZONE,
  approvalHours: 24,
  cron: `*/${SLOT_S} * * * * *`,
  workingHours: [0, 24],
  escalateAfter: 2,
});

export interface Cluster {
  prefix: string;
  fake: FakeSlackApi;
  gate: SlackGate;
  connector: FakeBotConnector;
  replicas: Replica[];
  /** Signed Slack requests, one sender per replica. */
  slack: SlackSender[];
  /** Teams activities, one client per replica. */
  teams: TeamsClient[];
  /** The shared store, opened here as the replicas open it. */
  store: Store;
  repo: CaseRepository;
  /** The environment a replica of this cluster runs with (to start one again after a kill). */
  replicaEnv(name: string): Record<string, string>;
  /** A Slack sender for a (re)started replica. */
  senderFor(replica: Replica): SlackSender;
  close(): Promise<void>;
}

/**
 * Replicas on shared PostgreSQL and Redis, or (`sqliteFile`) one process at a time on a SQLite file, the way a
 * single-process deployment runs.
 */
export async function startCluster(names = ['r0', 'r1', 'r2'], o: { sqliteFile?: string } = {}): Promise<Cluster> {
  const prefix = `scale-${randomUUID().slice(0, 8)}`;
  const storeUrl = o.sqliteFile ? `sqlite://${o.sqliteFile}` : process.env.DATABASE_URL!;
  const fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
  const gate = await SlackGate.start(fake.apiUrl);
  const connector = await FakeBotConnector.start();
  connector.members = Object.values(tp).map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId }));
  const store = await createStore(storeUrl, { prefix: `${prefix}:` });
  const replicas: Replica[] = [];
  const close = async () => {
    await Promise.all(replicas.map((r) => r.stop(10_000)));
    if (!o.sqliteFile) await cleanUp(prefix, store).catch(() => undefined);
    await store.close();
    await Promise.all([gate.close(), fake.close(), connector.close()]);
  };
  const replicaEnv = (name: string): Record<string, string> => ({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PLAYGROUND: 'off',
    STORE_URL: storeUrl,
    STORE_PREFIX: prefix,
    ...(o.sqliteFile ? {} : { REDIS_URL: process.env.REDIS_URL! }),
    TIMEZONE,
    REMINDER_CRON: `*/${SLOT_S} * * * * *`,
    WORKING_HOURS: '0-24',
    REMINDER_LOCK_MS: String(LOCK_MS),
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: gate.url(name),
  });
  try {
    const started = await Promise.allSettled(names.map((name) => startReplica(name, replicaEnv(name))));
    for (const s of started) if (s.status === 'fulfilled') replicas.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  } catch (err) {
    await close();
    throw err;
  }
  return {
    prefix,
    fake,
    gate,
    connector,
    replicas,
    slack: replicas.map((r) => new SlackSender(r.url, fake)),
    teams: replicas.map((r) => new TeamsClient(r.url, connector.url)),
    store,
    repo: new CaseRepository(store),
    replicaEnv,
    senderFor: (replica) => new SlackSender(replica.url, fake),
    close,
  };
}

/** Removes this run's reminder and retention queues from Redis and its keys from PostgreSQL. */
async function cleanUp(prefix: string, store: Store): Promise<void> {
  const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  try {
    for (const name of [`reminders-${prefix}`, `retention-${prefix}`]) {
      const queue = new Queue(name, { connection, prefix: 'overname' });
      try {
        await queue.obliterate({ force: true });
      } finally {
        await queue.close();
      }
    }
  } finally {
    connection.disconnect();
  }
  const keys: string[] = [];
  for await (const [key] of store.scan('')) keys.push(key);
  for (const key of keys) await store.delete(key);
}

export interface SlackCase {
  channel: string;
  clientName: string;
  caseId: string;
  /** The case message's ts: also the thread of its checklist and reminders. */
  ts: string;
}

/** /overname start on one replica, the modal submitted to the next one (a load balancer need not be sticky). */
export async function createSlackCase(c: Cluster, i: number): Promise<SlackCase> {
  const channel = `CSCALE${i}`;
  const opener = c.slack[i % c.slack.length]!;
  const submitter = c.slack[(i + 1) % c.slack.length]!;
  const command = opener.commandPayload(PEOPLE.requester.id, channel, 'start');
  const res = await opener.post(new URLSearchParams(command).toString(), 'application/x-www-form-urlencoded');
  if (res.status !== 200) throw new Error(`/overname start answered ${res.status}`);
  const opened = await waitUntil(`the start modal for ${channel}`, () =>
    c.fake.views.find((v) => v.trigger_id === command.trigger_id),
  );
  const clientName = `Klant ${i} B.V.`;
  const submitted = await submitter.submit(
    PEOPLE.requester.id,
    { callback_id: 'startCase', private_metadata: String(opened.view.private_metadata) },
    fillModal(opened.view, { ...VALID_START, clientName }),
  );
  if (submitted.status !== 200) throw new Error(`view_submission answered ${submitted.status}`);
  const message = await waitUntil(`the case message in ${channel}`, () => c.fake.channelMessages(channel)[0]);
  const caseId = buttonsOf(message.blocks)[0]?.[1];
  if (!caseId) throw new Error(`case message in ${channel} has no buttons`);
  return { channel, clientName, caseId, ts: message.ts };
}

/** A button press on the case message (or, with thread, on the checklist) sent to replica r. */
export async function pressSlack(c: Cluster, r: number, user: string, actionId: string, k: SlackCase) {
  const res = await c.slack[r]!.action({ user, actionId, value: k.caseId, channel: k.channel, messageTs: k.ts });
  if (res.status !== 200) throw new Error(`${actionId} on replica ${r} answered ${res.status}`);
}

export async function snapshotOf(c: Cluster, caseId: string): Promise<CaseSnapshot> {
  const s = await c.repo.load(caseId);
  if (!s) throw new Error(`case ${caseId} not in the store`);
  return s;
}

/** JSON as it travels: undefined fields gone, so it compares equal to what a fake stored. */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Whether Slack shows exactly what the stored state renders to: the case message and, once moved, the checklist. */
export async function slackShowsStoredState(c: Cluster, k: SlackCase): Promise<boolean> {
  const s = await snapshotOf(c, k.caseId);
  if (!isDeepStrictEqual(c.fake.message(k.channel, k.ts)?.blocks, wire(renderMessage(caseCard(s, VIEW)).blocks)))
    return false;
  if (!s.transfer) return true;
  const id = await c.repo.messageId(k.caseId, 'checklist');
  const shown = id ? c.fake.message(k.channel, id) : undefined;
  return isDeepStrictEqual(shown?.blocks, wire(renderMessage(checklistCard(s, VIEW)).blocks));
}

/** Whether the connector's latest version of each case activity is the card the stored state renders to. */
export async function teamsShowsStoredState(c: Cluster, caseId: string): Promise<boolean> {
  const s = await snapshotOf(c, caseId);
  const cardOf = (view: ReturnType<typeof caseCard>) =>
    wire(FakeBotConnector.card(viewActivity(view) as Record<string, unknown>));
  const caseMessage = await c.repo.messageId(caseId, 'case');
  if (!caseMessage) return false;
  if (!isDeepStrictEqual(FakeBotConnector.card(c.connector.latest(caseMessage)), cardOf(caseCard(s, VIEW))))
    return false;
  if (!s.transfer) return true;
  const checklist = await c.repo.messageId(caseId, 'checklist');
  return (
    !!checklist &&
    isDeepStrictEqual(FakeBotConnector.card(c.connector.latest(checklist)), cardOf(checklistCard(s, VIEW)))
  );
}

export function reminderPosts(c: Cluster, k: SlackCase): StoredMessage[] {
  return c.fake.threadReplies(k.channel, k.ts).filter((m) => m.text.includes(REMINDER_TEXT));
}

export interface FiredRecord {
  /** The due slot of the job (part of its id). */
  at: number;
  state: 'sending' | 'sent';
  /** The next job of the series: set when this one posted a reminder, null when it ended the series. */
  next?: { at: string; count: number } | null;
}

/** The scheduler's per-job records of a case's checklist reminders (see bullmq-scheduler.ts), by due slot. */
export async function firedRecords(c: Cluster, caseId: string): Promise<FiredRecord[]> {
  const out: FiredRecord[] = [];
  const prefix = `fired:checklist-${caseId}-`;
  for await (const [key, value] of c.store.scan<Omit<FiredRecord, 'at'>>(prefix)) {
    out.push({ ...value, at: Number(key.slice(prefix.length)) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Cron slots strictly between two times. */
export function slotsBetween(after: number, before: number): number[] {
  const out: number[] = [];
  for (let t = policy.nextSlot(new Date(after)).getTime(); t < before; t = policy.nextSlot(new Date(t)).getTime()) {
    out.push(t);
  }
  return out;
}
