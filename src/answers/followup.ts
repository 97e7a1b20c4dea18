// Recognises short follow-ups ("en de Knab?", "what about certificates?") that lean on the previous question.
import type { QuestionPart } from './question.js';
import { normalize } from './text/normalize.js';

const MARKER =
  /^(?:en|maar|ook|wat met|en wat|hoe zit het met|geldt dat ook|idem|and|but|also|what about|how about|and what|same for|what if)\b/;

/** A follow-up is short: a longer message says what it asks by itself. */
const MAX_FOLLOW_UP_TOKENS = 10;

export function hasFollowUpMarker(question: string): boolean {
  return MARKER.test(normalize(question).trim());
}

/** A question leans on the previous one when it opens like a follow-up, or is short and names at most one thing. */
export function isFollowUp(question: string, parts: QuestionPart[]): boolean {
  const tokens = parts.reduce((n, p) => n + p.tokens.length, 0);
  if (!parts.length || tokens > MAX_FOLLOW_UP_TOKENS) return false;
  const things = new Set(parts.flatMap((p) => p.hits.filter((h) => h.tier !== 'context').map((h) => h.concept)));
  return hasFollowUpMarker(question) || things.size <= 1;
}

/** "En daarna?", "and after that?", "what's next?": asks for the step after the one the previous question was about. */
const NEXT_STEP =
  /^(?:(?:en|and|ok(?:e|ay)?|oke|right|dus|so|maar|but)[\s,]+)*(?:daarna|dan|vervolgens|wat nu|en nu|wat is de volgende stap|wat is stap 2|volgende stap|stap 2|step 2|step two|next|then|after that|afterwards|what next|what(?:'s| is) next|what comes next|next step|the next step|what(?:'s| is) the next step)(?:\s+(?:dan|nog|then|please|pls|aub))?[\s?!.]*$/;

export function asksForTheNextStep(question: string): boolean {
  return NEXT_STEP.test(normalize(question).trim());
}
