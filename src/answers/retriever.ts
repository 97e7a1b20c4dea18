// Full-text search over article units with MiniSearch; one index per language, each with its own stemmer.
import MiniSearch from 'minisearch';
import type { Analyzer } from './analyzer.js';
import type { SectionEntry, Unit } from './passages.js';
import { words } from './text/normalize.js';

export interface WeightedTerm {
  term: string;
  /** 1 for the question's own words, less for synonyms and for the previous question in a follow-up. */
  weight: number;
}

export interface Ranked {
  entry: SectionEntry;
  score: number;
  unitScores: Map<string, number>;
}

interface Doc {
  id: string;
  text: string;
  context: string;
}

export class Retriever {
  private readonly index: MiniSearch<Doc>;
  private readonly units = new Map<string, Unit>();

  constructor(
    readonly analyzer: Analyzer,
    readonly sections: SectionEntry[],
  ) {
    this.index = new MiniSearch<Doc>({
      fields: ['text', 'context'],
      tokenize: (text) => words(text),
      processTerm: (term) => analyzer.terms(term),
      searchOptions: { boost: { text: 1, context: 0.35 } },
    });
    const docs: Doc[] = [];
    for (const entry of sections) {
      for (const unit of entry.units) {
        this.units.set(unit.key, unit);
        docs.push({ id: unit.key, text: unit.text, context: [entry.context, unit.listLead].filter(Boolean).join(' ') });
      }
    }
    this.index.addAll(docs);
  }

  /** Sections ranked by their best units: the top unit counts fully, the next ones less. */
  rank(terms: WeightedTerm[]): Ranked[] {
    if (!terms.length) return [];
    const weight = new Map<string, number>();
    for (const t of terms) weight.set(t.term, Math.max(weight.get(t.term) ?? 0, t.weight));
    const results = this.index.search([...weight.keys()].join(' '), {
      tokenize: (q) => q.split(' '),
      processTerm: (t) => t,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      maxFuzzy: 2,
      boostTerm: (term) => weight.get(term) ?? 1,
    });
    const bySection = new Map<string, Ranked>();
    for (const r of results) {
      const unit = this.units.get(String(r.id));
      if (!unit) continue;
      let ranked = bySection.get(unit.entry.key);
      if (!ranked) {
        ranked = { entry: unit.entry, score: 0, unitScores: new Map() };
        bySection.set(unit.entry.key, ranked);
      }
      ranked.unitScores.set(unit.key, r.score);
    }
    for (const ranked of bySection.values()) {
      const top = [...ranked.unitScores.values()].sort((a, b) => b - a);
      ranked.score = (top[0] ?? 0) + 0.5 * (top[1] ?? 0) + 0.25 * (top[2] ?? 0);
    }
    return [...bySection.values()].sort((a, b) => b.score - a.score);
  }
}
