// A message to the bot: a question or command for the engine, or an Action.Submit press from an older client.

import { randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { HistoryAnswer } from '../../src/dialog/history.js';
import type { InboundMessage } from '../../src/dialog/inbound.js';
import { historyQuery } from '../../src/dialog/intents.js';
import { asRecord, inboundMessage, userOf } from './activity.js';
import { type CardResult, runCardAction } from './card-actions.js';
import { cardAttachment, REFRESH_VERB } from './cards.js';
import type { TeamsDeps } from './deps.js';
import { START_SUBMIT_VERB } from './form-card.js';
import { renderHistoryCard, renderHistoryPrompt } from './history-card.js';
import { withRetry } from './retry.js';
import { viewActivity } from './view-activity.js';

export async function handleMessage(ctx: TurnContext, d: TeamsDeps): Promise<void> {
  const value = asRecord(ctx.activity.value);
  if (typeof value.verb === 'string') return handleSubmit(ctx, d, value.verb, value);
  const msg = inboundMessage(ctx.activity);
  const reply = await d.engine.handleMessage(msg);
  if (reply.history) return answerHistory(ctx, d, msg, reply.history);
  for (const view of reply.views) {
    const members = view.kind === 'form' ? await d.members.list(ctx) : undefined;
    // "My takeovers" in a personal chat is for the asker alone: drawn as they see it, with their buttons.
    const viewer = msg.direct && view.kind === 'card' && view.purpose === 'mine' ? msg.user : undefined;
    await send(ctx, d, viewActivity(view, { members, form: { formId: randomUUID() }, card: d.cards, viewer }));
  }
}

/** Action.Submit (clients without Universal Actions): no invoke response, so results become messages. */
async function handleSubmit(
  ctx: TurnContext,
  d: TeamsDeps,
  verb: string,
  data: Record<string, unknown>,
): Promise<void> {
  if (verb === REFRESH_VERB) return;
  const result: CardResult = await runCardAction(ctx, d, {
    verb,
    data,
    user: userOf(ctx.activity),
    locale: ctx.activity.locale || undefined,
  });
  const cardMessage = result.card ? { type: 'message', attachments: [cardAttachment(result.card)] } : undefined;
  const formMessage = ctx.activity.replyToId;
  if (verb === START_SUBMIT_VERB && cardMessage && formMessage) {
    // The form's own message turns into the corrected form or the confirmation.
    await withRetry(() => ctx.updateActivity({ ...cardMessage, id: formMessage }), d.retry);
    return;
  }
  if (result.form && cardMessage) return send(ctx, d, cardMessage);
  // A done case action shows in the updated case message; anything else deserves a word.
  if (result.message && result.status !== 'done') {
    await send(ctx, d, viewActivity({ kind: 'text', text: result.message }));
  }
}

/**
 * A typed "geschiedenis <klant>". Personal chat is private: the history card (or why not) comes straight back. In a
 * channel or group chat everyone reads the reply, so it is a prompt without the history that the asker's client
 * refreshes into their own copy (answerCard in history-actions.ts); a press by anyone else is judged for them.
 */
async function answerHistory(ctx: TurnContext, d: TeamsDeps, msg: InboundMessage, answer: HistoryAnswer) {
  if (msg.direct) {
    if (answer.status === 'shown')
      return send(ctx, d, { type: 'message', attachments: [cardAttachment(renderHistoryCard(answer.view))] });
    return send(ctx, d, viewActivity({ kind: 'text', text: answer.message }));
  }
  if (answer.status === 'usage') return send(ctx, d, viewActivity({ kind: 'text', text: answer.message }));
  const language = answer.status === 'shown' ? answer.view.language : answer.language;
  const prompt = renderHistoryPrompt(language, msg.user, historyQuery(msg.text), d.cards.userSpecificViews !== false);
  return send(ctx, d, { type: 'message', attachments: [cardAttachment(prompt)] });
}

async function send(ctx: TurnContext, d: TeamsDeps, activity: Partial<Activity>): Promise<void> {
  await withRetry(() => ctx.sendActivity(activity), d.retry);
}
