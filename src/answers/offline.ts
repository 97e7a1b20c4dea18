// Answers from the knowledge base without a language model: retrieve, check coverage, compose, cite, or refuse.
import { chooseLanguage, detectLanguageFromText, languageFromLocale } from '../i18n/language.js';
import { compose } from './compose.js';
import { type Concept, conceptTerms } from './concepts.js';
import { conceptWeights, coverage, weightedHits } from './coverage.js';
import { hasFollowUpMarker, isFollowUp } from './followup.js';
import { findGap, type GapHit } from './gaps.js';
import { isTakeoverQuestion } from './intent.js';
import type { KnowledgeIndex, LanguageIndex } from './knowledge-index.js';
import { type NotFoundReason, notFoundText, otherLanguageNote } from './messages.js';
import { type SectionEntry, stemSet } from './passages.js';
import type { Ranked, WeightedTerm } from './retriever.js';
import type { Answer, AnswerRequest, Citation, Language } from './types.js';

const SYNONYM_WEIGHT = 0.5;
const CONTEXT_WEIGHT = 0.4;
const CANDIDATES = 8;

export interface Retrieval {
  /** The language to answer in. */
  language: Language;
  /** The index searched: the answer language, or the other one when no article exists in it. */
  index: LanguageIndex;
  concepts: Concept[];
  followUp: boolean;
  ranked: Ranked[];
  gap: GapHit | null;
  suggestTakeover: boolean;
}

export interface Decision {
  found: boolean;
  /** The sections to answer from, best first. */
  sections: SectionEntry[];
  reason: NotFoundReason;
  /** The question asks the article's title question as a whole: answer with its overview sections. */
  overview?: boolean;
}

export function citationFor(entry: SectionEntry): Citation {
  return {
    article: entry.article.id,
    section: entry.section.id,
    title: `${entry.article.title} — ${entry.section.heading}`,
    url: entry.article.source,
  };
}

function weighted(concepts: Concept[], weight: number): WeightedTerm[] {
  return concepts.flatMap((c) => {
    const typed = new Set(c.typed);
    return conceptTerms(c).map((term) => ({ term, weight: typed.has(term) ? weight : weight * SYNONYM_WEIGHT }));
  });
}

export class OfflineAnswerer {
  constructor(private readonly knowledge: KnowledgeIndex) {}

  retrieve(request: AnswerRequest): Retrieval {
    const question = request.question.trim();
    const previous = request.previousQuestion?.trim() || undefined;
    const language =
      detectLanguageFromText(question) ??
      (previous ? detectLanguageFromText(previous) : null) ??
      languageFromLocale(request.locale) ??
      chooseLanguage(question, request.locale);
    const index = this.knowledge.languages.get(language) ?? [...this.knowledge.languages.values()][0];
    if (!index) throw new Error('The knowledge base has no articles');
    const concepts = index.vocabulary.concepts(question);
    const followUp = isFollowUp(question, concepts, previous);
    const context = followUp && previous ? index.vocabulary.concepts(previous) : [];
    const terms = [...weighted(concepts, 1), ...weighted(context, CONTEXT_WEIGHT)];
    const ranked = index.retriever.rank(terms);
    // A marked follow-up inherits what the previous question asked ("hoe lang duurt het?" → "en bij de Knab?").
    const gapText = followUp && previous && hasFollowUpMarker(question) ? `${previous} ${question}` : question;
    const gap = findGap(index.articles, gapText);
    return { language, index, concepts, followUp, ranked, gap, suggestTakeover: isTakeoverQuestion(question) };
  }

  decide(retrieval: Retrieval): Decision {
    const { concepts, ranked, gap } = retrieval;
    const closest = ranked[0]?.entry.article.title;
    if (gap) return { found: false, sections: [], reason: { gap: { title: gap.article.title, topic: gap.gap.topic } } };
    if (!concepts.length) return { found: false, sections: [], reason: { vague: true } };
    const overview = this.overview(retrieval);
    if (overview.length) return { found: true, sections: overview, reason: {}, overview: true };
    const candidates = ranked.slice(0, CANDIDATES);
    // Every concept must appear in the section (or its headings), and at least one in its own sentences.
    const complete = (entry: SectionEntry) =>
      coverage(concepts, entry.stems).missing.length === 0 && coverage(concepts, ownStemsOf(entry)).covered.length > 0;
    const weights = this.weights(retrieval);
    const singles = candidates
      .filter((c) => complete(c.entry))
      .map((c) => ({ ...c, hits: bestUnitHits(c.entry, weights) }));
    // The section with the single sentence that says most about the question wins; on a tie a parent section
    // beats its own subsection, because the question then asks about the whole step.
    const single = singles.sort(
      (a, b) =>
        b.hits - a.hits || Number(a.entry.parent === b.entry) - Number(b.entry.parent === a.entry) || b.score - a.score,
    )[0];
    if (single) return { found: true, sections: [single.entry], reason: {} };
    const best = candidates[0];
    const partly = best && coverage(concepts, best.entry.stems).covered.length * 2 >= concepts.length;
    return { found: false, sections: [], reason: partly && closest ? { closestTitle: closest } : {} };
  }

  answerFrom(retrieval: Retrieval, decision: Decision): Answer {
    const { language, index } = retrieval;
    if (!decision.found) {
      return {
        answer: notFoundText(language, decision.reason),
        language,
        found: false,
        citations: [],
        suggestTakeover: retrieval.suggestTakeover,
      };
    }
    const unitScores = new Map<string, number>();
    for (const r of retrieval.ranked) for (const [k, v] of r.unitScores) unitScores.set(k, v);
    const weights = this.weights(retrieval);
    const composition = compose(decision.sections, weights, unitScores, index.language, decision.overview);
    const text = index.language === language ? composition.text : `${otherLanguageNote(language)}\n${composition.text}`;
    return {
      answer: text,
      language,
      found: true,
      citations: composition.sections.map(citationFor),
      suggestTakeover: retrieval.suggestTakeover,
    };
  }

  /** "Hoe neem ik een klant over uit een andere Twinfield-omgeving?" is the title itself: give the outline. */
  private overview(retrieval: Retrieval): SectionEntry[] {
    const { concepts, index, ranked } = retrieval;
    const article = ranked[0]?.entry.article;
    if (!article?.overview.length || concepts.length < 2) return [];
    if (coverage(concepts, stemSet(index.analyzer, article.title)).missing.length) return [];
    return article.overview
      .map((id) => index.sections.find((s) => s.article === article && s.section.id === id))
      .filter((s): s is SectionEntry => s !== undefined);
  }

  private weights(retrieval: Retrieval): Map<Concept, number> {
    const units = retrieval.index.sections.flatMap((s) => s.units.map((u) => u.stems));
    return conceptWeights(retrieval.concepts, units);
  }

  answer(request: AnswerRequest): Answer {
    const retrieval = this.retrieve(request);
    return this.answerFrom(retrieval, this.decide(retrieval));
  }
}

/** A parent section's own sentences include its subsections'. */
function ownStemsOf(entry: SectionEntry): Set<string> {
  if (!entry.children.length) return entry.ownStems;
  const out = new Set(entry.ownStems);
  for (const c of entry.children) for (const s of c.ownStems) out.add(s);
  return out;
}

/** How much the section's most relevant sentence says about the question, read under its headings. */
function bestUnitHits(entry: SectionEntry, weights: Map<Concept, number>): number {
  let best = 0;
  for (const unit of entry.units) {
    const stems = new Set([...unit.stems, ...entry.headingStems]);
    best = Math.max(best, weightedHits(stems, weights));
  }
  return best;
}
