// Turns a question into "concepts": the things it asks about, each with every way an article could say it.
import type { Analyzer } from './analyzer.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import { words } from './text/normalize.js';
import { isStopword } from './text/stopwords.js';

/** Any stem in the slot will do. */
export type Slot = string[];
/** All slots must be present (multi-word phrases, compound halves). */
export type Alternative = Slot[];

export interface Concept {
  /** The question's own words for it. */
  text: string;
  /** Any one alternative present means the concept is covered. */
  alternatives: Alternative[];
  /** Stems the user actually typed: only these get typo tolerance, synonyms must match exactly. */
  typed: string[];
}

interface Phrase {
  stems: string[];
  group: number;
}

/** Synonym phrases, pre-analysed once per language. */
export class Vocabulary {
  private readonly phrases: Phrase[] = [];
  private readonly groupAlternatives: Alternative[][] = [];

  constructor(readonly analyzer: Analyzer) {
    SYNONYM_GROUPS.forEach((group, g) => {
      const alternatives: Alternative[] = [];
      for (const phrase of group) {
        const ws = words(phrase);
        this.phrases.push({ stems: ws.map((w) => analyzer.stem(w)), group: g });
        alternatives.push(...this.wordAlternatives(ws));
      }
      this.groupAlternatives.push(alternatives);
    });
    this.phrases.sort((a, b) => b.stems.length - a.stems.length);
  }

  /** A phrase as slots, plus the split form of a single compound word. */
  private wordAlternatives(ws: string[]): Alternative[] {
    const content = ws.filter((w) => !isStopword(w));
    if (!content.length) return [];
    const out: Alternative[] = [content.map((w) => this.analyzer.wordStems(w))];
    const single = content.length === 1 ? this.analyzer.compoundParts(content[0] as string) : null;
    if (single) out.push(single.map((w) => this.analyzer.wordStems(w)));
    return out;
  }

  concepts(question: string): Concept[] {
    const ws = words(question);
    const stems = ws.map((w) => this.analyzer.stem(w));
    const used = new Array<boolean>(ws.length).fill(false);
    const found: { at: number; concept: Concept }[] = [];
    const take = (positions: number[], phrase: Phrase) => {
      for (const p of positions) used[p] = true;
      const span = positions.map((p) => ws[p] as string);
      const own = this.wordAlternatives(span);
      const key = phrase.stems.join(' ');
      const groups = new Set(this.phrases.filter((p) => p.stems.join(' ') === key).map((p) => p.group));
      found.push({
        at: Math.min(...positions),
        concept: {
          text: span.join(' '),
          alternatives: [...own, ...[...groups].flatMap((g) => this.groupAlternatives[g] ?? [])],
          typed: own.flat(2),
        },
      });
    };
    // Multi-word phrases first, in any order within a few words: Dutch splits and inverts them
    // ("geef … toegang" for "toegang geven", "nodig de klant uit" for "uitnodigen").
    for (const phrase of this.phrases) {
      if (phrase.stems.length < 2) break;
      const positions: number[] = [];
      for (const stem of phrase.stems) {
        const p = stems.findIndex((s, i) => s === stem && !used[i] && !positions.includes(i));
        if (p < 0) break;
        positions.push(p);
      }
      if (positions.length !== phrase.stems.length) continue;
      if (Math.max(...positions) - Math.min(...positions) > phrase.stems.length + 2) continue;
      take(positions, phrase);
    }
    for (let i = 0; i < ws.length; i++) {
      const word = ws[i] as string;
      if (used[i] || isStopword(word)) continue;
      const phrase = this.phrases.find((p) => p.stems.length === 1 && p.stems[0] === stems[i]);
      if (phrase) {
        take([i], phrase);
        continue;
      }
      used[i] = true;
      const own = this.wordAlternatives([word]);
      found.push({ at: i, concept: { text: word, alternatives: own, typed: own.flat(2) } });
    }
    return mergeDuplicates(found.sort((a, b) => a.at - b.at).map((f) => f.concept));
  }
}

/** "koppeling … koppelen" in one question is one thing asked about, not two. */
function mergeDuplicates(concepts: Concept[]): Concept[] {
  const seen = new Map<string, Concept>();
  for (const c of concepts) {
    const key = c.alternatives
      .map((a) => a.map((s) => s.join('|')).join('+'))
      .sort()
      .join(',');
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

/** Every stem a concept can be found by, for the full-text query. */
export function conceptTerms(concept: Concept): string[] {
  return [...new Set(concept.alternatives.flat(2))];
}
