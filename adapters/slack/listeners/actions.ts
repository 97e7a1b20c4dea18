// Button presses: action_id "<action>[:<role|item>]", value = case id; the engine decides, Slack shows the result.
import type { App, BlockAction } from '@slack/bolt';
import { languageFromLocale } from '../../../src/i18n/language.js';
import { messages } from '../../../src/i18n/messages.js';
import { parseActionId, payloadOf } from '../action-id.js';
import { type SlackDeps, slackUser } from '../context.js';
import { renderModal } from '../render-modal.js';
import { slackTexts } from '../texts.js';
import type { SlackUser } from '../users.js';
import { historyPress } from './history.js';
import { openStartModal } from './start.js';

interface Press {
  ack: () => Promise<void>;
  body: BlockAction;
  actionId: unknown;
  value: unknown;
  channel?: string;
  thread?: string;
  info?: SlackUser;
  /** An ephemeral note to the presser, in the thread the button is in. */
  note: (markup: string) => Promise<void>;
}

export function registerActions(app: App, deps: SlackDeps): void {
  // Every block action, whatever its action_id: a malformed one must still get an answer, not silence.
  app.action({ type: 'block_actions' }, async ({ ack: boltAck, body, action }) => {
    const b = body as BlockAction;
    const a = (action ?? {}) as { action_id?: unknown; value?: unknown };
    const channel = b.channel?.id ?? b.container?.channel_id;
    // A press in a thread (the checklist) answers in that thread.
    const thread = b.message?.thread_ts ?? b.container?.thread_ts;
    let acked = false;
    const ack = async () => {
      if (acked) return;
      acked = true;
      await boltAck();
    };
    // Bounded (0.8 s): the name goes into the decision, and the ack must come well inside Slack's 3 seconds.
    const info = await deps.users.quick(b.user.id);
    // A press on the Home tab has no channel to answer in: its note shows on top of the republished Home page. A press
    // inside a modal (the history's Export) has a view as container too, but no Home page to put a note on.
    const fromHome = !channel && b.view?.type === 'home';
    const note = async (markup: string) => {
      if (channel) await deps.messenger.ephemeral(channel, b.user.id, { kind: 'text', text: markup }, thread);
      else if (fromHome) {
        const language = languageFromLocale(info?.locale) ?? 'nl';
        await deps.engine.takeovers.refresh(slackUser(b.user.id, info?.name), language, markup);
      }
    };
    try {
      await press(deps, { ack, body: b, actionId: a.action_id, value: a.value, channel, thread, info, note });
    } catch (err) {
      // Not stored: no ack, so Slack shows the press failed instead of a 200 for a decision that was not kept.
      if (!acked) throw err;
      deps.logger.error({ err, action: a.action_id }, 'slack action failed after it was stored');
      await note(slackTexts(languageFromLocale(info?.locale) ?? 'nl').failed);
    }
  });
}

async function press(deps: SlackDeps, p: Press): Promise<void> {
  const { body: b, info } = p;
  const user = slackUser(b.user.id, info?.name ?? b.user.name);
  const parsed = parseActionId(p.actionId);

  if (parsed?.action === 'start') {
    // Opening a form changes nothing: acknowledged at once.
    await p.ack();
    if (!p.channel) return p.note(messages(languageFromLocale(info?.locale) ?? 'nl').errors.malformed);
    await openStartModal(deps, {
      triggerId: b.trigger_id,
      team: b.team?.id ?? '',
      channel: p.channel,
      user: b.user.id,
      name: user.name,
      locale: info?.locale,
      say: p.note,
    });
    return;
  }

  if (parsed?.action === 'history' || parsed?.action === 'history_export') {
    // Reading the history changes nothing: acknowledged at once.
    await p.ack();
    return historyPress(deps, {
      action: parsed.action,
      caseId: typeof p.value === 'string' ? p.value : '',
      user,
      language: languageFromLocale(info?.locale) ?? 'nl',
      triggerId: b.trigger_id,
      // Export inside the history modal updates that modal; anywhere else (a channel, a replayed Home press) a note.
      viewId: b.view?.type === 'modal' ? b.view.id : undefined,
      note: p.note,
    });
  }

  // Acknowledged means stored: the decision is written first, the ack follows, the message is rendered after it.
  const outcome = await deps.engine.handleAction({
    platform: 'slack',
    user,
    caseId: typeof p.value === 'string' ? p.value : '',
    // An unparsable id goes in as an unknown action: the engine answers "not understood" and changes nothing.
    action: parsed?.action ?? 'malformed',
    payload: parsed ? payloadOf(parsed) : {},
    locale: info?.locale,
    answerBeforeRender: true,
  });
  await p.ack();
  deps.logger.debug({ action: p.actionId, status: outcome.status }, 'slack action handled');
  // The render is part of this press's work (Bolt counts it running until it ends), just not of its ack.
  await outcome.rendered;
  if (outcome.status === 'needsInput' && outcome.form?.kind === 'form') {
    // The form's language goes along, so an empty reason is refused in the language the modal speaks.
    const metadata = { channel: p.channel, thread: p.thread, team: b.team?.id, locale: outcome.form.language };
    await deps.messenger.openModal(b.trigger_id, renderModal(outcome.form, metadata));
    return;
  }
  if (outcome.message && !speaksForItself(outcome.status, parsed?.action)) await p.note(outcome.message);
}

/**
 * A decision or a ticked item shows in the message itself, re-rendered in place, and a double click changes nothing
 * there either: a private note on top would only pile up (and costs a Web API call per click). The presser does get
 * a note for a refusal, a stale or malformed press, and for steps whose note says what happens next.
 */
function speaksForItself(status: string, action: string | undefined): boolean {
  if (status === 'unchanged') return true;
  return status === 'done' && (action === 'approve' || action === 'reject' || !!action?.startsWith('checklist_'));
}
