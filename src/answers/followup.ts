// Recognises short follow-ups ("en de Knab?", "what about certificates?", "en daarna?") that lean on the previous question.
import { planMessage } from './message-plan.js';
import { type PartPlan, weighConcepts } from './plan.js';
import type { QuestionPart } from './question.js';
import type { SectionModel } from './section-model.js';
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

/**
 * The plan for the step after the one a question was about: the next subsection of the same parent, or the steps
 * after the move when the question was about the move itself. "Wat moet ik als eerste doen na de verhuizing?" was
 * about the first step.
 */
export function stepAfter(model: SectionModel, question: QuestionPart[]): PartPlan | undefined {
  const plans = planMessage(model, question);
  const article = model.articles[0];
  const sections = model.sections.filter((s) => s.article === article);
  const after = sections.find((s) => s.children.length && s.headingConcepts.has('after'));
  const answered = plans.flatMap((p) =>
    p.kind === 'answer'
      ? p.sections
      : p.kind === 'overview' && p.after && after?.children[0]
        ? [after.children[0]]
        : [],
  );
  const current = answered.sort((a, b) => sections.indexOf(b) - sections.indexOf(a))[0];
  if (!current) return undefined;
  const siblings = current.parent?.children ?? [];
  const step = siblings[siblings.indexOf(current) + 1];
  if (step) {
    // What the step is about, not when it comes: its heading names the section it belongs to too.
    const concepts = new Map(
      [...step.headingConcepts]
        .filter((c) => !current.parent?.headingConcepts.has(c))
        .map((c) => [c, { concept: c, tier: 'topic' as const, thing: false, positions: [], typo: false }]),
    );
    return { kind: 'answer', sections: [step], concepts, weights: weighConcepts(model, concepts) };
  }
  if (!current.parent && !current.children.length && after && sections.indexOf(after) > sections.indexOf(current))
    return { kind: 'overview', after: true, possible: false };
  return undefined;
}
