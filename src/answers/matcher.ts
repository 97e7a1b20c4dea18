// Finds the lexicon's concepts in a run of tokens: phrases, separable verbs, Dutch compounds and guarded typos.
import { CONCEPT_BY_ID, CONCEPTS, type ConceptDef, type Tier } from './lexicon.js';
import { closestWords } from './text/fuzzy.js';
import type { Token } from './text/normalize.js';
import { bilingualKeys, type StemLanguage, wordKeys } from './text/stem.js';
import { isStopword } from './text/stopwords.js';

const TIER_ORDER: Tier[] = ['context', 'topic', 'anchor'];

/** Words between the words of a phrase ("toegang tot de administratie krijgen" still has "toegang … krijgen"). */
const PHRASE_GAP = 2;
/** Separable verbs may spread further ("nodig ik de klant dan uit"). */
const NEAR_WINDOW = 6;

interface Term {
  concept: ConceptDef;
  words: readonly string[];
  keys: readonly (readonly string[])[];
  near: boolean;
  /**
   * A phrase of function words only ("is over", "to us") is an idiom: its words must be adjacent, or "is coming
   * over" would read as "is over".
   */
  tight: boolean;
  /** The most this term can say, whatever its concept's tier. */
  cap?: Tier;
}

export interface ConceptHit {
  concept: string;
  tier: Tier;
  /** Names a thing that exists apart from the move (see ConceptDef.thing). */
  thing: boolean;
  /** Token positions the hit covers. */
  positions: number[];
  typo: boolean;
}

export interface Match {
  hits: ConceptHit[];
  /** Content words the engine knows nothing about: they lower confidence, they never block an answer. */
  unknown: string[];
}

function compileTerm(concept: ConceptDef, raw: string): Term {
  const cap: Tier | undefined = raw.startsWith('??') ? 'context' : raw.startsWith('?') ? 'topic' : undefined;
  const exact = raw.startsWith('=');
  const body = raw.replace(/^(?:\?\?|\?|=)/, '');
  const near = body.includes('~');
  const words = body.split(/[~+]/).filter(Boolean);
  const tight = words.length > 1 && words.every((w) => isStopword(w));
  return { concept, words, keys: words.map((w) => (exact ? [w] : bilingualKeys(w))), near, tight, cap };
}

export class ConceptMatcher {
  private readonly single = new Map<string, Term[]>();
  private readonly multi: Term[] = [];
  /** Every single word the lexicon or the articles use: what compounds split into and typos are corrected to. */
  private readonly known: Set<string>;
  private readonly lexiconWords = new Set<string>();

  constructor(articleWords: Iterable<string>) {
    for (const concept of CONCEPTS) {
      for (const raw of concept.terms) {
        if (!raw) continue;
        const term = compileTerm(concept, raw);
        if (term.words.length > 1) {
          this.multi.push(term);
          continue;
        }
        for (const key of term.keys[0] ?? []) {
          const list = this.single.get(key) ?? [];
          list.push(term);
          this.single.set(key, list);
        }
        this.lexiconWords.add(term.words[0] as string);
      }
    }
    this.known = new Set([...this.lexiconWords, ...articleWords]);
    this.dropAmbiguousStems();
  }

  /**
   * A stem shared by words of different concepts would merge them (Snowball stems both "administrator" and
   * "administration" to "administr"): such a stem is dropped, and those words match only as written.
   */
  private dropAmbiguousStems(): void {
    for (const [key, terms] of this.single) {
      if (!key.includes(':')) continue;
      const concepts = new Set(terms.map((t) => t.concept.id));
      const spellings = new Set(terms.map((t) => t.words[0]));
      if (concepts.size > 1 && spellings.size > 1) this.single.delete(key);
    }
  }

  hasConcept(id: string): boolean {
    return CONCEPTS.some((c) => c.id === id);
  }

  /** Whether the lexicon or an article knows this word (so it is not "unknown"). */
  knows(word: string): boolean {
    return this.known.has(word);
  }

  private singleTerms(word: string, language: StemLanguage): Term[] {
    const out = new Set<Term>();
    for (const key of wordKeys(word, language)) for (const t of this.single.get(key) ?? []) out.add(t);
    return [...out];
  }

  /** "rabokoppeling" → rabo + koppeling; "btwrechten" → btw + rechten (a linking "s" allowed on the left part). */
  compoundParts(word: string): [string, string] | null {
    if (word.length < 6) return null;
    for (let i = 3; i <= word.length - 3; i++) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      if (!this.known.has(right) || isStopword(right)) continue;
      if (this.known.has(left) && !isStopword(left)) return [left, right];
      if (left.endsWith('s') && this.known.has(left.slice(0, -1))) return [left.slice(0, -1), right];
    }
    return null;
  }

  match(tokens: readonly Token[], language: StemLanguage): Match {
    const hits: ConceptHit[] = [];
    const covered = new Set<number>();
    const keys = tokens.map((t) => wordKeys(t.word, language));
    const add = (term: Term, positions: number[], typo = false) => {
      for (const p of positions) covered.add(p);
      const tier: Tier =
        term.cap && TIER_ORDER.indexOf(term.cap) < TIER_ORDER.indexOf(term.concept.tier) ? term.cap : term.concept.tier;
      hits.push({ concept: term.concept.id, tier, thing: term.concept.thing ?? false, positions, typo });
      for (const implied of term.concept.implies ?? []) {
        const def = CONCEPT_BY_ID.get(implied);
        if (def) hits.push({ concept: def.id, tier: def.tier, thing: def.thing ?? false, positions, typo });
      }
    };
    const same = (position: number, termKeys: readonly string[]) =>
      (keys[position] ?? []).some((k) => termKeys.includes(k));

    for (const term of this.multi) {
      for (let start = 0; start < tokens.length; start++) {
        if (!same(start, term.keys[0] ?? [])) continue;
        const positions = term.near ? this.nearFrom(term, start, same, tokens.length) : phraseFrom(term, start, same);
        if (positions) add(term, positions);
      }
    }
    const unknown: string[] = [];
    tokens.forEach((token, i) => {
      if (covered.has(i)) return;
      const direct = this.singleTerms(token.word, language);
      if (direct.length) {
        for (const t of direct) add(t, [i]);
        return;
      }
      if (isStopword(token.word)) return;
      const parts = this.compoundParts(token.word);
      const partTerms = parts ? parts.flatMap((p) => this.singleTerms(p, language)) : [];
      if (partTerms.length) {
        for (const t of partTerms) add(t, [i]);
        return;
      }
      if (this.known.has(token.word) || parts) return;
      const corrected = this.correct(token.word, language);
      if (corrected.length) for (const t of corrected) add(t, [i], true);
      else unknown.push(token.word);
    });
    return { hits: dedupe(hits), unknown };
  }

  /** A typo stands for a lexicon word only when every equally close candidate means the same concept. */
  private correct(word: string, language: StemLanguage): Term[] {
    if (/\d/.test(word)) return [];
    const candidates = closestWords(word, this.lexiconWords);
    if (!candidates.length) return [];
    const terms = candidates.map((c) => this.singleTerms(c, language));
    const concepts = new Set(terms.map((ts) => ts.map((t) => t.concept.id).join('|')));
    return concepts.size === 1 ? (terms[0] ?? []) : [];
  }

  private nearFrom(
    term: Term,
    start: number,
    same: (position: number, keys: readonly string[]) => boolean,
    length: number,
  ): number[] | null {
    const positions = [start];
    for (const wordKeys of term.keys.slice(1)) {
      let found = -1;
      for (let p = Math.max(0, start - NEAR_WINDOW); p <= Math.min(length - 1, start + NEAR_WINDOW); p++) {
        if (!positions.includes(p) && same(p, wordKeys)) {
          found = p;
          break;
        }
      }
      if (found < 0) return null;
      positions.push(found);
    }
    return positions;
  }
}

function phraseFrom(
  term: Term,
  start: number,
  same: (position: number, keys: readonly string[]) => boolean,
): number[] | null {
  const positions = [start];
  let at = start;
  for (const wordKeys of term.keys.slice(1)) {
    let found = -1;
    for (let p = at + 1; p <= at + 1 + (term.tight ? 0 : PHRASE_GAP); p++) {
      if (same(p, wordKeys)) {
        found = p;
        break;
      }
    }
    if (found < 0) return null;
    positions.push(found);
    at = found;
  }
  return positions;
}

/** One hit per concept and token position set; a concept met twice keeps both places (for proximity). */
function dedupe(hits: ConceptHit[]): ConceptHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.concept}@${h.positions.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
