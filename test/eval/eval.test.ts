// Runs the evaluation set through the offline engine and holds it to the quality targets.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EVAL_TARGETS,
  type EvalQuestion,
  type EvalReport,
  evaluate,
  loadEvalQuestions,
} from '../../src/answers/evaluate.js';
import { createAnswerEngine } from '../../src/answers/index.js';
import type { AnswerEngine } from '../../src/answers/types.js';

const file = fileURLToPath(new URL('./questions.json', import.meta.url));
let questions: EvalQuestion[];
let engine: AnswerEngine;
let report: EvalReport;

beforeAll(async () => {
  questions = await loadEvalQuestions(file);
  engine = await createAnswerEngine();
  report = await evaluate(engine, questions);
});

const describeFailures = () =>
  report.failures.map((f) => `${f.id}: found=${f.found} section=${f.sectionOk} missing=[${f.missingFacts}]`).join('\n');

describe('evaluation set', () => {
  it('is big and varied enough to mean something', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(10);
    expect(questions.some((q) => q.language === 'nl') && questions.some((q) => q.language === 'en')).toBe(true);
    expect(questions.filter((q) => q.previousQuestion).length).toBeGreaterThanOrEqual(4);
  });

  it(`answers at least ${EVAL_TARGETS.passRate * 100}% of answerable questions with the right section and key facts`, () => {
    expect(report.passRate, describeFailures()).toBeGreaterThanOrEqual(EVAL_TARGETS.passRate);
  });

  it('never answers a question the knowledge base does not cover', () => {
    expect(report.falseAnswerRate, describeFailures()).toBe(EVAL_TARGETS.falseAnswerRate);
  });

  it('answers in the language of the question', () => {
    expect(report.languageAccuracy, describeFailures()).toBe(1);
  });

  it('would notice a broken engine (the check itself can fail)', async () => {
    const broken: AnswerEngine = {
      answer: async () => ({ answer: 'Ja.', language: 'nl', found: true, citations: [], suggestTakeover: false }),
    };
    const bad = await evaluate(broken, questions);
    expect(bad.passRate).toBeLessThan(EVAL_TARGETS.passRate);
    expect(bad.falseAnswerRate).toBeGreaterThan(EVAL_TARGETS.falseAnswerRate);
  });
});
