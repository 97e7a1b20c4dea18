// Reads a chat message as one or more questions ("Twee vragen: wie moet akkoord geven, en welke koppelingen…"),
// each with the concepts it names, the words nobody taught the engine, and whether it is phrased as a question.
import type { ConceptHit, ConceptMatcher } from './matcher.js';
import { prepare, type Token, tokenizePrepared } from './text/normalize.js';
import type { StemLanguage } from './text/stem.js';

export interface QuestionPart {
  text: string;
  tokens: Token[];
  hits: ConceptHit[];
  unknown: string[];
  /** Asked as a question (question mark, question word or inverted verb), not context ("we nemen een klant over"). */
  asks: boolean;
}

const QUESTION_WORDS = new Set(
  `wie wat welke welk hoe hoeveel hoelang waar wanneer waarom moet moeten moest kan kun kunt kunnen mag mogen
  word wordt worden werd gaat gaan ga blijft blijven is zijn zit zitten heb hebt heeft hebben krijg krijgt krijgen
  zal zullen zou zouden klopt graag who what which how where when why whom do does did is are was were can could
  should must will would shall may need needs have has any anything`.split(/\s+/),
);

/** Opens a second question inside one sentence: ", en welke …", " and do …", "; also …". */
const SECOND_QUESTION = new RegExp(
  `(?:,\\s*|\\s)(?:en|and|ook|also|plus|maar|but|of|or)\\s+(?=(?:${[...QUESTION_WORDS].join('|')})\\b)`,
  'g',
);

/** Sentence ends and list markers split a message; a colon ends a lead-in ("Mijn baas vraagt: …"). */
const SENTENCE_END = /[?!;:\n]+|\.(?:\s+|$)|\s(?:\d[.)]|[-•*])\s/g;

/** A chat message asks a few things at most; the rest of a pasted text is not read. */
export const MAX_PARTS = 12;

function splitParts(prepared: string): string[] {
  const out: string[] = [];
  for (const sentence of prepared.split(SENTENCE_END)) {
    for (const piece of sentence.split(SECOND_QUESTION)) {
      if (piece.trim()) out.push(piece.trim());
      if (out.length >= MAX_PARTS) return out;
    }
  }
  return out;
}

function asksSomething(raw: string, tokens: Token[]): boolean {
  if (/\?\s*$/.test(raw)) return true;
  const first = tokens[0]?.word;
  return first !== undefined && QUESTION_WORDS.has(first);
}

export function readQuestion(text: string, matcher: ConceptMatcher, language: StemLanguage): QuestionPart[] {
  const prepared = prepare(text);
  const parts: QuestionPart[] = [];
  // The question marks are read from the prepared text, so each part knows whether it ended in one.
  let cursor = 0;
  for (const piece of splitParts(prepared)) {
    const at = prepared.indexOf(piece, cursor);
    cursor = at >= 0 ? at + piece.length : cursor;
    const tail = at >= 0 ? prepared.slice(cursor, cursor + 3) : '';
    const tokens = tokenizePrepared(piece);
    if (!tokens.length) continue;
    const { hits, unknown } = matcher.match(tokens, language);
    parts.push({ text: piece, tokens, hits, unknown, asks: asksSomething(piece + tail.trim(), tokens) });
  }
  return parts;
}

/** The distinct concepts of a part, strongest tier first. */
export function conceptsOf(part: Pick<QuestionPart, 'hits'>): Map<string, ConceptHit> {
  const order = { anchor: 0, topic: 1, context: 2 } as const;
  const out = new Map<string, ConceptHit>();
  for (const h of [...part.hits].sort((a, b) => order[a.tier] - order[b.tier])) {
    if (!out.has(h.concept)) out.set(h.concept, h);
  }
  return out;
}
