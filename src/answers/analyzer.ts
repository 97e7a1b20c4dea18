// Per-language term pipeline shared by indexing and questions: stopwords, stemming, participles and compounds.

import { stemEnglish } from './text/stem-en.js';
import { dutchParticipleVariants, stemDutch } from './text/stem-nl.js';
import { isStopword } from './text/stopwords.js';
import type { Language } from './types.js';

export class Analyzer {
  constructor(
    readonly language: Language,
    /** Every word seen in the knowledge base and synonym list: the parts a compound may be split into. */
    private readonly vocabulary: ReadonlySet<string>,
  ) {}

  stem(word: string): string {
    return this.language === 'nl' ? stemDutch(word) : stemEnglish(word);
  }

  /** The stem plus participle variants: any of these stands for the word. */
  wordStems(word: string): string[] {
    // The unstemmed word stays as well: a typo is closer to it than to its stem ("settigns" vs "settings").
    const out = new Set([this.stem(word), word]);
    if (this.language === 'nl') for (const v of dutchParticipleVariants(word)) out.add(this.stem(v));
    return [...out];
  }

  /**
   * "bankkoppelingen" → ["bank", "koppelingen"]; "omgevingsinstellingen" → ["omgeving", "instellingen"].
   * Both halves must be known words, which keeps "verhuizing" from splitting into nonsense.
   */
  compoundParts(word: string): [string, string] | null {
    if (word.length < 7) return null;
    for (let i = 3; i <= word.length - 4; i++) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      const leftKnown = this.vocabulary.has(left) || (left.endsWith('s') && this.vocabulary.has(left.slice(0, -1)));
      if (!leftKnown || !this.vocabulary.has(right)) continue;
      const leftWord = this.vocabulary.has(left) ? left : left.slice(0, -1);
      if (isStopword(leftWord) || isStopword(right)) continue;
      return [leftWord, right];
    }
    return null;
  }

  /**
   * Everything a word contributes to an index; empty for stopwords. Of a compound only the head (the last part)
   * is added: a "bankkoppeling" is a "koppeling", but "toegangsrechten" are not "toegang".
   */
  terms(word: string): string[] {
    if (isStopword(word)) return [];
    const out = new Set(this.wordStems(word));
    const head = this.compoundParts(word)?.[1];
    if (head) for (const s of this.wordStems(head)) out.add(s);
    return [...out];
  }
}
