// Decides whether a passage mentions everything a question asks about: the guard against answering the wrong thing.
import type { Concept } from './concepts.js';
import { allowedTypos, fuzzyEquals } from './text/fuzzy.js';

/** Fuzzy look-ups per stem set, remembered: the same question words are checked against every unit. */
const fuzzyCache = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
const FUZZY_CACHE_LIMIT = 2000;

function hasStem(stem: string, stems: ReadonlySet<string>, typoTolerant: boolean): boolean {
  if (stems.has(stem)) return true;
  if (!typoTolerant || allowedTypos(stem) === 0) return false;
  let cache = fuzzyCache.get(stems);
  if (!cache || cache.size > FUZZY_CACHE_LIMIT) {
    cache = new Map();
    fuzzyCache.set(stems, cache);
  }
  const known = cache.get(stem);
  if (known !== undefined) return known;
  let found = false;
  for (const s of stems) {
    if (fuzzyEquals(stem, s)) {
      found = true;
      break;
    }
  }
  cache.set(stem, found);
  return found;
}

export function covers(concept: Concept, stems: ReadonlySet<string>): boolean {
  const typed = new Set(concept.typed);
  return concept.alternatives.some((alternative) =>
    alternative.every((slot) => slot.some((stem) => hasStem(stem, stems, typed.has(stem)))),
  );
}

export interface Coverage {
  covered: Concept[];
  missing: Concept[];
}

export function coverage(concepts: Concept[], stems: ReadonlySet<string>): Coverage {
  const covered: Concept[] = [];
  const missing: Concept[] = [];
  for (const c of concepts) (covers(c, stems) ? covered : missing).push(c);
  return { covered, missing };
}

/** Rarer concepts weigh more: "Knab" picks a sentence, "klant" hardly does. */
export function conceptWeights(concepts: Concept[], unitStems: ReadonlySet<string>[]): Map<Concept, number> {
  const n = unitStems.length;
  const out = new Map<Concept, number>();
  for (const c of concepts) {
    const df = unitStems.filter((stems) => covers(c, stems)).length;
    out.set(c, Math.log(1 + n / (1 + df)));
  }
  return out;
}

export function weightedHits(stems: ReadonlySet<string>, weights: Map<Concept, number>): number {
  let total = 0;
  for (const [c, w] of weights) if (covers(c, stems)) total += w;
  return total;
}
