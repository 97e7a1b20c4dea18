// Leave-one-batch-out figures for the learned scope model: each batch of example questions (written by one author)
// is scored by a model trained on all the others, so the figures say how it does on an author it never saw.
import { VETO_BELOW } from '../second-opinion.js';
import { type ExampleQuestion, ScopeModel } from './scope-model.js';

export interface FoldFigures {
  batch: string;
  answerable: number;
  unanswerable: number;
  /** Answerable questions the model would let through (not vetoed). */
  kept: number;
  /** Answerable questions whose best section is one of the expected ones. */
  sectionRight: number;
  /** Unanswerable questions the model would veto if the rules answered them. */
  caught: number;
}

/** All batches added up, as one row named "all". */
export function totalOf(folds: readonly FoldFigures[]): FoldFigures {
  const total: FoldFigures = { batch: 'all', answerable: 0, unanswerable: 0, kept: 0, sectionRight: 0, caught: 0 };
  for (const f of folds) {
    total.answerable += f.answerable;
    total.unanswerable += f.unanswerable;
    total.kept += f.kept;
    total.sectionRight += f.sectionRight;
    total.caught += f.caught;
  }
  return total;
}

/** "d6a-nl-001" → "d6a"; the first wave's "nl-akkoord" and "en-…" form one batch. */
export const batchOf = (id: string) => (/^(?:nl|en)-/.test(id) ? 'first' : (id.split('-')[0] ?? id));

export function crossValidate(examples: readonly (ExampleQuestion & { id: string })[]): FoldFigures[] {
  const batches = [...new Set(examples.map((q) => batchOf(q.id)))];
  return batches.map((batch) => {
    const model = ScopeModel.train(examples.filter((q) => batchOf(q.id) !== batch));
    const figures: FoldFigures = { batch, answerable: 0, unanswerable: 0, kept: 0, sectionRight: 0, caught: 0 };
    for (const q of examples.filter((e) => batchOf(e.id) === batch)) {
      const reading = model.read(q.question, q.language, q.previousQuestion);
      if (q.answerable) {
        figures.answerable++;
        if (reading.inScope >= VETO_BELOW) figures.kept++;
        if ([q.section ?? []].flat().includes(reading.sections[0]?.[0] ?? '')) figures.sectionRight++;
      } else {
        figures.unanswerable++;
        if (reading.inScope < VETO_BELOW) figures.caught++;
      }
    }
    return figures;
  });
}
