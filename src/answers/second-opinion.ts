// Weighs the rule-based plans against the learned scope model: a message the model finds far off the article's
// subject is not answered, and a plainly worded one the rules could not place is answered from the sections the
// model names. Thresholds were set on question sets written after the rules, never on the held-out set.
import type { ScopeReading } from './learned/scope-model.js';
import type { PartPlan } from './plan.js';
import { conceptsOf, type QuestionPart } from './question.js';
import { type SectionModel, TIER_WEIGHT } from './section-model.js';

/** Below this the rules' answer is withheld: on unseen sets this halved answers to unanswerables, costing ~1 in 150. */
export const VETO_BELOW = 0.2;
/** At or above this a message the rules found nothing for, yet did not rule out, is answered. */
export const RESCUE_FROM = 0.9;
/** Sections the model gives at least this share of its best one join the answer. */
const SECOND_SECTION = 0.8;
/**
 * The model's section replaces the rules' when it is this sure of its own and gives every section the rules chose
 * less than {@link SURELY_NOT}: on unseen sets this fixed 3 sections in 290 answerable questions and broke none.
 */
const SURELY = 0.9;
const SURELY_NOT = 0.1;

export type Verdict = 'agree' | 'veto' | 'rescue' | 'resection';

/**
 * The rules refused every part only for lack of evidence: no known gap, no order to the assistant, no question about
 * a thing on its own, not an empty greeting. Only such a refusal may be overruled.
 */
function refusedForLackOfEvidence(plans: readonly PartPlan[]): boolean {
  return (
    plans.length > 0 &&
    plans.every((p) => p.kind === 'none' && !p.instruction && !p.thing && !p.vague) &&
    plans.some((p) => p.kind === 'none' && p.asks)
  );
}

export function reconsider(
  model: SectionModel,
  parts: readonly QuestionPart[],
  plans: PartPlan[],
  reading: ScopeReading,
): { plans: PartPlan[]; verdict: Verdict } {
  const answered = plans.some((p) => p.kind === 'answer' || p.kind === 'overview');
  if (answered && reading.inScope < VETO_BELOW) {
    return { plans: plans.map((p) => (p.kind === 'answer' || p.kind === 'overview' ? none() : p)), verdict: 'veto' };
  }
  if (answered) return resection(model, plans, reading);
  if (reading.inScope < RESCUE_FROM || !refusedForLackOfEvidence(plans)) return { plans, verdict: 'agree' };
  const [best] = reading.sections;
  if (!best) return { plans, verdict: 'agree' };
  const ids = reading.sections.filter(([, p]) => p >= best[1] * SECOND_SECTION).map(([id]) => id);
  const entries = model.sections.filter((s) => ids.includes(s.section.id) && s.article === model.articles[0]);
  // A section with steps of its own ("after the move") is answered as the article's outline of those steps.
  if (entries.some((e) => e.children.length && e.headingConcepts.has('after'))) {
    return { plans: [{ kind: 'overview', after: true, possible: false }], verdict: 'rescue' };
  }
  const concepts = conceptsOf({ hits: parts.flatMap((p) => p.hits) });
  const weights = new Map(
    [...concepts].map(([id, hit]) => [id, TIER_WEIGHT[hit.tier] * model.idfOf(`c:${id}`)] as const),
  );
  const sections = entries.filter((e) => !entries.includes(e.parent as (typeof entries)[number]));
  if (!sections.length) return { plans, verdict: 'agree' };
  return { plans: [{ kind: 'answer', sections, concepts, weights }], verdict: 'rescue' };
}

const none = (): PartPlan => ({ kind: 'none', asks: true, vague: false });

/** A one-part answer whose sections the model is sure are wrong gets the section the model is sure of instead. */
function resection(
  model: SectionModel,
  plans: PartPlan[],
  reading: ScopeReading,
): { plans: PartPlan[]; verdict: Verdict } {
  const answers = plans.filter((p) => p.kind === 'answer' || p.kind === 'overview');
  const [plan] = answers;
  const [best] = reading.sections;
  if (answers.length !== 1 || plan?.kind !== 'answer' || !best || best[1] < SURELY) return { plans, verdict: 'agree' };
  const p = new Map(reading.sections);
  if (plan.sections.some((e) => e.section.id === best[0] || (p.get(e.section.id) ?? 0) >= SURELY_NOT)) {
    return { plans, verdict: 'agree' };
  }
  const entry = model.sections.find((s) => s.section.id === best[0] && s.article === model.articles[0]);
  if (!entry || entry.children.length) return { plans, verdict: 'agree' };
  return { plans: plans.map((q) => (q === plan ? { ...plan, sections: [entry] } : q)), verdict: 'resection' };
}
