// Modal submissions: the new takeover (validated inline, bots refused) and the reason for a rejection.
import { createHash } from 'node:crypto';
import type { App, ViewSubmitAction } from '@slack/bolt';
import type { Language } from '../../../src/answers/types.js';
import type { StoredStart } from '../../../src/dialog/engine.js';
import { ROLES } from '../../../src/domain/case.js';
import { type FormValues, parseStartForm } from '../../../src/domain/case-input.js';
import { languageFromLocale } from '../../../src/i18n/language.js';
import { messages } from '../../../src/i18n/messages.js';
import { type SlackDeps, slackUser } from '../context.js';
import { decodeMetadata, type ModalMetadata, type ModalStateValue, readModalValues } from '../render-modal.js';
import { VIEW_REJECT_REASON, VIEW_START } from '../routes.js';
import { slackTexts } from '../texts.js';

type StateValues = Record<string, Record<string, ModalStateValue>>;

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(VIEW_START, async ({ ack, body, view }) => {
    const meta = decodeMetadata(view.private_metadata);
    const language = languageFromLocale(meta.locale) ?? 'nl';
    const values = readModalValues(view.state.values as StateValues);
    const errors = await startErrors(deps, values, language);
    // A modal without its channel was not opened by us: refuse on the first field rather than guess a channel.
    if (!meta.channel) errors.clientName ??= messages(language).errors.malformed;
    // Inline errors keep the modal and everything typed in it; Slack allows this answer only in the ack itself.
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    // Acknowledged means stored: the case is written, then the modal closes, then its message is posted (which may
    // take longer than the 3 s Slack waits). A store failure closes nothing: Slack shows the submission failed.
    const stored = await storeCase(deps, body as ViewSubmitAction, meta, values, language);
    await ack();
    try {
      await afterStored(deps, body as ViewSubmitAction, meta, stored, language);
    } catch (err) {
      deps.logger.error({ err }, 'posting a new case from Slack failed');
      await deps.messenger.ephemeral(meta.channel!, body.user.id, { kind: 'text', text: slackTexts(language).failed });
    }
  });

  app.view(VIEW_REJECT_REASON, async ({ ack, body, view }) => {
    const meta = decodeMetadata(view.private_metadata);
    const language = languageFromLocale(meta.locale) ?? 'nl';
    const reason = readModalValues(view.state.values as StateValues).reason;
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (!text) {
      await ack({ response_action: 'errors', errors: { reason: messages(language).errors.required } });
      return;
    }
    const b = body as ViewSubmitAction;
    const info = await deps.users.quick(b.user.id);
    const note = (markup: string) =>
      meta.channel
        ? deps.messenger.ephemeral(meta.channel, b.user.id, { kind: 'text', text: markup }, meta.thread)
        : Promise.resolve(false);
    // The rejection is stored before the modal closes; a store failure keeps it open with Slack's error.
    const outcome = await deps.engine.handleAction({
      platform: 'slack',
      user: slackUser(b.user.id, info?.name ?? b.user.name),
      caseId: meta.caseId ?? '',
      action: 'reject',
      payload: { role: meta.role, reason: text },
      locale: info?.locale,
      answerBeforeRender: true,
    });
    // Too long (pasted past the field's limit): the modal stays open with the reason under the field.
    if (outcome.status === 'needsInput' && outcome.form?.kind === 'form' && outcome.form.errors) {
      await ack({ response_action: 'errors', errors: outcome.form.errors });
      return;
    }
    await ack();
    try {
      if (outcome.message) await note(outcome.message);
      await outcome.rendered;
    } catch (err) {
      deps.logger.error({ err, caseId: meta.caseId }, 'telling the rejecter failed');
    }
  });
}

/** Stores the case (or finds the one an earlier delivery of the same submission stored); posts nothing yet. */
async function storeCase(
  deps: SlackDeps,
  body: ViewSubmitAction,
  meta: ModalMetadata,
  values: FormValues,
  language: Language,
): Promise<StoredStart> {
  const names: Record<string, string | undefined> = {};
  for (const role of ROLES) {
    const id = values[role];
    if (typeof id === 'string' && id) names[id] = (await deps.users.quick(id))?.name;
  }
  const info = await deps.users.quick(body.user.id);
  const requester = slackUser(body.user.id, info?.name ?? body.user.name);
  return deps.engine.storeStart({
    platform: 'slack',
    workspace: meta.team ?? body.team?.id ?? '',
    conversation: meta.channel!,
    user: requester,
    locale: meta.locale ?? language,
    values,
    names,
    // The same view submitted again (a replay, a double click) with the same values is the same request.
    key: `slack:view:${body.view.id}:${createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16)}`,
  });
}

async function afterStored(
  deps: SlackDeps,
  body: ViewSubmitAction,
  meta: ModalMetadata,
  stored: StoredStart,
  language: Language,
): Promise<void> {
  if (!stored.ok) {
    // Only a race can get here (validated above with the same rules); say so rather than lose the request.
    const list = Object.values(stored.errors)
      .map((e) => `- ${e}`)
      .join('\n');
    const text = slackTexts(language).startFailed(list);
    await deps.messenger.ephemeral(meta.channel!, body.user.id, { kind: 'text', text });
    return;
  }
  if (stored.duplicate) return;
  // The core withdraws a case whose message could not be posted (usually: the bot is not in the channel).
  if (await stored.posted) await explainWithdrawal(deps, body.user.id, language);
}

/** The core's own validation plus what only Slack knows: whether a chosen person exists and is not a bot. */
async function startErrors(deps: SlackDeps, values: FormValues, language: Language): Promise<Record<string, string>> {
  const parsed = parseStartForm(values, language, { external: deps.engine.externalApprovers });
  const errors: Record<string, string> = parsed.ok ? {} : { ...(parsed.errors as Record<string, string>) };
  const t = slackTexts(language);
  await Promise.all(
    ROLES.map(async (role) => {
      const id = values[role];
      if (errors[role] || typeof id !== 'string' || !id) return;
      // All three are looked up at once and before the ack, so each gets at most 1.5 of Slack's 3 seconds.
      const lookup = await deps.users.lookupWithin(id, 1500);
      if (!lookup.found) errors[role] = lookup.reason === 'failed' ? t.userCheckFailed : t.userUnknown;
      else if (lookup.user.deleted) errors[role] = t.userUnknown;
      else if (lookup.user.isBot) errors[role] = t.botNotAllowed;
    }),
  );
  return errors;
}

/** The requester hears in a direct message from the app why their request was withdrawn, and how to fix it. */
async function explainWithdrawal(deps: SlackDeps, userId: string, language: Language) {
  const text = slackTexts(language).notPosted;
  await deps.messenger
    .post({ platform: 'slack', workspace: '', conversation: userId }, { kind: 'text', text })
    .catch((err: unknown) => deps.logger.warn({ err }, 'could not tell the requester'));
}
