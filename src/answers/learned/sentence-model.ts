// Learns which of the article's sentences a question needs, from the key facts of the labelled example questions:
// the composer adds the sentences the model is sure of, so an answer keeps its key fact even when the question's
// words are not the ones the sentence uses ("how does my client get access?" still names the Wolters Kluwer Account).

import type { SectionModel } from '../section-model.js';
import { fold } from '../text/normalize.js';
import type { Language } from '../types.js';
import { featuresOf } from './features.js';
import { type Example, LinearModel } from './linear-model.js';
import { type ExampleQuestion, textOf } from './scope-model.js';

/** A sentence joins the answer from this probability on. */
const WANTED_FROM = 0.5;
/** A key fact stated in at most this many sentences of the expected sections points at those sentences. */
const SPECIFIC = 2;
/** A sentence is learnt only when at least this many examples need it. */
const MIN_EXAMPLES = 3;
/** Fewer passes than the scope model: there are many sentence labels, and start-up stays under a second. */
const EPOCHS = 6;

export class SentenceModel {
  private constructor(private readonly byLanguage: Map<Language, LinearModel>) {}

  static train(examples: readonly ExampleQuestion[], models: ReadonlyMap<Language, SectionModel>): SentenceModel {
    const byLanguage = new Map<Language, LinearModel>();
    for (const [language, sections] of models) {
      const units = new Map(sections.sections.flatMap((e) => e.units.map((u) => [u.key, u] as const)));
      const rows: Example[] = [];
      for (const q of examples) {
        if (!q.answerable || q.language !== language || !q.keyFacts?.length) continue;
        const expected = new Set([q.section ?? []].flat());
        const labels = new Set<string>();
        for (const fact of q.keyFacts) {
          const phrases = fact.map(fold);
          const holding = [...units.values()].filter(
            (u) => expected.has(u.entry.section.id) && phrases.some((p) => fold(u.text).includes(p)),
          );
          // A fact many sentences state ("de klant", "opnieuw") is in any answer from the section; only a fact one
          // or two sentences state says which sentence the question needs.
          if (holding.length <= SPECIFIC) for (const u of holding) labels.add(u.key);
        }
        if (labels.size) rows.push({ features: featuresOf(textOf(q.question, q.previousQuestion), language), labels });
      }
      // A sentence no example needs is never wanted; leaving it out keeps start-up short.
      const needed = [...units.keys()].filter((key) => rows.filter((r) => r.labels.has(key)).length >= MIN_EXAMPLES);
      byLanguage.set(language, LinearModel.train(needed, rows, { epochs: EPOCHS }));
    }
    return new SentenceModel(byLanguage);
  }

  /**
   * The sentences and list items the model is sure a question needs, in any section, by key with their probability
   * (keys, not units: the model is shared by every engine of the process, each with its own section models).
   */
  wanted(question: string, language: Language, previous?: string): Map<string, number> {
    const model = this.byLanguage.get(language);
    if (!model) return new Map();
    const p = model.predict(featuresOf(textOf(question, previous), language));
    return new Map([...p].filter(([, v]) => v >= WANTED_FROM));
  }
}
