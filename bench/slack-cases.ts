// Slack cases for the benchmarks: created through the modal as a person does, and their approvals signed like Slack.
import type { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { blockText, buttonsOf, CHANNEL, fillModal, PEOPLE, VALID_START } from '../test/helpers/slack-app.js';
import { SIGNING_SECRET, type SlackSender, slackSignature } from '../test/helpers/slack-requests.js';
import type { PreparedRequest } from './load.js';
import { APPROVED } from './verify.js';

export interface SlackCase {
  id: string;
  /** The case message's ts in the channel. */
  ts: string;
}

/** /overname start, then the modal submitted; 10 people at a time. Returns the new case messages. */
export async function createCases(fake: FakeSlackApi, slack: SlackSender, n: number, from = 0): Promise<SlackCase[]> {
  const before = new Set(fake.channelMessages(CHANNEL).map((m) => m.ts));
  const one = async (i: number) => {
    const payload = slack.commandPayload(PEOPLE.requester.id, CHANNEL, 'start');
    await (await slack.post(new URLSearchParams(payload).toString(), 'application/x-www-form-urlencoded')).text();
    const opened = await fake.waitFor(() => fake.views.find((v) => v.trigger_id === payload.trigger_id));
    const res = await slack.submit(
      PEOPLE.requester.id,
      { callback_id: 'startCase', private_metadata: String(opened.view.private_metadata) },
      fillModal(opened.view, { ...VALID_START, clientName: `Klant ${from + i} B.V.` }),
    );
    if (res.status !== 200 || (await res.text()) !== '') throw new Error('start modal refused');
  };
  for (let i = 0; i < n; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, j) => one(i + j)));
  }
  const created = await fake.waitFor(() => {
    const fresh = fake.channelMessages(CHANNEL).filter((m) => !before.has(m.ts));
    return fresh.length === n && fresh;
  }, 30_000);
  return created.map((m) => ({ id: buttonsOf(m.blocks)[0]?.[1] ?? '', ts: m.ts }));
}

/** Each case's three approvals next to each other, signed now: under concurrency they race for one message. */
export async function signedApprovals(slack: SlackSender, cases: SlackCase[]): Promise<PreparedRequest[]> {
  const out: PreparedRequest[] = [];
  const capture = Object.create(slack) as SlackSender;
  capture.post = async (body, contentType) => {
    const timestamp = Math.floor(Date.now() / 1000);
    out.push({
      body,
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
      },
    });
    return new Response(null, { status: 204 });
  };
  for (const c of cases) {
    for (const [user, role] of [
      [PEOPLE.oldAdmin.id, 'oldEnvironmentAdmin'],
      [PEOPLE.client.id, 'client'],
      [PEOPLE.requester.id, 'newEnvironmentAdmin'],
    ] as const) {
      await capture.action({ user, actionId: `approve:${role}`, value: c.id, channel: CHANNEL, messageTs: c.ts });
    }
  }
  return out;
}

/** Whether every case message shows the approved status line (a cheap check while waiting). */
export function allShowApproved(fake: FakeSlackApi, cases: SlackCase[]): boolean {
  return cases.every((c) => blockText(fake.message(CHANNEL, c.ts)?.blocks ?? []).includes(APPROVED));
}
