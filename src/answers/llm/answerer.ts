// Answers through an OpenAI-compatible model that sees only the retrieved passages; any failure falls back offline.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { ZodError } from 'zod';
import { notFoundText } from '../messages.js';
import { citationFor, type Decision, type OfflineAnswerer, type Retrieval } from '../offline.js';
import type { SectionEntry } from '../passages.js';
import type { Answer, AnswerEngine, AnswerRequest } from '../types.js';
import { createModelClient, type ModelClient } from './client.js';
import type { OpenAIOptions, WarnLogger } from './options.js';
import { buildMessages, passageId } from './prompt.js';
import { type ModelAnswer, modelAnswerSchema } from './schema.js';

const MAX_PASSAGES = 4;

class InvalidOutputError extends Error {}

function failureReason(err: unknown): string {
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (err instanceof APIError && typeof err.status === 'number') return `http_${err.status}`;
  if (err instanceof APIConnectionError) return 'connection';
  if (err instanceof InvalidOutputError || err instanceof ZodError || err instanceof SyntaxError)
    return 'invalid_output';
  const name = err instanceof Error ? err.constructor.name : '';
  if (name === 'LengthFinishReasonError' || name === 'ContentFilterFinishReasonError') return 'invalid_output';
  return 'error';
}

/** Sections scoring below this share of the best one are noise to the model. */
const MIN_RELATIVE_SCORE = 0.25;

/** The offline pick first (it passed the coverage check), then the next best-ranked sections. */
export function choosePassages(retrieval: Retrieval, decision: Decision): SectionEntry[] {
  const out: SectionEntry[] = [...decision.sections];
  const top = retrieval.ranked[0]?.score ?? 0;
  for (const r of retrieval.ranked) {
    if (out.length >= MAX_PASSAGES || r.score < top * MIN_RELATIVE_SCORE) break;
    if (!out.includes(r.entry)) out.push(r.entry);
  }
  return out.slice(0, MAX_PASSAGES);
}

export class LlmAnswerer implements AnswerEngine {
  private readonly model: ModelClient;

  constructor(
    private readonly offline: OfflineAnswerer,
    options: OpenAIOptions,
    private readonly logger: WarnLogger,
  ) {
    this.model = createModelClient(options);
  }

  async answer(request: AnswerRequest): Promise<Answer> {
    const retrieval = this.offline.retrieve(request);
    const decision = this.offline.decide(retrieval);
    const offline = () => this.offline.answerFrom(retrieval, decision);
    // A known gap is a settled "the article does not say"; with nothing retrieved there is nothing to answer from.
    if (retrieval.gap || !retrieval.concepts.length) return offline();
    const passages = choosePassages(retrieval, decision);
    if (!passages.length) return offline();
    try {
      const parsed = await this.ask(retrieval, passages, request);
      return this.toAnswer(parsed, retrieval, decision, passages) ?? offline();
    } catch (err) {
      this.logger.warn(
        { reason: failureReason(err), err: err instanceof Error ? err.message : String(err) },
        'OpenAI answer failed; falling back to the offline answer',
      );
      return offline();
    }
  }

  private async ask(retrieval: Retrieval, passages: SectionEntry[], request: AnswerRequest): Promise<ModelAnswer> {
    const completion = await this.model.client.chat.completions.parse({
      model: this.model.model,
      messages: buildMessages(
        retrieval.language,
        passages,
        request.question,
        retrieval.followUp ? request.previousQuestion : undefined,
      ),
      response_format: zodResponseFormat(modelAnswerSchema, 'knowledge_answer'),
      temperature: 0,
    });
    const message = completion.choices[0]?.message;
    if (!message) throw new InvalidOutputError('the response has no choices');
    if (message.refusal) throw new InvalidOutputError(`the model refused: ${message.refusal}`);
    if (!message.parsed) throw new InvalidOutputError('the response has no parsed content');
    return message.parsed;
  }

  /** Null when the model's answer cannot be trusted and the offline answer should be used. */
  private toAnswer(
    parsed: ModelAnswer,
    retrieval: Retrieval,
    decision: Decision,
    passages: SectionEntry[],
  ): Answer | null {
    const { language, suggestTakeover } = retrieval;
    if (!parsed.found) {
      const reason = decision.found ? { closestTitle: passages[0]?.article.title } : decision.reason;
      return { answer: notFoundText(language, reason), language, found: false, citations: [], suggestTakeover };
    }
    const byId = new Map(passages.map((p) => [passageId(p), p]));
    const cited = [...new Set(parsed.citedSectionIds)];
    const kept = cited.map((id) => byId.get(id)).filter((p): p is SectionEntry => p !== undefined);
    const dropped = cited.filter((id) => !byId.has(id));
    if (dropped.length) {
      this.logger.warn(
        { reason: 'unknown_citation', dropped },
        'Dropped citations to sections that were not retrieved',
      );
    }
    const text = parsed.answer.trim();
    if (!text || !kept.length) {
      this.logger.warn(
        { reason: 'invalid_output', detail: text ? 'no retrieved passage cited' : 'empty answer' },
        'OpenAI answer unusable; falling back to the offline answer',
      );
      return null;
    }
    return { answer: text, language, found: true, citations: kept.map(citationFor), suggestTakeover };
  }
}
