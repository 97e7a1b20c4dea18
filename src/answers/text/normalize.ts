// Lower-cases, strips accents, expands contractions and splits text into word tokens, the same way for questions
// and articles, with hard caps so no input (one 40,000-character word, a pasted log) can make the work grow.
import { TokenizerEn } from '@nlpjs/lang-en-min';

/** Only the start of a message is read: a question is in its first lines, and the work stays bounded. */
export const MAX_QUESTION_CHARS = 2000;
/** Longer "words" are not words (hashes, pasted base64, a held-down key) and are skipped. */
export const MAX_WORD_LENGTH = 40;

const english = new TokenizerEn();

// NLP.js expands "n't" before looking at what precedes it, which turns "can't" into "ca not".
const IRREGULAR: [RegExp, string][] = [
  [/\bcan'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bshan'?t\b/g, 'shall not'],
  // Chat drops the apostrophe: "doesnt", "isnt", "whats".
  [/\b(does|do|did|is|are|was|were|has|have|had|should|would|could)nt\b/g, '$1 not'],
  [/\b(what|that|it|there)s\b/g, '$1 is'],
];
// Dutch clitics as people type them in chat: "z'n", "m'n", "'t", "da's".
const DUTCH_CLITICS: [RegExp, string][] = [
  [/\bz'n\b/g, 'zijn'],
  [/\bm'n\b/g, 'mijn'],
  [/\bd'r\b/g, 'haar'],
  [/(^|\s)'t\b/g, '$1het'],
  [/\bda's\b/g, 'dat is'],
  [/(^|\s)'k\b/g, '$1ik'],
  // Flemish "nie" for "niet" ("wat gaat er nie mee?").
  [/\bnie\b/g, 'niet'],
];

/** "Kopiëren" → "kopieren", "e-mailadres" → "emailadres": accents and hyphenated prefixes vary between writers. */
export function normalize(text: string): string {
  return text
    .slice(0, MAX_QUESTION_CHARS)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\be-mail/g, 'email')
    .replace(/[’‘`´]/g, "'");
}

const POSSESSIVE =
  /\b(?!(?:it|that|what|there|here|he|she|who|where|how|let|this|everything|nothing|something)')([a-z]{2,})'s\b/g;

/** Contractions written out, so "isn't" reads as "is not" instead of the non-word "isn". */
export function expandContractions(normalized: string): string {
  // A noun's "'s" is a possessive ("the client's user"), not "is"; only pronouns and question words contract "is".
  let text = normalized.replace(POSSESSIVE, '$1');
  for (const [pattern, replacement] of [...IRREGULAR, ...DUTCH_CLITICS]) text = text.replace(pattern, replacement);
  return english.replace(text);
}

/** Accents off, lower case, one space: how answers and key facts are compared ("NIET" ~ "niet", "kopiëren"). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

export interface Token {
  word: string;
  /** Position in the token sequence, used for phrase and proximity matching. */
  index: number;
  /** Offset of the token in the normalized text, for splitting a message into parts. */
  offset: number;
}

const WORD = /[a-z0-9]+/g;

/** Normalized, capped and with contractions written out: the text every later step reads. */
export function prepare(text: string): string {
  return expandContractions(normalize(text));
}

export function tokenizePrepared(prepared: string): Token[] {
  const out: Token[] = [];
  for (const m of prepared.matchAll(WORD)) {
    const word = m[0];
    if (word.length > MAX_WORD_LENGTH || (word.length < 2 && !/\d/.test(word))) continue;
    out.push({ word, index: out.length, offset: m.index ?? 0 });
  }
  return out;
}

export function tokenize(text: string): Token[] {
  return tokenizePrepared(prepare(text));
}

export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}
