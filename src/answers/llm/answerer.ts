// Answers through an OpenAI-compatible model that reads the whole article; what the article is known to be silent
// on is refused before the model is asked, and any failure falls back to the offline answer.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { ZodError } from 'zod';
import { notFoundText } from '../messages.js';
import { type Analysis, citationFor, type OfflineAnswerer } from '../offline.js';
import type { SectionEntry } from '../passages.js';
import type { Answer, AnswerEngine, AnswerRequest } from '../types.js';
import { createModelClient, type ModelClient } from './client.js';
import type { OpenAIOptions, WarnLogger } from './options.js';
import { buildMessages, passageId } from './prompt.js';
import { type ModelAnswer, modelAnswerSchema } from './schema.js';

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
    const analysis = this.offline.analyze(request);
    const offline = () => this.offline.answerFrom(analysis);
    // A known gap is a settled "the article does not say" (the model is not asked to guess); with no words at all
    // (empty, emoji, junk) there is nothing to ask.
    if (analysis.plans.some((p) => p.kind === 'gap') || !analysis.parts.length) return offline();
    const sections = analysis.model.sections;
    try {
      const parsed = await this.ask(analysis, sections, request);
      return this.toAnswer(parsed, analysis, sections) ?? offline();
    } catch (err) {
      this.logger.warn(
        { reason: failureReason(err), err: err instanceof Error ? err.message : String(err) },
        'OpenAI answer failed; falling back to the offline answer',
      );
      return offline();
    }
  }

  private async ask(analysis: Analysis, sections: SectionEntry[], request: AnswerRequest): Promise<ModelAnswer> {
    const ids = sections.map(passageId) as [string, ...string[]];
    const silentOn = [...new Set(analysis.model.articles.flatMap((a) => a.gaps.map((g) => g.topic)))];
    const completion = await this.model.client.chat.completions.parse({
      model: this.model.model,
      messages: buildMessages(
        analysis.language,
        sections,
        silentOn,
        request.question,
        analysis.followUp ? request.previousQuestion : undefined,
      ),
      response_format: zodResponseFormat(modelAnswerSchema(ids), 'knowledge_answer'),
      temperature: 0,
    });
    const message = completion.choices[0]?.message;
    if (!message) throw new InvalidOutputError('the response has no choices');
    if (message.refusal) throw new InvalidOutputError(`the model refused: ${message.refusal}`);
    if (!message.parsed) throw new InvalidOutputError('the response has no parsed content');
    return message.parsed;
  }

  /** Null when the model's answer cannot be trusted and the offline answer should be used. */
  private toAnswer(parsed: ModelAnswer, analysis: Analysis, sections: SectionEntry[]): Answer | null {
    const { language, suggestTakeover, model } = analysis;
    if (!parsed.found) {
      const title = model.articles[0]?.title;
      const answer = notFoundText(language, title ? { closestTitle: title } : {});
      return { answer, language, found: false, citations: [], suggestTakeover };
    }
    const text = parsed.answer.trim();
    const byId = new Map(sections.map((s) => [passageId(s), s]));
    const cited = [...new Set(parsed.citedSectionIds)].map((id) => byId.get(id)).filter((s) => s !== undefined);
    const problem = !text
      ? 'empty answer'
      : !cited.length
        ? 'no section cited'
        : parsed.language !== language
          ? `answered in ${parsed.language}, asked in ${language}`
          : null;
    if (problem) {
      this.logger.warn(
        { reason: 'invalid_output', detail: problem },
        'OpenAI answer unusable; falling back to the offline answer',
      );
      return null;
    }
    return { answer: text, language, found: true, citations: cited.map(citationFor), suggestTakeover };
  }
}
