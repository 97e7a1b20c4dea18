// Measures answer quality on a question set: right section cited, key facts present, no answers to unanswerables.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { EXAMPLE_QUESTIONS } from './learned/scope-model.js';
import { fold } from './text/normalize.js';
import type { Answer, AnswerEngine } from './types.js';

const questionSchema = z.strictObject({
  id: z.string().min(1),
  question: z.string(),
  previousQuestion: z.string().optional(),
  locale: z.string().optional(),
  language: z.enum(['nl', 'en']),
  answerable: z.boolean(),
  /** Any of these section ids cited counts as a hit. */
  section: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** Each fact is a list of acceptable phrasings; every fact must appear in the answer. */
  keyFacts: z.array(z.array(z.string().min(1)).min(1)).optional(),
  suggestTakeover: z.boolean().optional(),
});

export type EvalQuestion = z.infer<typeof questionSchema>;

export const EVAL_TARGETS = { passRate: 0.95, falseAnswerRate: 0 } as const;

/**
 * The development set may be tuned on; the held-out sets were written by people who had not seen the engine (the
 * first before it was redesigned, the second on 2026-12-03 before that day's changes) and are only ever measured
 * (test/eval/README.md).
 */
export const EVAL_SETS = {
  development: new URL(`../../knowledge/${EXAMPLE_QUESTIONS}`, import.meta.url),
  heldout: new URL('../../test/eval/heldout.json', import.meta.url),
  heldout2: new URL('../../test/eval/heldout-2.json', import.meta.url),
} as const;

export interface EvalOutcome {
  id: string;
  question: string;
  answerable: boolean;
  found: boolean;
  languageOk: boolean;
  sectionOk: boolean;
  missingFacts: string[];
  takeoverOk: boolean;
  cited: string[];
  answer: string;
}

export interface EvalReport {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Answerable questions answered with the expected section cited. */
  hitRate: number;
  /** Share of expected key facts present in answers to answerable questions. */
  keyFactCoverage: number;
  /** Answerable questions with the right section and all key facts: the headline figure. */
  passRate: number;
  /** Unanswerable questions that got an answer anyway (found: true). */
  falseAnswerRate: number;
  languageAccuracy: number;
  takeoverAccuracy: number;
  failures: EvalOutcome[];
}

export async function loadEvalQuestions(file: string): Promise<EvalQuestion[]> {
  const parsed = z.array(questionSchema).parse(JSON.parse(await readFile(file, 'utf8')));
  const ids = new Set<string>();
  for (const q of parsed) {
    if (ids.has(q.id)) throw new Error(`Duplicate eval question id ${q.id}`);
    ids.add(q.id);
    if (q.answerable && (!q.section || !q.keyFacts?.length)) {
      throw new Error(`Eval question ${q.id} is answerable but has no expected section or key facts`);
    }
  }
  return parsed;
}

function judge(q: EvalQuestion, a: Answer): EvalOutcome {
  const expected = q.section === undefined ? [] : Array.isArray(q.section) ? q.section : [q.section];
  const cited = a.citations.map((c) => c.section);
  const text = fold(a.answer);
  const missingFacts = q.answerable
    ? (q.keyFacts ?? []).filter((alts) => !alts.some((f) => text.includes(fold(f)))).map((alts) => alts.join(' | '))
    : [];
  return {
    id: q.id,
    question: q.question,
    answerable: q.answerable,
    found: a.found,
    languageOk: a.language === q.language,
    sectionOk: q.answerable ? a.found && cited.some((s) => expected.includes(s)) : !a.found,
    missingFacts,
    takeoverOk: q.suggestTakeover === undefined || a.suggestTakeover === q.suggestTakeover,
    cited,
    answer: a.answer,
  };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export async function evaluate(engine: AnswerEngine, questions: EvalQuestion[]): Promise<EvalReport> {
  const outcomes: EvalOutcome[] = [];
  for (const q of questions) {
    const answer = await engine.answer({
      question: q.question,
      previousQuestion: q.previousQuestion,
      locale: q.locale,
    });
    outcomes.push(judge(q, answer));
  }
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const factTotals = questions.filter((q) => q.answerable).reduce((n, q) => n + (q.keyFacts?.length ?? 0), 0);
  const factsMissing = answerable.reduce((n, o) => n + o.missingFacts.length, 0);
  const passed = (o: EvalOutcome) =>
    o.answerable
      ? o.sectionOk && o.missingFacts.length === 0 && o.languageOk && o.takeoverOk
      : !o.found && o.languageOk;
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitRate: ratio(answerable.filter((o) => o.sectionOk).length, answerable.length),
    keyFactCoverage: ratio(factTotals - factsMissing, factTotals),
    passRate: ratio(answerable.filter(passed).length, answerable.length),
    falseAnswerRate: ratio(unanswerable.filter((o) => o.found).length, unanswerable.length),
    languageAccuracy: ratio(outcomes.filter((o) => o.languageOk).length, outcomes.length),
    takeoverAccuracy: ratio(outcomes.filter((o) => o.takeoverOk).length, outcomes.length),
    failures: outcomes.filter((o) => !passed(o)),
  };
}
