// Submits the start form: at most one case per rendered form, and a rejected submission comes back as the same
// card with the entered values and an error under each field.
import type { TurnContext } from 'botbuilder';
import { md } from '../../src/dialog/markup.js';
import { messages } from '../../src/i18n/messages.js';
import { baseConversationId, isDirect, tenantOf } from './activity.js';
import { type CardRequest, type CardResult, str } from './card-actions.js';
import { type AdaptiveCardJson, cardAttachment, renderNotice } from './cards.js';
import type { TeamsDeps } from './deps.js';
import { readFormValues, renderForm } from './form-card.js';
import { escapeText } from './markdown.js';
import { errorInfo, withRetry } from './retry.js';
import { teamsTexts } from './texts.js';

export async function submitStartForm(ctx: TurnContext, d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  // The form card carries the language it was rendered in; the engine decides it, and what a direct chat gets.
  const opened = d.engine.startForm(req.user, str(req.data.lang) ?? req.locale, { direct: isDirect(ctx.activity) });
  if ('refusal' in opened) return { message: opened.refusal };
  const { form } = opened;
  const { language } = form;
  const texts = teamsTexts(language);
  const title = escapeText(form.title, 'card');

  // Teams retries an invoke it got no answer to, and people double-click: the form's id makes the submit count once.
  const formId = typeof req.data.formId === 'string' && req.data.formId ? req.data.formId : undefined;
  const members = await d.members.list(ctx);
  const names: Record<string, string | undefined> = Object.fromEntries(members.map((m) => [m.id, m.name]));
  names[req.user.id] = req.user.name ?? names[req.user.id];
  const result = await d.engine.submitStart({
    platform: 'teams',
    workspace: tenantOf(ctx.activity),
    conversation: baseConversationId(ctx.activity.conversation.id),
    user: req.user,
    locale: language,
    values: readFormValues(form, req.data),
    names,
    key: formId ? `teams:form:${formId}` : undefined,
    // Only channels have threads; in a group or personal chat the checklist is simply the next message.
    threads: ctx.activity.conversation.conversationType === 'channel',
  });
  if (!result.ok) {
    return {
      card: renderForm(result.form, members, { values: req.data, formId }),
      message: texts.checkFields,
      form: true,
    };
  }
  if (result.duplicate) {
    const text = result.duplicate === 'pending' ? texts.busy : texts.alreadySubmitted;
    return { card: renderNotice(title, text, 'attention'), message: text };
  }
  d.logger.info({ caseId: result.caseId }, 'Teams start form submitted');
  // The core withdraws a case whose card it could not post in this conversation (the bot was removed, 403).
  if (result.withdrawn) {
    const text = messages(language).errors.notPosted;
    return { card: renderNotice(title, text, 'attention'), message: text };
  }
  const values = readFormValues(form, req.data);
  const sent = texts.submittedBy(md`${values.clientName ?? ''}`, md`${req.user.name ?? req.user.id}`);
  const card = renderNotice(title, `✅ ${sent}`);
  await replaceFormForEveryone(ctx, d, card);
  return { card, message: sent };
}

/**
 * The invoke response changes the form only for whoever pressed; the channel's copy would stay a blank form that
 * someone else could send again. Replacing the message itself is rendering: the case is stored whatever happens.
 */
async function replaceFormForEveryone(ctx: TurnContext, d: TeamsDeps, card: AdaptiveCardJson): Promise<void> {
  const formMessage = ctx.activity.replyToId;
  if (ctx.activity.type !== 'invoke' || !formMessage) return;
  try {
    await withRetry(
      () => ctx.updateActivity({ type: 'message', id: formMessage, attachments: [cardAttachment(card)] }),
      d.retry,
    );
  } catch (err) {
    d.logger.warn({ error: errorInfo(err), activityId: formMessage }, 'Teams: could not replace the sent start form');
  }
}
