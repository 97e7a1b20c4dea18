// Lower-cases, strips accents and splits text into word tokens, the same way for questions and articles.

/** "Kopiëren" → "kopieren", "e-mailadres" → "emailadres": accents and hyphenated prefixes vary between writers. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\be-mail/g, 'email')
    .replace(/[’‘`´]/g, "'");
}

export interface Token {
  word: string;
  /** Position in the token sequence, used for phrase and proximity matching. */
  index: number;
}

export function tokenize(text: string): Token[] {
  const words = normalize(text).match(/[a-z0-9]+/g) ?? [];
  return words.filter((w) => w.length >= 2).map((word, index) => ({ word, index }));
}

export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}
