// Turns a question into the sparse features the learned scope and section models read: word stems, stem pairs and
// character trigrams, so typos, compounds and unseen inflections still share most features with known questions.

import { tokenize } from '../text/normalize.js';
import { type StemLanguage, stemOf } from '../text/stem.js';
import { isStopword } from '../text/stopwords.js';

/** Trigrams only for long words (compounds, names, typos in them): shorter ones are covered by their stem, and 7 scored
 * as well as 5 on leave-one-batch-out sets with half the features. */
const TRIGRAM_MIN = 7;
/** A question is read up to this many words: the features stay bounded for any input. */
const MAX_WORDS = 120;

/**
 * Feature names with counts: `s:` stems of every word (question words included, "hoe lang" and "how long" matter),
 * `b:` adjacent stem pairs, `t:` trigrams of longer content words. Counts are capped so repetition cannot dominate.
 */
export function featuresOf(text: string, language: StemLanguage): ReadonlyMap<string, number> {
  // Both models read the same questions, at start-up and per message: each text is read once.
  const id = `${language}\u0000${text}`;
  const known = cache.get(id);
  if (known) return known;
  const out = read(text, language);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, out);
  return out;
}

const CACHE_LIMIT = 10_000;
const cache = new Map<string, ReadonlyMap<string, number>>();

function read(text: string, language: StemLanguage): Map<string, number> {
  const tokens = tokenize(text).slice(0, MAX_WORDS);
  const out = new Map<string, number>();
  const add = (f: string, w: number) => out.set(f, Math.min(2, (out.get(f) ?? 0) + w));
  let previous = '^';
  for (const { word } of tokens) {
    const stem = stemOf(word, language);
    add(`s:${stem}`, 1);
    add(`b:${previous}_${stem}`, 0.5);
    previous = stem;
    if (word.length >= TRIGRAM_MIN && !isStopword(word)) {
      const padded = `<${word}>`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, 0.2);
    }
  }
  add('bias', 1);
  return out;
}
