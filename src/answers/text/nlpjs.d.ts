// Type declarations for the parts of NLP.js's language packages this project uses (they ship no types).
declare module '@nlpjs/lang-nl' {
  export class StemmerNl {
    stemWord(word: string): string;
  }
  export class StopwordsNl {
    dictionary: Record<string, boolean>;
  }
}

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
  export class StopwordsEn {
    dictionary: Record<string, boolean>;
  }
  export class TokenizerEn {
    /** Expands English contractions ("isn't" → "is not", "we've" → "we have"). */
    replace(text: string): string;
  }
}
