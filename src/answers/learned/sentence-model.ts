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
/** Fewer passes than the scope model: 4 scored as well as 6 on leave-one-batch-out sets and keeps start-up short. */
const EPOCHS = 4;

/** A sentence's key without its language ("nl:…#niet-meegekopieerd/4" → "…#niet-meegekopieerd/4"). */
const shared = (key: string) => key.slice(key.indexOf(':') + 1);

export class SentenceModel {
  private constructor(
    private readonly model: LinearModel,
    /** The keys of each language's sentences by their shared key. */
    private readonly keys: ReadonlyMap<Language, ReadonlyMap<string, string>>,
  ) {}

  /**
   * One model for both languages: the articles are translations sentence by sentence, so a Dutch question that needs
   * "Poorten en certificaten." teaches the English "Ports and certificates." too, wherever the keys line up.
   */
  static train(examples: readonly ExampleQuestion[], models: ReadonlyMap<Language, SectionModel>): SentenceModel {
    const keys = new Map<Language, Map<string, string>>();
    const rows: Example[] = [];
    for (const [language, sections] of models) {
      const units = new Map(sections.sections.flatMap((e) => e.units.map((u) => [u.key, u] as const)));
      keys.set(language, new Map([...units.keys()].map((k) => [shared(k), k])));
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
          if (holding.length <= SPECIFIC) for (const u of holding) labels.add(shared(u.key));
        }
        if (labels.size) rows.push({ features: featuresOf(textOf(q.question, q.previousQuestion), language), labels });
      }
    }
    // A sentence no example needs is never wanted; leaving it out keeps start-up short.
    const counts = new Map<string, number>();
    for (const r of rows) for (const l of r.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    const needed = [...counts].filter(([, n]) => n >= MIN_EXAMPLES).map(([l]) => l);
    return new SentenceModel(LinearModel.train(needed.sort(), rows, { epochs: EPOCHS }), keys);
  }

  /**
   * The sentences and list items the model is sure a question needs, in any section, by key with their probability
   * (keys, not units: the model is shared by every engine of the process, each with its own section models).
   */
  wanted(question: string, language: Language, previous?: string): Map<string, number> {
    const keys = this.keys.get(language);
    if (!keys) return new Map();
    const p = this.model.predict(featuresOf(textOf(question, previous), language));
    const out = new Map<string, number>();
    for (const [label, v] of p) {
      const key = keys.get(label);
      if (key && v >= WANTED_FROM) out.set(key, v);
    }
    return out;
  }
}
