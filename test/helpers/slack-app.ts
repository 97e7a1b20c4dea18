// Starts the real service with the Slack adapter against the fake Slack Web API, plus people and form helpers.
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/plugin.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { startTestApp, type TestApp } from './app.js';
import { BOT, FakeSlackApi, type FakeUser } from './fake-slack-api.js';
import { SIGNING_SECRET, SlackSender } from './slack-requests.js';

export const PEOPLE = {
  requester: { id: 'UREQ', real_name: 'Rianne Aanvrager', locale: 'nl-NL' },
  oldAdmin: { id: 'UOLD', real_name: 'Otto Oud', locale: 'nl-NL' },
  client: { id: 'UCLIENT', real_name: 'Karin Klant', locale: 'nl-NL' },
  outsider: { id: 'UOUT', real_name: 'Buiten Staander', locale: 'nl-NL' },
  english: { id: 'UENG', real_name: 'Emma English', locale: 'en-US' },
  helperBot: { id: 'UHELPERBOT', real_name: 'Jira Bot', is_bot: true },
} satisfies Record<string, FakeUser>;

export const CHANNEL = 'C1';

export interface SlackHarness {
  app: TestApp;
  fake: FakeSlackApi;
  slack: SlackSender;
  adapter: SlackAdapter;
  /** Waits until every acked request has been fully handled. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlackApp(
  env: Record<string, string> = {},
  options: { socketUrl?: string; logger?: Logger; store?: Store } = {},
): Promise<SlackHarness> {
  const fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
  fake.socketUrl = options.socketUrl;
  const adapter = createSlackAdapter();
  const app = await startTestApp(
    {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      ...env,
    },
    { platforms: [adapter], logger: options.logger, store: options.store },
  );
  return {
    app,
    fake,
    slack: new SlackSender(app.url, fake),
    adapter,
    settle: () => adapter.idle(),
    async close() {
      await app.close();
      await fake.close();
    },
  };
}

type StateValue = Record<string, unknown>;

/**
 * Fills a rendered modal the way a person would, and returns Slack's view_submission state for it: the element
 * types come from the modal itself, so block and action ids are proven to round-trip.
 */
export function fillModal(
  view: Record<string, unknown>,
  values: Record<string, string | string[] | undefined>,
): Record<string, Record<string, StateValue>> {
  const state: Record<string, Record<string, StateValue>> = {};
  for (const block of view.blocks as { type: string; block_id: string; element: Record<string, unknown> }[]) {
    if (block.type !== 'input') continue;
    const el = block.element;
    const id = String(el.action_id);
    const v = block.block_id in values ? values[block.block_id] : initialOf(el);
    const options = (el.options ?? []) as { value: string; text: unknown }[];
    let value: StateValue;
    switch (el.type) {
      case 'users_select':
        value = { type: 'users_select', selected_user: v ?? null };
        break;
      case 'checkboxes':
        value = { type: 'checkboxes', selected_options: options.filter((o) => [v ?? []].flat().includes(o.value)) };
        break;
      case 'radio_buttons':
        value = { type: 'radio_buttons', selected_option: options.find((o) => o.value === v) ?? null };
        break;
      default:
        value = { type: String(el.type), value: v ?? null };
    }
    state[block.block_id] = { [id]: value };
  }
  return state;
}

function initialOf(el: Record<string, unknown>): string | string[] | undefined {
  if (typeof el.initial_user === 'string') return el.initial_user;
  if (typeof el.initial_value === 'string') return el.initial_value;
  const one = el.initial_option as { value: string } | undefined;
  if (one) return one.value;
  const many = el.initial_options as { value: string }[] | undefined;
  return many?.map((o) => o.value);
}

export const VALID_START = {
  clientName: 'Bakkerij De Korst B.V.',
  administrations: '1001 Bakkerij De Korst\n1002 De Korst Vastgoed',
  oldEnvironment: 'Accountantskantoor Oud',
  newEnvironment: 'Accountantskantoor Nieuw',
  oldEnvironmentAdmin: PEOPLE.oldAdmin.id,
  client: PEOPLE.client.id,
  features: ['rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure'],
};

/** All text of a Slack message's blocks, for assertions: section text, fields, context, header, button labels. */
export function blockText(blocks: unknown[]): string {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const item of x) walk(item);
    } else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== 'text' || typeof v !== 'string') walk(v);
    }
  };
  walk(blocks);
  return out.join('\n');
}

/** Buttons of a message as [action_id, value]. */
export function buttonsOf(blocks: unknown[]): [string, string | undefined][] {
  return (blocks as { type: string; elements?: { type: string; action_id: string; value?: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button')
    .map((e) => [e.action_id, e.value]);
}

/** A case in CHANNEL started straight through the engine (no modal), with its case message posted; its id and ts. */
export async function slackCaseInChannel(app: TestApp): Promise<{ caseId: string; ts: string }> {
  const r = await app.engine.submitStart({
    platform: 'slack',
    workspace: BOT.team,
    conversation: CHANNEL,
    user: { platform: 'slack', id: PEOPLE.requester.id, name: PEOPLE.requester.real_name },
    values: { ...VALID_START, newEnvironmentAdmin: PEOPLE.requester.id },
  });
  if (!r.ok) throw new Error('case not created');
  return { caseId: r.caseId, ts: (await app.engine.repo.messageId(r.caseId, 'case'))! };
}
