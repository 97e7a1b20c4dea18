// History presses on Teams cards: History and Export answer the presser alone (the invoke's card), and a typed
// "geschiedenis <klant>" in a shared conversation is answered with a prompt its asker's client refreshes into theirs.
import type { TurnContext } from 'botbuilder';
import type { HistoryAnswer } from '../../src/dialog/history.js';
import { languageFromLocale } from '../../src/i18n/language.js';
import { messages } from '../../src/i18n/messages.js';
import { baseConversationId } from './activity.js';
import type { CardRequest, CardResult } from './card-actions.js';
import { currentCard, str } from './card-actions.js';
import type { TeamsDeps } from './deps.js';
import { renderHistoryCard } from './history-card.js';

const language = (req: CardRequest) => languageFromLocale(req.locale) ?? 'nl';

/** History: the presser's copy of the case card turns into the history; an outsider's gets why not on top. */
export async function showHistory(d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  const caseId = str(req.data.caseId) ?? '';
  return answerCard(d, req, caseId, await d.engine.history.show(caseId, req.user, language(req)));
}

/** "geschiedenis <klant>" answered for whoever presses (or whose client refreshes) the prompt card. */
export async function findHistory(ctx: TurnContext, d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  const where = { platform: 'teams' as const, conversation: baseConversationId(ctx.activity.conversation?.id ?? '') };
  const answer = await d.engine.history.find(str(req.data.q) ?? '', req.user, where, language(req));
  return answerCard(d, req, undefined, answer);
}

/**
 * Export: with PUBLIC_URL a signed link (15 minutes, this user only) on the history card, which the invoke shows to
 * the presser alone; without it the trail as a table in that card.
 */
export async function exportHistory(d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  const caseId = str(req.data.caseId) ?? '';
  const answer = await d.engine.history.export(caseId, req.user, language(req));
  if (answer.status !== 'ok') return answerCard(d, req, caseId, answer);
  const h = messages(answer.view.language).history;
  const card = answer.link
    ? renderHistoryCard(answer.view, {
        download: answer.link,
        notice: { text: h.exportLink(answer.linkMinutes), tone: 'good' },
      })
    : renderHistoryCard(answer.view, { table: true, notice: { text: h.exportTable, tone: 'good' } });
  return { card, status: 'done' };
}

/** The history card, or for a refusal the case card (when there is one) with the reason on top, else the reason. */
export async function answerCard(
  d: TeamsDeps,
  req: CardRequest,
  caseId: string | undefined,
  answer: HistoryAnswer,
): Promise<CardResult> {
  if (answer.status === 'shown') return { card: renderHistoryCard(answer.view), status: 'done' };
  const card = caseId
    ? await currentCard(d, caseId, 'case', req.user, { text: answer.message, tone: 'attention' })
    : undefined;
  return card ? { card, message: answer.message, status: 'refused' } : { message: answer.message, status: 'refused' };
}
