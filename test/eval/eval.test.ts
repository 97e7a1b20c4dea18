// Runs both evaluation sets through the offline engine: the development set is held to the quality targets, the
// held-out set (never tuned on) to the figures the README reports, so a change that loses ground fails here.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EVAL_SETS,
  EVAL_TARGETS,
  type EvalQuestion,
  type EvalReport,
  evaluate,
  loadEvalQuestions,
} from '../../src/answers/evaluate.js';
import { createAnswerEngine } from '../../src/answers/index.js';
import type { AnswerEngine } from '../../src/answers/types.js';

let development: EvalQuestion[];
let heldout: EvalQuestion[];
let heldout2: EvalQuestion[];
let engine: AnswerEngine;
let dev: EvalReport;
let held: EvalReport;
let held2: EvalReport;

beforeAll(async () => {
  development = await loadEvalQuestions(fileURLToPath(EVAL_SETS.development));
  heldout = await loadEvalQuestions(fileURLToPath(EVAL_SETS.heldout));
  heldout2 = await loadEvalQuestions(fileURLToPath(EVAL_SETS.heldout2));
  engine = await createAnswerEngine();
  dev = await evaluate(engine, development);
  held = await evaluate(engine, heldout);
  held2 = await evaluate(engine, heldout2);
});

const describeFailures = (report: EvalReport) =>
  report.failures.map((f) => `${f.id}: found=${f.found} section=${f.sectionOk} missing=[${f.missingFacts}]`).join('\n');

describe('evaluation sets', () => {
  it('are big and varied enough to mean something, and do not overlap', () => {
    const all = [...development, ...heldout];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(50);
    for (const set of [development, heldout, heldout2]) {
      const nl = set.filter((q) => q.language === 'nl').length;
      expect(Math.abs(nl - (set.length - nl))).toBeLessThanOrEqual(set.length * 0.1);
      expect(set.filter((q) => q.previousQuestion).length).toBeGreaterThanOrEqual(4);
    }
    // The learned models train on the development set, so no held-out question may be in it word for word (a few
    // everyday ones came out the same from different authors and were taken out of the development set).
    const seen = new Set(development.map((q) => q.question.trim().toLowerCase()));
    expect(heldout.filter((q) => seen.has(q.question.trim().toLowerCase()))).toEqual([]);
    expect(heldout2.filter((q) => seen.has(q.question.trim().toLowerCase()))).toEqual([]);
  });

  it(`development: at least ${EVAL_TARGETS.passRate * 100}% of answerable questions right, nothing invented`, () => {
    expect(dev.passRate, describeFailures(dev)).toBeGreaterThanOrEqual(EVAL_TARGETS.passRate);
    expect(dev.falseAnswerRate, describeFailures(dev)).toBe(EVAL_TARGETS.falseAnswerRate);
    expect(dev.languageAccuracy, describeFailures(dev)).toBe(1);
  });

  it('held-out: no worse than the figures in the README', () => {
    expect(held.passRate).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.passRate);
    expect(held.falseAnswerRate).toBeLessThanOrEqual(HELD_OUT_FLOOR.falseAnswerRate);
    expect(held.languageAccuracy).toBe(1);
    expect(held2.passRate).toBeGreaterThanOrEqual(SECOND_HELD_OUT_FLOOR.passRate);
    expect(held2.falseAnswerRate).toBeLessThanOrEqual(SECOND_HELD_OUT_FLOOR.falseAnswerRate);
  });

  it('would notice a broken engine (the check itself can fail)', async () => {
    const broken: AnswerEngine = {
      answer: async () => ({ answer: 'Ja.', language: 'nl', found: true, citations: [], suggestTakeover: false }),
    };
    const bad = await evaluate(broken, heldout);
    expect(bad.passRate).toBeLessThan(HELD_OUT_FLOOR.passRate);
    expect(bad.falseAnswerRate).toBeGreaterThan(HELD_OUT_FLOOR.falseAnswerRate);
    // And one that refuses everything fails the answerable side.
    const mute: AnswerEngine = {
      answer: async () => ({ answer: 'Nee.', language: 'nl', found: false, citations: [], suggestTakeover: false }),
    };
    expect((await evaluate(mute, heldout)).passRate).toBeLessThan(HELD_OUT_FLOOR.passRate);
  });
});

/**
 * The held-out figures in the README ("Answer quality"); a floor, never a target to tune to. Raised as the learned
 * models took it from 66 to 72 of 80, and lowered knowingly to 71 when shorter training (start-up under a second,
 * chosen on leave-one-batch-out figures) cost one held-out question; one question either way is noise.
 */
const HELD_OUT_FLOOR = { passRate: 0.88, falseAnswerRate: 0 };

/**
 * The second held-out set's figures in the README: 140 of 148 answerable right and 4 of 88 unanswerable ones answered
 * when it was taken in (89.2% and 9 of 88 on the engine of the morning it was written). A floor, never a target.
 */
const SECOND_HELD_OUT_FLOOR = { passRate: 0.93, falseAnswerRate: 0.05 };
