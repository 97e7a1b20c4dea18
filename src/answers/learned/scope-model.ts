// The learned second opinion on a question: how likely the article answers it at all, and which sections do,
// trained at start-up on the labelled example questions (knowledge/example-questions.json) in about 0.1 s.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { StemLanguage } from '../text/stem.js';
import { featuresOf } from './features.js';
import { type Example, LinearModel } from './linear-model.js';

const IN_SCOPE = '#in-scope';
/** Passes over the examples: 10 scored as well as 15 on leave-one-batch-out sets and keeps start-up short. */
const EPOCHS = 10;

const exampleSchema = z.object({
  question: z.string(),
  previousQuestion: z.string().optional(),
  language: z.enum(['nl', 'en']),
  answerable: z.boolean(),
  section: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  keyFacts: z.array(z.array(z.string())).optional(),
});
export type ExampleQuestion = z.infer<typeof exampleSchema>;

export interface ScopeReading {
  /** Probability that the article answers the message. */
  inScope: number;
  /** Sections by probability that they answer it, best first. */
  sections: [string, number][];
}

/** A follow-up ("en Knab?") is read together with the question before it, in training and in use alike. */
export const textOf = (question: string, previous?: string) => (previous ? `${previous}\n${question}` : question);

/** The file beside the articles with the questions people asked, labelled with the sections that answer them. */
export const EXAMPLE_QUESTIONS = 'example-questions.json';

/** Reads and checks the labelled example questions. */
export async function loadExampleQuestions(file: string): Promise<ExampleQuestion[]> {
  return z.array(exampleSchema).parse(JSON.parse(await readFile(file, 'utf8')));
}

export class ScopeModel {
  private constructor(
    private readonly scope: LinearModel,
    private readonly sections: LinearModel,
  ) {}

  static train(examples: readonly ExampleQuestion[]): ScopeModel {
    const sections = [...new Set(examples.flatMap((q) => (q.section === undefined ? [] : [q.section].flat())))];
    const rows: Example[] = examples.map((q) => ({
      features: featuresOf(textOf(q.question, q.previousQuestion), q.language),
      labels: new Set(q.answerable ? [IN_SCOPE, ...[q.section ?? []].flat()] : []),
    }));
    // Which section answers is learnt from the questions the article answers only: it matters only for those, and
    // start-up stays short as the examples grow.
    const answerable = rows.filter((r) => r.labels.has(IN_SCOPE));
    return new ScopeModel(
      LinearModel.train([IN_SCOPE], rows, { epochs: EPOCHS }),
      LinearModel.train(sections.sort(), answerable, { epochs: EPOCHS }),
    );
  }

  read(question: string, language: StemLanguage, previous?: string): ScopeReading {
    const features = featuresOf(textOf(question, previous), language);
    const sections = [...this.sections.predict(features)].sort((a, b) => b[1] - a[1]);
    return { inScope: this.scope.predict(features).get(IN_SCOPE) ?? 0, sections };
  }
}
