// Modal submissions: the new takeover (validated inline, bots refused) and the reason for a rejection.
import type { App, ViewSubmitAction } from '@slack/bolt';
import type { Language } from '../../../src/answers/types.js';
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
    // Closed before the case is created: creating posts to Slack and may take longer than the 3 s Slack waits.
    await ack();
    try {
      await createCase(deps, body as ViewSubmitAction, meta, values, language);
    } catch (err) {
      deps.logger.error({ err }, 'creating a case from Slack failed');
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
    await ack();
    const b = body as ViewSubmitAction;
    const info = await deps.users.get(b.user.id);
    const note = (markup: string) =>
      meta.channel
        ? deps.messenger.ephemeral(meta.channel, b.user.id, { kind: 'text', text: markup }, meta.thread)
        : Promise.resolve(false);
    try {
      const outcome = await deps.engine.handleAction({
        platform: 'slack',
        user: slackUser(b.user.id, info?.name ?? b.user.name),
        caseId: meta.caseId ?? '',
        action: 'reject',
        payload: { role: meta.role, reason: text },
        locale: info?.locale,
      });
      if (outcome.message) await note(outcome.message);
    } catch (err) {
      deps.logger.error({ err, caseId: meta.caseId }, 'recording a rejection from Slack failed');
      await note(slackTexts(language).failed);
    }
  });
}

async function createCase(
  deps: SlackDeps,
  body: ViewSubmitAction,
  meta: ModalMetadata,
  values: FormValues,
  language: Language,
): Promise<void> {
  const names: Record<string, string | undefined> = {};
  for (const role of ROLES) {
    const id = values[role];
    if (typeof id === 'string' && id) names[id] = (await deps.users.get(id))?.name;
  }
  const info = await deps.users.get(body.user.id);
  const requester = slackUser(body.user.id, info?.name ?? body.user.name);
  const result = await deps.engine.submitStart({
    platform: 'slack',
    workspace: meta.team ?? body.team?.id ?? '',
    conversation: meta.channel!,
    user: requester,
    locale: meta.locale,
    values,
    names,
  });
  if (!result.ok) {
    // Only a race can get here (validated above with the same rules); say so rather than lose the request.
    const list = Object.values(result.errors)
      .map((e) => `- ${e}`)
      .join('\n');
    const text = slackTexts(language).startFailed(list);
    await deps.messenger.ephemeral(meta.channel!, body.user.id, { kind: 'text', text });
    return;
  }
  // The core withdraws a case whose message could not be posted (usually: the bot is not in the channel).
  if (result.withdrawn) {
    await explainWithdrawal(deps, body.user.id, language);
  }
}

/** The core's own validation plus what only Slack knows: whether a chosen person exists and is not a bot. */
async function startErrors(deps: SlackDeps, values: FormValues, language: Language): Promise<Record<string, string>> {
  const parsed = parseStartForm(values, language);
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
