// Answers Teams' adaptiveCard/action invoke: always HTTP 200 with a card (or a message), within a time budget.
//
// Without a proper answer Teams shows "Unable to reach app" and retries the invoke. So errors become a message,
// a slow engine (a throttled connector during the case message update) becomes the current card from the store,
// and an exact retry of a case action is answered with the current card without acting again.
import type { InvokeResponse, TurnContext } from 'botbuilder';
import { languageFromLocale } from '../../src/i18n/language.js';
import { asRecord, userOf } from './activity.js';
import { type CardRequest, type CardResult, currentCard, runCardAction, str } from './card-actions.js';
import { CARD_CONTENT_TYPE, REFRESH_VERB } from './cards.js';
import type { TeamsDeps } from './deps.js';
import { plainText } from './markdown.js';
import { teamsTexts } from './texts.js';

export const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';
const RETRY_MEMORY_MS = 10 * 60_000;

export async function handleCardInvoke(ctx: TurnContext, d: TeamsDeps): Promise<InvokeResponse> {
  const value = asRecord(ctx.activity.value);
  const action = asRecord(value.action);
  const verb = str(action.verb);
  if (action.type !== 'Action.Execute' || !verb) {
    return {
      status: 400,
      body: {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: 'Action.Execute with a verb expected' },
      },
    };
  }
  const req: CardRequest = {
    verb,
    data: asRecord(action.data),
    user: userOf(ctx.activity),
    locale: ctx.activity.locale || undefined,
  };
  const texts = teamsTexts(languageFromLocale(req.locale) ?? 'nl');

  const work = act(ctx, d, req).then(
    (result) => ({ result }),
    (err: unknown) => {
      d.logger.error({ err, verb }, 'Teams card action failed');
      return { failed: true as const };
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), d.invokeBudgetMs);
  });
  const first = await Promise.race([work, slow]);
  clearTimeout(timer);
  // Not stored: an error answer (Teams tells the person and may try again), never a 200 with a card.
  if (first !== 'slow' && 'failed' in first) return failure(texts.failed);
  if (first !== 'slow') return respond(first.result);

  d.logger.warn({ verb, budgetMs: d.invokeBudgetMs }, 'Teams card action slow; answering with the stored state');
  const card = await currentCard(d, str(req.data.caseId), str(req.data.card), req.user, {
    text: texts.slow,
    tone: 'good',
  });
  return respond(card ? { card } : { message: texts.slow });
}

async function act(ctx: TurnContext, d: TeamsDeps, req: CardRequest): Promise<CardResult> {
  const id = ctx.activity.id;
  if (req.verb !== REFRESH_VERB && str(req.data.caseId) && id) {
    const first = await d.store.setIfAbsent(`teams:invoke:${id}`, true, RETRY_MEMORY_MS);
    if (!first) {
      d.logger.info({ verb: req.verb, activityId: id }, 'repeated Teams invoke; answering with the current card');
      return runCardAction(ctx, d, { ...req, verb: REFRESH_VERB });
    }
  }
  return runCardAction(ctx, d, req);
}

function failure(message: string): InvokeResponse {
  return {
    status: 503,
    body: {
      statusCode: 503,
      type: 'application/vnd.microsoft.error',
      value: { code: 'ServiceUnavailable', message: plainText(message) },
    },
  };
}

function respond(result: CardResult): InvokeResponse {
  if (result.card) return { status: 200, body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card } };
  return {
    status: 200,
    body: { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: plainText(result.message ?? '') || ' ' },
  };
}
