// Weighs the rule-based plans against the learned scope model: a message the model finds far off the article's
// subject is not answered, and a plainly worded one the rules could not place is answered from the sections the
// model names. Thresholds were set on question sets written after the rules, never on the held-out set.
import type { ScopeReading } from './learned/scope-model.js';
import { type PartPlan, weighConcepts } from './plan.js';
import { conceptsOf, type QuestionPart } from './question.js';
import type { SectionModel } from './section-model.js';
import { namesNothing } from './text/stopwords.js';

/**
 * Below this, for the message and for a part on its own, the rules' answer to that part is withheld: on unseen sets
 * this halved answers to unanswerables, costing about 1 answerable question in 150.
 */
export const VETO_BELOW = 0.2;
/**
 * At or above this a message the rules found nothing for, yet did not rule out, is answered (0.9 at first; 0.8 took
 * leave-one-batch-out answers from 1234 to 1241 of 1302 without answering one more unanswerable question).
 */
export const RESCUE_FROM = 0.8;
/** Sections the model gives at least this share of its best one join the answer. */
const SECOND_SECTION = 0.8;
/**
 * The model's section replaces the rules' when it is this sure of its own and gives every section the rules chose
 * less than {@link SURELY_NOT}: on unseen sets this fixed 3 sections in 290 answerable questions and broke none.
 */
const SURELY = 0.9;
const SURELY_NOT = 0.1;

export type Verdict = 'agree' | 'veto' | 'part-veto' | 'rescue' | 'resection';

/**
 * The rules refused every part only for lack of evidence: no known gap, no order to the assistant, not only as vague
 * as "wat moet ik doen?" (which gets asked to be clearer). Only such a refusal may be overruled. A part about a thing
 * on its own ("moet ik de nieuwe gebruiker ook aan de administraties koppelen?") may be overruled too, when both
 * models are sure ({@link SURE_OF_THING}) and it does not ask how to do the thing itself ("how do I renew the
 * certificate?", which the article leaves to other articles).
 */
function refusedForLackOfEvidence(
  plans: readonly PartPlan[],
  parts: readonly QuestionPart[],
  sure: boolean,
  settled = false,
): boolean {
  // Vague is "wat moet ik doen?" alone; a vague part beside one that says more, or a long one, only lacks evidence.
  const saysMore = (i: number) => (parts[i]?.tokens.length ?? 0) >= SAYS_MORE;
  // A vague part after a statement the models are sure of ("Client has 4 companies at their old firm. Can we take
  // all of them over?") is clear enough too; "wat moet ik doen?" alone is not.
  const setting = parts.length > 1 && (sure || settled);
  const clear = plans.some((p, i) => p.kind === 'none' && p.asks && (!p.vague || saysMore(i) || setting));
  return (
    clear &&
    plans.every((p, i) => p.kind === 'none' && !p.instruction && (!p.thing || (sure && !asksHowTo(parts[i]?.text))))
  );
}

/**
 * From this probability that the article answers the message, a vague question after a statement ("… en pak ne klant
 * over van een ander bureau. Wat moet ik allemaal doen?") is clear enough, even when no sentence stands out.
 */
const SETTLED = 0.99;

/** A part of this many words says more than "wat moet ik doen?", even when no word of it is in the lexicon. */
const SAYS_MORE = 8;

/** Asks for the steps of doing something: "hoe leg ik …", "how do I renew …", "welke stappen", "step by step". */
const HOW_TO =
  /^(?:hoe|how)\b|\b(?:hoe\s+(?:moet|kan|kun|doe|leg|stel|vraag|maak|vernieuw|zet)|how\s+(?:do|can|should|would)\s+(?:i|we|you)|steps?|stappen|stap\s+voor\s+stap|step\s+by\s+step)\b/;

/** "Hoe weet ik of …", "how do I figure out who …": asks how to tell, which the article may say, not how to do. */
const HOW_TO_TELL =
  /^(?:hoe\s+(?:weet|zie|check|controleer)\s+(?:ik|we|je)|how\s+(?:do|can|would|should)\s+(?:i|we|you)\s+(?:know|tell|figure\s+out|find\s+out|check|see))\b/;

const asksHowTo = (text = '') => HOW_TO.test(text) && !HOW_TO_TELL.test(text);

/**
 * Sure enough to answer a question about a thing the rules would refuse: the message is in scope, one section and
 * one of its sentences are each this likely (chosen on leave-one-batch-out sets, where no unanswerable question got
 * through once how-to questions are left out).
 */
const SURE_OF_THING = 0.8;

/**
 * @param readPart the model's reading of part `index` on its own (with the part before it when it points back): a
 *   message far off the subject as a whole may still ask one thing the article answers ("who approves, and how long
 *   does it take?").
 */
export function reconsider(
  model: SectionModel,
  parts: readonly QuestionPart[],
  plans: PartPlan[],
  reading: ScopeReading,
  readPart: (index: number) => number = () => 0,
  /** The sentence model's highest probability for any sentence of the article. */
  sentenceCertainty = 0,
): { plans: PartPlan[]; verdict: Verdict } {
  const answering = (p: PartPlan) => p.kind === 'answer' || p.kind === 'overview';
  if (plans.some(answering) && reading.inScope < VETO_BELOW && !confirmed(parts, plans, reading, sentenceCertainty)) {
    // Where every part the rules do not answer is a gap they recognised, that gap explains the message's low score
    // and each answered part is judged on its own; otherwise the off-subject part is context the answers depend on
    // ("Klant bankiert bij ABN AMRO. Moet die koppeling opnieuw?") and no part is answered.
    const explained = plans.every((p) => answering(p) || p.kind === 'gap');
    const kept = plans.map((p, i) => {
      const part = parts[i];
      return answering(p) && (!explained || !part || readPart(i) < VETO_BELOW) ? none() : p;
    });
    const vetoed = kept.some((p, i) => p !== plans[i]);
    if (vetoed) return { plans: kept, verdict: kept.some(answering) ? 'part-veto' : 'veto' };
  }
  const answered = plans.some(answering);
  if (answered) return resection(model, parts, plans, reading);
  const [best] = reading.sections;
  const sureOfThing =
    (best?.[1] ?? 0) >= SURE_OF_THING && sentenceCertainty >= SURE_OF_THING && reading.inScope >= SURE_OF_THING;
  const settled = reading.inScope >= SETTLED;
  if (reading.inScope < RESCUE_FROM || !refusedForLackOfEvidence(plans, parts, sureOfThing, settled)) {
    return { plans, verdict: 'agree' };
  }
  if (!best) return { plans, verdict: 'agree' };
  const ids = reading.sections.filter(([, p]) => p >= best[1] * SECOND_SECTION).map(([id]) => id);
  const entries = model.sections.filter((s) => ids.includes(s.section.id) && s.article === model.articles[0]);
  // A section with steps of its own ("after the move") is answered as the article's outline of those steps, the
  // whole outline when another section of it is as likely ("how do I take on a client …?").
  const steps = entries.find((e) => e.children.length && e.headingConcepts.has('after'));
  if (steps) {
    const whole = entries.some((e) => e !== steps && e.parent !== steps && e.article.overview.includes(e.section.id));
    return { plans: [{ kind: 'overview', after: !whole, possible: false }], verdict: 'rescue' };
  }
  const sections = entries.filter((e) => !entries.includes(e.parent as (typeof entries)[number]));
  if (!sections.length) return { plans, verdict: 'agree' };
  return { plans: [{ kind: 'answer', sections, ...asked(model, parts) }], verdict: 'rescue' };
}

/**
 * Every word of the message is known, it names an anchor concept, no gap brushes against it, the section model's best
 * section is one the rules chose and the sentence model is sure which sentence is wanted: the scope model alone then
 * does not veto (on leave-one-batch-out sets and fresh batches this answered more and no more unanswerables; from
 * 0.8 on it answered "will the old firm still have a copy?").
 */
const CONFIRMED = 0.95;
function confirmed(
  parts: readonly QuestionPart[],
  plans: readonly PartPlan[],
  reading: ScopeReading,
  certainty: number,
): boolean {
  const [best] = reading.sections;
  if (!best || best[1] < CONFIRMED || certainty < CONFIRMED) return false;
  if (parts.some((p) => p.unknown.some((w) => !namesNothing(w)))) return false;
  // The rules' own evidence must be an anchor ("Knab", "access rights"), not only topics ("who sets it up again?").
  if (!parts.some((p) => p.hits.some((h) => h.tier === 'anchor'))) return false;
  if (plans.some((p) => p.kind === 'gap' || (p.kind === 'answer' && p.note))) return false;
  return plans.some((p) => p.kind === 'answer' && p.sections.some((e) => e.section.id === best[0]));
}

const none = (): PartPlan => ({ kind: 'none', asks: true, vague: false });

/** A one-part answer whose sections the model is sure are wrong gets the section the model is sure of instead. */
function resection(
  model: SectionModel,
  parts: readonly QuestionPart[],
  plans: PartPlan[],
  reading: ScopeReading,
): { plans: PartPlan[]; verdict: Verdict } {
  const answers = plans.filter((p) => p.kind === 'answer' || p.kind === 'overview');
  const [plan] = answers;
  const [best] = reading.sections;
  // An answer about the article itself already quotes its introduction.
  const about = plan?.kind === 'overview' && plan.about;
  if (answers.length !== 1 || !plan || about || !best || best[1] < SURELY) return { plans, verdict: 'agree' };
  const p = new Map(reading.sections);
  // The outline quotes the article's overview sections ("wat moet ik doen?"); "what is this article about?" is
  // answered by its introduction when the model is sure of that and sure the outline is not it.
  const chosen =
    plan.kind === 'answer' ? plan.sections : model.sections.filter((e) => e.article.overview.includes(e.section.id));
  if (chosen.some((e) => e.section.id === best[0] || (p.get(e.section.id) ?? 0) >= SURELY_NOT)) {
    return { plans, verdict: 'agree' };
  }
  const entry = model.sections.find((s) => s.section.id === best[0] && s.article === model.articles[0]);
  if (!entry || entry.children.length) return { plans, verdict: 'agree' };
  // "De administratie komt volgende maand naar ons. Wat eerst?": the model reads no tense; the rules do.
  const afterTheMove = [entry, entry.parent].some((e) => e?.headingConcepts.has('after'));
  if (plan.kind === 'answer' && plan.upcoming && afterTheMove) return { plans, verdict: 'agree' };
  const replacement: PartPlan =
    plan.kind === 'answer'
      ? { ...plan, sections: [entry] }
      : { kind: 'answer', sections: [entry], ...asked(model, parts) };
  return { plans: plans.map((q) => (q === plan ? replacement : q)), verdict: 'resection' };
}

/** What the message asks about, weighed as the rules weigh a part they answer. */
function asked(model: SectionModel, parts: readonly QuestionPart[]) {
  const concepts = conceptsOf({ hits: parts.flatMap((p) => p.hits) });
  return { concepts, weights: weighConcepts(model, concepts) };
}
