// Answers from the knowledge base without a language model: read the message, decide scope and sections per
// question part, compose from the article's own sentences and cite them, or say honestly what it does not say.
import { chooseLanguage, detectLanguageFromText, languageFromLocale } from '../i18n/language.js';
import { type Composition, composeOverview, composeSection, composeUnits } from './compose.js';
import { asksForTheNextStep, hasFollowUpMarker, isFollowUp, stepAfter } from './followup.js';
import type { GapHit } from './gaps.js';
import { isTakeoverQuestion } from './intent.js';
import type { LearnedModels } from './learned/index.js';
import { BACK_REFERENCE, planMessage } from './message-plan.js';
import { gapNote, notFoundText, otherLanguageNote } from './messages.js';
import type { SectionEntry } from './passages.js';
import { type PartPlan, planPart } from './plan.js';
import { type QuestionPart, readQuestion } from './question.js';
import { reconsider, type Verdict } from './second-opinion.js';
import type { SectionModel } from './section-model.js';
import type { Answer, AnswerRequest, Citation, Language } from './types.js';

export interface Analysis {
  /** The language to answer in. */
  language: Language;
  /** The model searched: the answer language's, or the other one when no article exists in it. */
  model: SectionModel;
  parts: QuestionPart[];
  plans: PartPlan[];
  followUp: boolean;
  suggestTakeover: boolean;
  /** What the learned scope model made of the rules' plans (absent without a model). */
  verdict?: Verdict;
  /** The learned model's probability that the article answers the message. */
  inScope?: number;
  /** Keys of the sentences the learned sentence model says the message needs, with its probability. */
  wanted?: ReadonlyMap<string, number>;
}

export function citationFor(entry: SectionEntry): Citation {
  return {
    article: entry.article.id,
    section: entry.section.id,
    title: `${entry.article.title} — ${entry.section.heading}`,
    url: entry.article.source,
  };
}

const QUESTION_WORD =
  /\b(?:wie|wat|welke|hoe|hoeveel|waar|wanneer|waarom|moet|kan|kun|mag|who|what|which|how|where|when|why|do|does|can|should|must|is|are)\b/;

function languageOf(request: AnswerRequest): Language {
  const question = request.question.trim();
  const previous = request.previousQuestion?.trim();
  return (
    detectLanguageFromText(question) ??
    (previous ? detectLanguageFromText(previous) : null) ??
    languageFromLocale(request.locale) ??
    chooseLanguage(question, request.locale)
  );
}

export class OfflineAnswerer {
  constructor(
    private readonly models: ReadonlyMap<Language, SectionModel>,
    private readonly learned?: LearnedModels,
  ) {}

  private modelFor(language: Language): SectionModel {
    const model = this.models.get(language) ?? [...this.models.values()][0];
    if (!model) throw new Error('The knowledge base has no articles');
    return model;
  }

  analyze(request: AnswerRequest): Analysis {
    const language = languageOf(request);
    const model = this.modelFor(language);
    const parts = readQuestion(request.question, model.matcher, model.language);
    const previous = request.previousQuestion?.trim();
    let context: QuestionPart | undefined;
    let inheritedGap: GapHit | undefined;
    const followUp = Boolean(previous) && isFollowUp(request.question, parts);
    // The previous question is read once, for the context, an inherited gap and the step after it.
    const earlier = followUp && previous ? readQuestion(previous, model.matcher, model.language) : undefined;
    if (earlier && previous) {
      context = {
        text: previous,
        tokens: earlier.flatMap((p) => p.tokens),
        hits: earlier.flatMap((p) => p.hits),
        unknown: [],
        asks: true,
      };
      // "Hoe lang duurt het?" → "en voor twee administraties?": still how long. "Blijft ING?" → "en Knab?": not ING.
      const own = parts[0];
      const asksItsOwn = own ? QUESTION_WORD.test(own.text.replace(/^\W*(?:en|and|ook|also|maar|but)\b/, '')) : false;
      if (!asksItsOwn && hasFollowUpMarker(request.question)) {
        const plans = earlier.map((p) => planPart(model, { part: p }));
        const gap = plans.find((p): p is Extract<PartPlan, { kind: 'gap' }> => p.kind === 'gap');
        if (gap?.gap.gap.kind === 'question') inheritedGap = gap.gap;
      }
    }
    // "En daarna?" after a question about a step: the step after it, in the article's order.
    const next = earlier && asksForTheNextStep(request.question) ? stepAfter(model, earlier) : undefined;
    const planned = next ? [next] : planMessage(model, parts, { context, inheritedGap });
    const suggestTakeover = isTakeoverQuestion(request.question);
    if (!this.learned) return { language, model, parts, plans: planned, followUp, suggestTakeover };
    const before = followUp ? previous : undefined;
    const { scope, sentences } = this.learned;
    const reading = scope.read(request.question, model.language, before);
    // A part that points back ("… of moet ik die zelf invoeren?") is read with the part it points to.
    const readPart = (i: number) => {
      const text = parts[i]?.text ?? '';
      const pointed = i > 0 && BACK_REFERENCE.test(text) ? `${parts[i - 1]?.text}\n${text}` : text;
      return scope.read(pointed, model.language, before).inScope;
    };
    const wanted = sentences.wanted(request.question, model.language, before);
    const certainty = Math.max(0, ...wanted.values());
    const reconsidered = reconsider(model, parts, planned, reading, readPart, certainty);
    const { verdict } = reconsidered;
    const plans = next && verdict !== 'veto' ? [next] : reconsidered.plans;
    return { language, model, parts, plans, followUp, suggestTakeover, verdict, inScope: reading.inScope, wanted };
  }

  answerFrom(analysis: Analysis): Answer {
    const { language, model, plans, suggestTakeover } = analysis;
    const answered = plans.filter((p) => p.kind === 'answer' || p.kind === 'overview');
    // A message that gives the assistant orders gets no answer at all, even if it also names a subject.
    if (!answered.length || plans.some((p) => p.kind === 'none' && p.instruction)) {
      return { answer: refusal(language, plans), language, found: false, citations: [], suggestTakeover };
    }
    const compositions = composeAll(model, answered, language, analysis.wanted);
    // An answer with the whole procedure ("what's the process for bringing them over?") offers to start one.
    const wholeProcedure = plans.some((p) => p.kind === 'overview' && !p.after);
    const notes = plans
      .map((p) => (p.kind === 'gap' && p.asks ? p.gap : p.kind === 'answer' ? p.note : undefined))
      .filter((g) => g !== undefined)
      .map((g) => gapNote(language, g.gap.topic));
    const body = [...compositions.map((c) => c.text), ...new Set(notes)].join('\n\n');
    const text = model.language === language ? body : `${otherLanguageNote(language)}\n${body}`;
    const sections = [...new Set(compositions.flatMap((c) => c.sections))];
    const citations = sections.map(citationFor);
    return { answer: text, language, found: true, citations, suggestTakeover: suggestTakeover || wholeProcedure };
  }

  answer(request: AnswerRequest): Answer {
    return this.answerFrom(this.analyze(request));
  }
}

/** A sentence in a section the answer does not quote joins it from this probability of the sentence model on. */
const OTHER_SECTION = 0.8;

/** One composition per section (parts asking about the same section are answered together), overview first. */
function composeAll(
  model: SectionModel,
  plans: PartPlan[],
  language: Language,
  wanted?: ReadonlyMap<string, number>,
): Composition[] {
  const out: Composition[] = [];
  const overview = plans.find((p): p is Extract<PartPlan, { kind: 'overview' }> => p.kind === 'overview');
  const quoted = new Set<SectionEntry>();
  if (overview) {
    const article = model.articles[0];
    const ids = article?.overview ?? [];
    const listed = model.sections.filter((s) => s.article === article && ids.includes(s.section.id));
    // "Wat moet ik doen ná de verhuizing?" asks for the part of the outline whose heading is about afterwards.
    const after = listed.filter((s) => s.headingConcepts.has('after'));
    const entries = overview.after && after.length ? after : listed;
    // Whether it can be done at all, and what the article covers, the article's opening section says.
    const opening = model.sections.find((s) => s.article === article && !s.parent);
    if (overview.about && opening) {
      out.push(composeUnits(opening, new Set(opening.units.map((u) => u.key)), language));
      quoted.add(opening);
    }
    if (overview.possible && opening && !entries.includes(opening)) {
      const weights = new Map([
        ['move', 1],
        ['takeover', 1],
        ['environment', 0.5],
      ]);
      out.push(composeSection(opening, { weights, focus: new Set(['move', 'takeover']) }, language));
    }
    if (!overview.about) {
      out.push(composeOverview(entries, language, wanted));
      for (const s of entries) quoted.add(s);
    }
  }
  const asked = new Map<
    SectionEntry,
    { weights: Map<string, number>; focus: Set<string>; wanted?: ReadonlyMap<string, number> }
  >();
  for (const plan of plans) {
    if (plan.kind !== 'answer') continue;
    // "Maak ik de gebruiker aan vóór of na het overzetten?": when a step comes is said by the section it belongs to.
    for (const parent of new Set(plan.sections.map((e) => e.parent))) {
      const lead = parent?.headingConcepts.has('after') ? parent.units[0] : undefined;
      if (plan.when && parent && lead && !quoted.has(parent)) {
        out.push(composeUnits(parent, new Set([lead.key]), language));
        quoted.add(parent);
      }
    }
    for (const entry of plan.sections) {
      // A section with steps is shown whole in the outline; another may be asked about beyond its outline line.
      if (quoted.has(entry) && entry.children.length) continue;
      const a = asked.get(entry) ?? { weights: new Map<string, number>(), focus: new Set<string>(), wanted };
      for (const [id, weight] of plan.weights) a.weights.set(id, Math.max(a.weights.get(id) ?? 0, weight));
      for (const [id, hit] of plan.concepts) if (hit.tier !== 'context') a.focus.add(id);
      asked.set(entry, a);
    }
  }
  // A step the outline names in one line may still be asked about in detail; sentences it already shows are not
  // repeated.
  const shown = new Set(out.flatMap((c) => sentencesOf(c.text)));
  for (const [entry, a] of asked) {
    const composition = composeSection(entry, a, language);
    const text = composition.text
      .split('\n')
      .map((line) => {
        const kept = sentencesOf(line).filter((s) => !shown.has(s));
        return kept.length === sentencesOf(line).length ? line : kept.join(' ');
      })
      .filter((line) => line.trim())
      .join('\n')
      .trim();
    if (text) out.push({ ...composition, text });
  }
  // A sentence the learned model is sure of in a section nothing else quoted ("… is er een artikel over rapporten
  // ontwerpen?") is added on its own.
  const quotedSections = new Set(out.flatMap((c) => c.sections));
  for (const entry of model.sections) {
    if (quotedSections.has(entry) || entry.article !== model.articles[0]) continue;
    const keys = new Set(entry.units.filter((u) => (wanted?.get(u.key) ?? 0) >= OTHER_SECTION).map((u) => u.key));
    if (!keys.size) continue;
    const composition = composeUnits(entry, keys, language);
    if (composition.text && !sentencesOf(composition.text).every((x) => shown.has(x))) out.push(composition);
  }
  return out;
}

/** The sentences of an answer line without bullets, numbers or an outline's "Heading:" in front. */
const sentencesOf = (text: string) =>
  text
    .split(/\n|(?<=[.!?])\s+|^[^:\n]{1,60}:\s+/m)
    .map((s) => s.replace(/^[\s•\d.]+/, '').trim())
    .filter(Boolean);

function refusal(language: Language, plans: PartPlan[]): string {
  const gap = plans.find((p): p is Extract<PartPlan, { kind: 'gap' }> => p.kind === 'gap');
  if (gap) return notFoundText(language, { gap: { title: gap.gap.article.title, topic: gap.gap.gap.topic } });
  const none = plans.filter((p): p is Extract<PartPlan, { kind: 'none' }> => p.kind === 'none');
  if (none.some((p) => p.instruction)) return notFoundText(language, { instruction: true });
  if (none.length && none.every((p) => p.vague)) return notFoundText(language, { vague: true });
  const closest = none.find((p) => p.closest)?.closest;
  return notFoundText(language, closest ? { closestTitle: closest.entry.article.title } : {});
}
