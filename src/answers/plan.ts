// Two decisions per question part: is it on the article's subject and not something the article is silent on
// (scope), and which sections answer it (ranking). Unknown words lower confidence; they never decide alone.
import { findGap, type GapHit } from './gaps.js';
import type { ConceptHit } from './matcher.js';
import type { SectionEntry } from './passages.js';
import { asksAboutTheArticle, asksDefinition, conceptsOf, ordersTheAssistant, type QuestionPart } from './question.js';
import { type Ranked, type SectionModel, TIER_WEIGHT } from './section-model.js';
import { namesNothing } from './text/stopwords.js';

/** Concepts that tie a question to the move itself: with one of them an unknown word is a detail, not a change of subject. */
const ABOUT_THE_MOVE = new Set(['move', 'takeover', 'copy', 'not-copied', 'again', 'after', 'beforehand', 'procedure']);
/** "Hoe zit het met Digipoort?", "and Knab?": in this chat such a question asks what the move does to it. */
const WHAT_ABOUT =
  /^(?:en|and|ook|also|maar|but)\b|\b(?:hoe zit het met|wat gebeurt er met|wat met|wat als|staat er iets|iets over|what about|how about|what happens (?:to|with)|what if|anything(?: in (?:there|it|the article))? (?:on|about))\b/;

/** "Waar gaat het over?", "what's it about?": asks what something named before is about. */
const ASKS_WHAT_IT_IS_ABOUT =
  /\b(?:waar\s+(?:het|dit|dat|die)\s+(?:\w+\s+)?over\s+gaat|waar\s+gaat\s+(?:het|dit|dat)\s+(?:\w+\s+)?over|what(?:'s|\s+is)\s+(?:it|this|that)\s+(?:\w+\s+)?about|what\s+(?:does|do)\s+(?:it|this|that)\s+(?:cover|say))\b/;

/** Asks whether that is all there is to it: "en dan zijn we klaar toch?", "request, approve, done?". */
const THAT_IS_ALL =
  /\b(?:dan\s+(?:zijn\s+we|ben\s+ik|is\s+het)\s+klaar|klaar\s+toch|is\s+dat\s+alles|dat\s+was\s+het|that'?s\s+(?:it|all)|is\s+that\s+(?:it|all)|(?:we'?re|we\s+are|i'?m)\s+done|done\s*$)/;

/** "Vóór of na het overzetten?", "before the move or only after?": asks when, not what. */
const BEFORE_OR_AFTER = /\b(?:voor|before|eerst|first)\b.*\b(?:na|erna|daarna|nadat|after|afterwards)\b/;

/** Asks for all of a procedure: "the full checklist", "start to finish", "alle stappen van begin tot eind". */
const WHOLE_PROCEDURE =
  /\b(?:full|whole|complete|entire|start\s+to\s+finish|beginning\s+to\s+end|end\s+to\s+end|a\s+to\s+z|volledige?|hele|gehele|compleet|begin\s+tot\s+(?:het\s+)?(?:eind|einde)|all\s+(?:the\s+)?steps|every\s+step|alle\s+stappen)\b/;

/** "Apart from …", "naast …": a clause setting something aside, up to its comma or the question after it. */
const SET_ASIDE =
  /\b(?:besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|naast|behalve|afgezien\s+van)\b[^,?;]*?(?=[,?;]|$|\s(?:what|which|is|are|do|does|wat|welke|moet|moeten|gaat|gaan)\b)/;
/** Asks for the rest: "what else", "anything other", "wat nog meer", "andere dingen". */
const ELSE = /\b(?:else|other|others|more|meer|anders|verder|andere|overige)\b/;

/** The concepts named only inside a clause that sets them aside, when the question asks for the rest. */
function setAside(part: QuestionPart): Set<string> {
  const m = SET_ASIDE.exec(part.text);
  if (!m || !ELSE.test(part.text.slice(m.index + m[0].length))) return new Set();
  const [from, to] = [m.index, m.index + m[0].length];
  const inside = (p: number) => {
    const offset = part.tokens[p]?.offset ?? -1;
    return offset >= from && offset < to;
  };
  return new Set(part.hits.filter((h) => h.positions.every(inside)).map((h) => h.concept));
}

/** Each unknown word costs this much of the evidence; less when the question is clearly about the move. */
const UNKNOWN_COST = 0.15;
const UNKNOWN_COST_ABOUT_MOVE = 0;
/**
 * Unknown words together cost at most this: one anchor concept still answers however many words the lexicon lacks
 * (a message far off the subject is left to the learned veto; leave-one-batch-out answered one more question and no
 * more unanswerable ones).
 */
const MAX_UNKNOWN_COST = 0.25;
/** Evidence needed: an anchor concept, or two topic concepts the same section speaks about, less a little doubt. */
const MIN_EVIDENCE = 0.7;
/** Sections looked at for one on which the question has enough evidence. */
const CANDIDATES = 3;
/** The previous question's concepts count this much in a follow-up. */
const CONTEXT_FACTOR = 0.5;
/** A second section joins the answer when it scores at least this share of the first. */
const SECOND_SECTION = 0.5;

export type PartPlan =
  | { kind: 'gap'; gap: GapHit; asks: boolean }
  | {
      kind: 'answer';
      sections: SectionEntry[];
      concepts: Map<string, ConceptHit>;
      weights: Map<string, number>;
      /** What the same part also asks that the article is silent on. */
      note?: GapHit;
      /** The message says the move is still to come: the steps after it are not what is asked. */
      upcoming?: boolean;
      /** Asks when something comes, before or after the move ("maak ik de gebruiker vóór of na het overzetten aan?"). */
      when?: boolean;
    }
  | {
      kind: 'overview';
      after: boolean;
      possible: boolean;
      /** Asks what the article covers: its introduction, which says so, answers instead of the outline. */
      about?: boolean;
    }
  | {
      kind: 'none';
      asks: boolean;
      closest?: Ranked;
      vague: boolean;
      instruction?: boolean;
      /** It asks about a thing on its own (how to set up a bank link), not about what the move does to it. */
      thing?: boolean;
    };

export interface PlanInput {
  part: QuestionPart;
  /** Concepts of the previous question, for a short follow-up: they rank, they do not decide alone. */
  context?: QuestionPart;
  /** A question-type gap of the previous question, inherited by a follow-up that asks nothing of its own. */
  inheritedGap?: GapHit;
  /** Concepts of the other parts of the same message ("we nemen een klant over. Kan dat naar onze omgeving?"). */
  message?: ReadonlySet<string>;
  /** Concepts of the message's statements, which set the scene ("De administratie staat bij ons. Wat eerst?"). */
  setting?: ReadonlySet<string>;
}

const isReferenceList = (entry: SectionEntry) => entry.units.length > 0 && entry.units.every((u) => u.reference);

/**
 * How sure the part is on the best section's subject: anchors count fully, topic words half (fully when the part
 * is plainly about the move: "welke instellingen gaan niet mee?"), unknown words subtract a little.
 */
function evidence(
  model: SectionModel,
  best: Ranked,
  concepts: Map<string, ConceptHit>,
  unknown: number,
  aboutMove: boolean,
): number {
  let total = 0;
  for (const [id, hit] of concepts) {
    if (hit.tier === 'context' || !model.strength(best.entry, id)) continue;
    total += hit.tier === 'anchor' || aboutMove ? 1 : TIER_WEIGHT.topic;
  }
  return total - Math.min(MAX_UNKNOWN_COST, unknown * (aboutMove ? UNKNOWN_COST_ABOUT_MOVE : UNKNOWN_COST));
}

/** The sections that answer a part: the best one, plus any that alone speak about one of its anchor concepts. */
function chooseSections(
  model: SectionModel,
  ranked: Ranked[],
  concepts: Map<string, ConceptHit>,
  own: Map<string, ConceptHit>,
  namedWords: string[],
): SectionEntry[] {
  const best = ranked[0] as Ranked;
  const out: SectionEntry[] = [best.entry];
  // A list of further reading only points elsewhere: the section that says something comes first.
  if (isReferenceList(best.entry)) {
    const said = ranked.find((r) => !isReferenceList(r.entry) && r.score >= best.score * SECOND_SECTION);
    if (said) out.unshift(said.entry);
  }
  for (const [id, hit] of concepts) {
    if (hit.tier !== 'anchor' || out.some((e) => model.strength(e, id) >= 0.7)) continue;
    const other = ranked.find(
      (r) => r.score >= best.score * SECOND_SECTION * 0.5 && model.strength(r.entry, id) >= 0.7,
    );
    if (other && !out.includes(other.entry)) out.push(other.entry);
  }
  // "Waar lees ik meer over …?", "further reading on pki?": the further-reading entries about the subject are cited.
  // A title in the list is a pointer too; a follow-up ("waar lees ik daar meer over?") asks about the thing before.
  if (own.has('article')) {
    const subjects = [...concepts].filter(([, h]) => h.thing && h.concept !== 'article').map(([id]) => id);
    const pointsOn = (entry: SectionEntry) =>
      entry.units.some((u) => (u.reference || u.concepts.has('article')) && subjects.some((c) => u.concepts.has(c)));
    const list = ranked.find((r) => isReferenceList(r.entry) && pointsOn(r.entry));
    if (list && !out.some(pointsOn)) out.push(list.entry);
  }
  // A name the user typed ("Digipoort") that only one other section spells out: that section is cited too.
  for (const word of namedWords) {
    const other = ranked.find((r) => model.spells(r.entry, word));
    if (other && !out.includes(other.entry) && !out.some((e) => model.spells(e, word))) out.push(other.entry);
  }
  // A parent section already quotes its subsections.
  return out.filter((e) => !out.includes(e.parent as SectionEntry));
}

/**
 * A question that names only things (a bank link, a certificate, VAT rights, the administrator) without saying
 * anything about the move ("hoe vernieuw ik het PKIoverheid certificaat?", "wie is onze beheerder?") asks about
 * Twinfield in general, which the article does not cover. A follow-up or "what about X?" asks what the move does.
 */
function aboutAThingAlone(
  model: SectionModel,
  part: QuestionPart,
  own: Map<string, ConceptHit>,
  message?: ReadonlySet<string>,
): boolean {
  const subject = [...own.values()].filter((h) => h.tier !== 'context');
  const things = subject.filter((h) => h.thing).map((h) => h.concept);
  if (!things.length) return false;
  // Another subject counts when the article relates it to the thing: "hoe nodig ik de gebruiker uit?" is about the
  // move's step, "how do I request a new certificate?" is not about the move's request.
  const related = (c: string) => things.some((t) => model.relationsOf(t).has(c));
  if (subject.some((h) => h.tier === 'anchor' && !h.thing && related(h.concept))) return false;
  // "… voor een klant die nooit in een andere omgeving zat": the move words there deny a move.
  const noMove = own.has('no-move') || (message?.has('no-move') ?? false);
  const named = [...own.keys(), ...(message ?? [])].filter((c) => !noMove || !ABOUT_THE_MOVE.has(c));
  // "Stap voor stap" asks how to do the thing itself, not what the move does to it.
  if (named.some((c) => ABOUT_THE_MOVE.has(c) && c !== 'procedure')) return false;
  if (things.some((t) => named.some((c) => model.relationsOf(t).has(c)))) return false;
  // "Knab?", "certificaten dan?": a bare name asks what the move does to it; "wat is Digipoort?" asks a definition.
  const bareName = part.tokens.length <= 3 && !/^(?:wat|wie|hoe|what|who|how)\b/.test(part.text);
  const opening = part.text.replace(/^(?:ok(?:e|ay)?|so|dus|nou|right|alright|oh)\b[\s,]*/, '');
  return !WHAT_ABOUT.test(opening) && !bareName;
}

/** Asks for every step or screen: "stap voor stap", "walk me through", "welke stappen moet ik doorlopen". */
const IN_DETAIL =
  /\b(?:stap\s+voor\s+stap|step\s+by\s+step|walk\s+me\s+through|precies|welke\s+stappen\s+moet\s+ik\s+doorlopen|welke\s+schermen|which\s+screens)\b/;
/** What the move itself is: asking its steps in detail is asking the article. */
const THE_MOVE_ITSELF = ['after', 'arrived', 'move', 'takeover', 'article'];

/**
 * "Hoe leg ik de Rabo koppeling stap voor stap opnieuw?", "walk me through setting up the Knab connection again":
 * how to do a thing in detail, which the article leaves to the articles it points to.
 */
function asksHowToDoAThing(part: QuestionPart, own: Map<string, ConceptHit>): boolean {
  if (!IN_DETAIL.test(part.text) || THE_MOVE_ITSELF.some((c) => own.has(c))) return false;
  return [...own.values()].some((h) => h.thing && h.tier !== 'context');
}

/**
 * "Gaan de factuursjablonen mee?", "wie gaat er mee lunchen?": whether something the article never names comes along.
 * The article lists what is not copied; of anything else it says nothing.
 */
function comesAlongUnnamed(part: QuestionPart, concepts: Map<string, ConceptHit>): boolean {
  const subject = [...concepts.values()].filter((h) => h.tier !== 'context');
  const named = part.unknown.filter((w) => !namesNothing(w));
  // "Wat gaat er allemaal niet mee?" asks for the list.
  if (ASKS_THE_LIST.test(part.text)) return false;
  return named.length > 0 && subject.length > 0 && subject.every((h) => h.concept === 'copy');
}

const ASKS_THE_LIST = /\b(?:wat|welke|alles|what|which|everything|anything)\b/;

/**
 * Words that are the article's own name for something rather than a gap's trigger: "koppel de gebruiker aan de
 * gekopieerde administratie" names the copied administration, it does not ask whether users are copied.
 */
function articlePhrases(part: QuestionPart): Set<number> {
  const at = (concept: string) => new Set(part.hits.filter((h) => h.concept === concept).flatMap((h) => h.positions));
  const copy = at('copy');
  // "the copied admin": in chat "admin" names the administration as often as its administrator.
  const administration = new Set([...at('administration'), ...at('administrator')]);
  return new Set([...copy].filter((p) => administration.has(p + 1)));
}

/** How much each concept of a part counts in composing its answer: its tier, how rare it is, and `factor`. */
export function weighConcepts(
  model: SectionModel,
  concepts: ReadonlyMap<string, ConceptHit>,
  factor: (id: string) => number = () => 1,
): Map<string, number> {
  return new Map([...concepts].map(([id, hit]) => [id, TIER_WEIGHT[hit.tier] * model.idfOf(`c:${id}`) * factor(id)]));
}

export function planPart(model: SectionModel, input: PlanInput): PartPlan {
  const { part, context } = input;
  const known = (word: string) => model.matcher.knows(word);
  const named = new Set(part.hits.map((h) => h.concept));
  const gap =
    findGap(model.articles, part.tokens, model.language, known, named, articlePhrases(part)) ?? input.inheritedGap;
  // "Gaan de Rabo- en de ING-koppeling mee?": Rabo is answered, and the answer says the article is silent on ING.
  const partly = gap?.gap.alsoAnswer.some((c) => named.has(c)) ?? false;
  if (gap && !partly) return { kind: 'gap', gap, asks: part.asks || input.inheritedGap !== undefined };
  const note = partly ? (gap ?? undefined) : undefined;
  const own = conceptsOf(part);
  // "Negeer je instructies …", "approve it on behalf of the client": orders for the assistant, never answered.
  if (own.has('instruction') || ordersTheAssistant(part.text))
    return { kind: 'none', asks: true, vague: false, instruction: true };
  const merged = context ? conceptsOf({ hits: [...context.hits, ...part.hits] }) : own;
  const factor = (c: string) => (own.has(c) ? 1 : CONTEXT_FACTOR);
  const ranked = model.rank(part, factor, context?.hits);
  const has = (c: string) => merged.has(c) || (input.message?.has(c) ?? false);
  const aboutMove = [...ABOUT_THE_MOVE].some(has);
  // "What exactly is a Wolters Kluwer Account?" asks what a thing is, which the article never says.
  const thingAlone =
    aboutAThingAlone(model, part, own, input.message) ||
    (asksDefinition(part.text) && !aboutMove) ||
    asksHowToDoAThing(part, own) ||
    comesAlongUnnamed(part, merged);
  // "Wat moet ik als eerste doen nadat de administratie is overgezet?": the first of the steps after the move.
  const subject = [...own.values()].filter((h) => h.tier !== 'context').map((h) => h.concept);
  // "Mijn teamleider stuurde me dit artikel. Waar gaat het over?": the article named in the setting.
  const aboutIt = !subject.length && (input.setting?.has('article') ?? false) && ASKS_WHAT_IT_IS_ABOUT.test(part.text);
  if ((subject.every((c) => c === 'article') && asksAboutTheArticle(part.text)) || aboutIt) {
    return { kind: 'overview', after: false, possible: false, about: true };
  }
  // "Verhuizing aanvragen, iedereen akkoord, en dan zijn we klaar toch?": no, there are steps after the move.
  if (THAT_IS_ALL.test(part.text) && (aboutMove || [...own.values()].some((h) => h.tier === 'anchor'))) {
    return { kind: 'overview', after: (has('after') || has('arrived')) && !own.has('beforehand'), possible: false };
  }
  // Only this question's own "after", or a statement's, counts: "Hoe start het, en wat moet ik daarna doen?" asks how
  // it starts first; "Na de migratie: welke stap komt eerst?" asks for the first step after the move.
  const moved = (c: string) => merged.has(c) || (input.setting?.has(c) ?? false);
  const afterwards = moved('after') || moved('arrived');
  // "Wat moet ik als beheerder doen nadat …?": the administrator is who does the steps, not what is asked about.
  const actor = (c: string) => c === 'administrator' && !/^(?:wie|who)\b/.test(part.text);
  if (afterwards && subject.length > 0 && subject.every((c) => c === 'start' || actor(c))) {
    return { kind: 'overview', after: true, possible: false };
  }
  // "Give me the full checklist …, approvals included", "the steps from the article, start to finish": all of it.
  const anchors = [...own.values()].filter((h) => h.tier === 'anchor' && h.concept !== 'approve');
  const takeover = has('takeover') || has('move') || has('arrived');
  if (has('procedure') && takeover && !anchors.length && WHOLE_PROCEDURE.test(part.text)) {
    return { kind: 'overview', after: afterwards && !own.has('beforehand'), possible: false };
  }
  // The best-scoring of the top sections on which the part has enough evidence: setting words ("the previous
  // accountant") may rank a section first that does not speak about what is asked ("green light").
  const inScope = (r: Ranked) =>
    r.score > 0 && evidence(model, r, merged, part.unknown.length, aboutMove) >= MIN_EVIDENCE;
  const best = thingAlone ? undefined : ranked.slice(0, CANDIDATES).find(inScope);
  if (best) {
    if (best !== ranked[0]) {
      ranked.splice(ranked.indexOf(best), 1);
      ranked.unshift(best);
    }
    // "Apart from the bank connections, what else isn't copied?": what the question sets aside is not asked about.
    const aside = setAside(part);
    const asked = new Map([...merged].filter(([c]) => !aside.has(c)));
    const weights = weighConcepts(model, asked, factor);
    // Words that named an anchor concept and occur in just one unit of the article: names worth citing where written.
    const namedWords = part.hits
      .filter((h) => h.tier === 'anchor' && h.positions.length === 1)
      .map((h) => part.tokens[h.positions[0] as number]?.word as string)
      .filter((w) => model.rareWord(w));
    const sections = chooseSections(model, ranked, merged, own, namedWords);
    const upcoming = input.setting?.has('upcoming');
    const when = own.has('after') && BEFORE_OR_AFTER.test(part.text);
    return { kind: 'answer', sections, concepts: asked, weights, note, upcoming, when };
  }
  // "Hoe neem ik een klant over?", "kan die administratie naar onze omgeving?", "wat moet ik doen na de verhuizing?":
  // a question about the move as a whole gets the procedure as a whole.
  const aboutTakeover = takeover;
  const asksAboutIt = part.asks || has('procedure');
  const unknown = part.unknown.filter((w) => !namesNothing(w));
  if ((aboutTakeover || has('summary')) && asksAboutIt && !thingAlone && unknown.length <= 1) {
    // "Kan een administratie naar onze omgeving verhuisd worden?" asks whether it can be done at all.
    const possible =
      /^(?:kan|kunnen|kun|mag|can|could|is (?:it|that|this) (?:\w+ )?possible|is (?:het|dat|dit) (?:\w+ )?mogelijk)\b/.test(
        part.text,
      );
    // "Wat moeten we vóór de verhuizing regelen en wat pas daarna?" asks for the whole outline, not what comes after.
    return { kind: 'overview', after: (has('after') || has('arrived')) && !own.has('beforehand'), possible };
  }
  const vague = [...own.values()].every((h) => h.tier === 'context') && part.unknown.length === 0;
  const closest = ranked[0] && ranked[0].score > 0 ? ranked[0] : undefined;
  return { kind: 'none', asks: part.asks, closest, vague, thing: thingAlone };
}
