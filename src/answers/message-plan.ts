// Plans a whole chat message: each question part on its own, then how the parts lean on each other (a part that
// points back, context sentences around the question), and, for a follow-up, on the previous question.
import type { GapHit } from './gaps.js';
import { type PartPlan, planPart } from './plan.js';
import type { QuestionPart } from './question.js';
import type { SectionModel } from './section-model.js';

/** Words that point back to what the sentence before named ("moet ik daar iets mee?", "does it come along?"). */
/** Words that point back to an earlier part of the message: "moet ik die zelf invoeren?" is about what came before. */
export const BACK_REFERENCE =
  /\b(?:daar|daarmee|daarvoor|die|dat|dit|deze|hij|zij|ze|it|that|this|those|them|they|he|she)\b/;

export interface FollowUp {
  /** The previous question of the thread, read the same way. */
  context?: QuestionPart;
  /** A question-type gap of the previous question, inherited by a follow-up that asks nothing of its own. */
  inheritedGap?: GapHit;
}

/** Says the move is done: a participle after "is/has", an English past tense, or "afgerond"/"done" beside it. */
const PERFECT = /\b(?:is|zijn|werd|werden|was|were|has|have|had|got|been)\b/;
const DONE = /\b(?:afgerond|klaar|rond|voltooid|gelukt|done|complete|completed|finished)\b/;
const NOT_YET =
  /\b(?:wil|wilt|willen|gaat|gaan|zal|zullen|moet|moeten|straks|binnenkort|niet|will|going|wants?|should|soon|plan|planning|being|yet|not)\b/;
const PARTICIPLE = /^(?:(?:ge|over|ver|binnen|aan)\w*[dt]|\w+ed)$/;

/**
 * "De administratie is gisteren naar onze omgeving overgezet.", "admin moved, client can't see it", "migratie
 * afgerond": a statement that the move happened, so the question after it asks about afterwards.
 */
function saysItHappened(part: QuestionPart): boolean {
  if (part.asks || NOT_YET.test(part.text)) return false;
  const words = part.hits
    .filter((h) => h.concept === 'move')
    .flatMap((h) => h.positions.map((p) => part.tokens[p]?.word ?? ''));
  if (!words.length) return false;
  if (DONE.test(part.text)) return true;
  return words.some((w) => PARTICIPLE.test(w) && (w.endsWith('ed') || PERFECT.test(part.text)));
}

/** The part asks about the kind of thing a subject gap names ("de bankkoppeling" after "een rekening bij KBC"). */
function namesTheGapsThing(model: SectionModel, plan: Extract<PartPlan, { kind: 'gap' }>, part: QuestionPart): boolean {
  const answered = plan.gap.gap.alsoAnswer;
  if (plan.gap.gap.kind !== 'subject' || !answered.length) return false;
  if (part.hits.some((h) => answered.includes(h.concept))) return false;
  // The same kind of thing: the article names it in one breath with the ones it answers ("de bankkoppelingen van de
  // Rabobank en de Knab").
  const besides = (a: string, c: string) =>
    model.sections.some((e) => e.units.some((u) => u.concepts.has(a) && u.concepts.has(c)));
  return part.hits.some((h) => h.thing && h.tier === 'anchor' && answered.some((a) => besides(a, h.concept)));
}

/** "De administratie komt volgende maand naar ons.": a statement that the move is still to come. */
const COMING = /\b(?:volgende|komende|binnenkort|straks|per|next|upcoming|soon|will|going|plan|planning|planned)\b/;
function saysItIsComing(part: QuestionPart): boolean {
  return (
    !part.asks && part.hits.some((h) => h.concept === 'move' || h.concept === 'takeover') && COMING.test(part.text)
  );
}

const hasSubject = (part: QuestionPart) => part.hits.some((h) => h.tier !== 'context');

export function planMessage(model: SectionModel, parts: QuestionPart[], followUp: FollowUp = {}): PartPlan[] {
  const conceptsOf = (others: QuestionPart[]) => new Set(others.flatMap((p) => p.hits.map((h) => h.concept)));
  const plans = parts.map((part, i) => {
    const others = parts.filter((_, j) => j !== i);
    const setting = conceptsOf(others.filter((p) => !p.asks));
    if (others.some(saysItHappened)) setting.add('arrived');
    else if (others.some(saysItIsComing)) setting.add('upcoming');
    return planPart(model, { part, ...followUp, message: conceptsOf(others), setting });
  });
  // "… wie moet akkoord geven? Is daar een artikel over?", "gaat Belfius mee, of moet die opnieuw?", "Client files
  // VAT through Digipoort. Is that going to come along?": a part without a subject of its own asks about the part
  // before it — answerable or not.
  const carried = new Set<number>();
  plans.forEach((plan, i) => {
    const before = parts[i - 1];
    const previousPlan = plans[i - 1];
    const part = parts[i] as QuestionPart;
    if (!before || !previousPlan) return;
    // "Klant heeft een rekening bij KBC. Blijft die bankkoppeling werken?": the bank link asked about is the KBC one,
    // which the article is silent on, unless the question names the banks it does answer.
    if (previousPlan.kind === 'gap' && !before.asks && namesTheGapsThing(model, previousPlan, part)) {
      plans[i] = { ...previousPlan, asks: part.asks };
      return;
    }
    if (part.hits.some((h) => h.tier === 'anchor')) return;
    // A gap carries over when it was asked, or names a thing the next part asks about ("Client uses ABN AMRO. Will
    // that survive?"); a question-type gap in a mere statement does not ("Just to confirm: can it be moved?").
    if (previousPlan.kind === 'gap') {
      const carries = previousPlan.asks || previousPlan.gap.gap.kind === 'subject' || carried.has(i - 1);
      if (carries) {
        if (plan.kind !== 'gap') plans[i] = { ...previousPlan, asks: part.asks };
        carried.add(i);
        return;
      }
    }
    // "Wij werken met een andere koppeling. Wat is dan het advies?": a statement naming the subject sets the scene.
    const setsScene = !before.asks && before.hits.some((h) => h.tier === 'anchor');
    const pointsBack =
      plan.kind === 'none' || BACK_REFERENCE.test(part.text) || (setsScene && plan.kind !== 'overview');
    if (pointsBack && hasSubject(before)) plans[i] = planPart(model, { part, context: before });
  });
  // When a message asks something, its other sentences are context: "Klant bankiert bij Rabo. Hoe lang duurt het?"
  // asks how long, not about the Rabobank link.
  if (parts.some((p) => p.asks)) {
    parts.forEach((part, i) => {
      if (!part.asks) plans[i] = { kind: 'none', asks: false, vague: false };
    });
  }
  return plans;
}
