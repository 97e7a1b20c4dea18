// Recognises short follow-ups ("en de Knab?", "what about certificates?") that lean on the previous question.
import type { Concept } from './concepts.js';
import { normalize } from './text/normalize.js';

const MARKER =
  /^(?:en|maar|ook|wat met|en wat|hoe zit het met|geldt dat ook|idem|and|but|also|what about|how about|and what|same for|what if)\b/;

export function hasFollowUpMarker(question: string): boolean {
  return MARKER.test(normalize(question).trim());
}

/** A question leans on the previous one when it opens like a follow-up or names at most one thing. */
export function isFollowUp(question: string, concepts: Concept[], previousQuestion: string | undefined): boolean {
  if (!previousQuestion?.trim()) return false;
  return hasFollowUpMarker(question) || concepts.length <= 1;
}
