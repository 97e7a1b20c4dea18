// What a press on a card does, whichever way it arrived (Action.Execute invoke or Action.Submit message):
// refresh a viewer's copy, open or submit the start form, or act on a case through the engine.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { ActionStatus } from '../../src/dialog/inbound.js';
import type { UserRef } from '../../src/domain/case.js';
import { languageFromLocale } from '../../src/i18n/language.js';
import { messages } from '../../src/i18n/messages.js';
import { isDirect } from './activity.js';
import { type AdaptiveCardJson, type CardOptions, REFRESH_VERB, renderCard } from './cards.js';
import type { TeamsDeps } from './deps.js';
import { renderForm, START_SUBMIT_VERB } from './form-card.js';
import { submitStartForm } from './form-submit.js';
import { exportHistory, findHistory, showHistory } from './history-actions.js';
import { EXPORT_VERB, FIND_VERB, HISTORY_VERB } from './history-card.js';

export interface CardRequest {
  verb: string;
  /** The action's data with the card's inputs merged in. */
  data: Record<string, unknown>;
  user: UserRef;
  locale?: string;
}

export interface CardResult {
  /** The card the presser sees next (the invoke response). */
  card?: AdaptiveCardJson;
  /** Feedback (markup) for the presser. */
  message?: string;
  /** How the engine judged a case action. */
  status?: ActionStatus;
  /** The card is a form to fill in (start form, corrections, reason). */
  form?: boolean;
}

export async function runCardAction(ctx: TurnContext, d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  switch (req.verb) {
    case REFRESH_VERB:
      return refresh(d, req);
    case 'start':
      return openStartForm(ctx, d, req);
    case START_SUBMIT_VERB:
      return submitStartForm(ctx, d, req);
    case HISTORY_VERB:
      return showHistory(d, req);
    case EXPORT_VERB:
      return exportHistory(d, req);
    case FIND_VERB:
      return findHistory(ctx, d, req);
    default:
      return caseAction(d, req);
  }
}

async function refresh(d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  const card = await currentCard(d, str(req.data.caseId), str(req.data.card), req.user, undefined, lang(req));
  if (card) return { card };
  return { message: messages(languageFromLocale(req.locale) ?? 'nl').errors.unknownCase };
}

async function openStartForm(ctx: TurnContext, d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  const opened = d.engine.startForm(req.user, str(req.data.lang) ?? req.locale, { direct: isDirect(ctx.activity) });
  if ('refusal' in opened) return { message: opened.refusal };
  const members = await d.members.list(ctx);
  return { card: renderForm(opened.form, members, { formId: randomUUID() }), form: true };
}

async function caseAction(d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  const caseId = str(req.data.caseId) ?? '';
  const outcome = await d.engine.handleAction({
    platform: 'teams',
    user: req.user,
    caseId,
    action: req.verb,
    payload: req.data,
    locale: req.locale,
    // The answer below is the case card read from the store; the channel's copy follows.
    answerBeforeRender: true,
  });
  if (outcome.status === 'needsInput' && outcome.form?.kind === 'form') {
    return { card: renderForm(outcome.form, []), message: outcome.message, status: outcome.status, form: true };
  }
  const tone = outcome.status === 'done' || outcome.status === 'unchanged' ? 'good' : 'attention';
  const notice = outcome.message ? { text: outcome.message, tone } : undefined;
  const card = await currentCard(d, caseId, str(req.data.card), req.user, notice as CardOptions['notice'], lang(req));
  return { card, message: outcome.message, status: outcome.status };
}

/**
 * The case's card (or checklist) as this viewer should see it now, rendered from the store; for a press on "my
 * takeovers" (`which` "mine") that card again, so the list shows what the press changed.
 */
export async function currentCard(
  d: TeamsDeps,
  caseId: string | undefined,
  which: string | undefined,
  viewer: UserRef,
  notice?: CardOptions['notice'],
  language: 'nl' | 'en' = 'nl',
): Promise<AdaptiveCardJson | undefined> {
  if (which === 'mine') {
    const view = await d.engine.takeovers.card(viewer, language);
    return renderCard(view, viewer, { ...d.cards, notice });
  }
  if (!caseId) return undefined;
  const views = await d.engine.views(caseId);
  if (!views) return undefined;
  const view = which === 'checklist' && views.checklist ? views.checklist : views.case;
  return renderCard(view, viewer, { ...d.cards, notice });
}

/** The language of the card pressed ("my takeovers" carries it), else the client's. */
function lang(req: CardRequest): 'nl' | 'en' {
  const l = str(req.data.lang);
  return l === 'en' || l === 'nl' ? l : (languageFromLocale(req.locale) ?? 'nl');
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
