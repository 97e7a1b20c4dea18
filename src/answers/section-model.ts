// The ranking model: which sections speak about which concepts, learnt from the articles' own sentences, headings
// and example questions, weighted by how rare each concept is. A linear score, never a full-coverage test.
import type { Article } from '../knowledge/index.js';
import { CONCEPT_BY_ID, type Tier } from './lexicon.js';
import type { ConceptHit, ConceptMatcher } from './matcher.js';
import { buildSections, type SectionEntry, type TextReader } from './passages.js';
import { conceptsOf, type QuestionPart } from './question.js';
import { tokenize } from './text/normalize.js';
import { type StemLanguage, wordKeys } from './text/stem.js';
import { isStopword } from './text/stopwords.js';

/** How much a concept of each tier says about what a question asks. */
export const TIER_WEIGHT: Record<Tier, number> = { anchor: 1, topic: 0.5, context: 0.15 };
/** Where a section mentions a concept: in its own sentences, its headings, its example questions, a subsection. */
const OWN = 1;
const HEADING = 0.7;
const EXAMPLE = 1;
const CHILD = 0.4;
/** A word of the question found literally in a section, beyond the lexicon ("Digipoort", "anticiperen"). */
const LITERAL = 0.25;
/**
 * The introduction and further reading describe or point elsewhere; the sections of the article's outline (front
 * matter "overview") and their subsections say what to do, so they win a close call.
 */
const OUTSIDE_OUTLINE = 0.5;

const NOT_A_RELATION = new Set(['setup', 'features', 'available', 'connection']);

export interface Ranked {
  entry: SectionEntry;
  score: number;
  /** The question's concepts this section speaks about. */
  concepts: Set<string>;
}

export class SectionModel {
  readonly sections: SectionEntry[];
  private readonly profiles = new Map<SectionEntry, Map<string, number>>();
  private readonly idf = new Map<string, number>();
  private readonly relations = new Map<string, Set<string>>();
  private readonly unitCount: number;

  constructor(
    readonly language: StemLanguage,
    readonly articles: Article[],
    readonly matcher: ConceptMatcher,
  ) {
    const read: TextReader = (text) => this.read(text);
    this.sections = buildSections(articles, read);
    const df = new Map<string, number>();
    let units = 0;
    for (const entry of this.sections) {
      for (const unit of entry.units) {
        units++;
        for (const f of [...[...unit.concepts].map((c) => `c:${c}`), ...[...unit.keys].map((k) => `k:${k}`)]) {
          df.set(f, (df.get(f) ?? 0) + 1);
        }
      }
    }
    this.unitCount = units;
    for (const [f, n] of df) this.idf.set(f, Math.log(1 + units / (1 + n)));
    for (const entry of this.sections) this.profiles.set(entry, this.profile(entry));
  }

  /** The weight of a feature no unit mentions (it only occurs in headings or examples): as rare as can be. */
  idfOf(feature: string): number {
    return this.idf.get(feature) ?? Math.log(1 + this.unitCount);
  }

  private read(text: string): { concepts: Set<string>; keys: Set<string> } {
    const tokens = tokenize(text);
    const concepts = new Set(this.matcher.match(tokens, this.language).hits.map((h) => h.concept));
    const keys = new Set<string>();
    for (const t of tokens) {
      if (t.word.length < 4 || isStopword(t.word)) continue;
      for (const k of wordKeys(t.word, this.language)) keys.add(k);
    }
    return { concepts, keys };
  }

  private profile(entry: SectionEntry): Map<string, number> {
    const out = new Map<string, number>();
    const put = (feature: string, strength: number) => out.set(feature, Math.max(out.get(feature) ?? 0, strength));
    for (const unit of entry.units) {
      for (const c of unit.concepts) put(`c:${c}`, OWN);
      for (const k of unit.keys) put(`k:${k}`, OWN);
    }
    for (const c of entry.headingConcepts) put(`c:${c}`, HEADING);
    for (const example of entry.article.examples[entry.section.id] ?? []) {
      for (const c of this.read(example).concepts) put(`c:${c}`, EXAMPLE);
    }
    for (const child of entry.children) {
      for (const unit of child.units) for (const c of unit.concepts) put(`c:${c}`, CHILD);
      for (const c of child.headingConcepts) put(`c:${c}`, CHILD);
    }
    return out;
  }

  private inOutline(entry: SectionEntry): boolean {
    const outline = entry.article.overview;
    return outline.includes(entry.section.id) || (entry.parent !== undefined && this.inOutline(entry.parent));
  }

  /**
   * What the articles say about a thing: the concepts the sections that name it use (Rabobank: copied, again,
   * managed, discuss …; user: create, invite …). "Set up" alone is left out (the article never says how to set
   * anything up, only that it must be set up again), and so are words that describe rather than do something with
   * it ("features", "available": "the VAT module" is not about the move) and "connection", which names the thing
   * itself ("a Rabobank connection").
   */
  relationsOf(thing: string): ReadonlySet<string> {
    let out = this.relations.get(thing);
    if (out) return out;
    out = new Set<string>();
    for (const entry of this.sections) {
      if (!entry.units.some((u) => u.concepts.has(thing))) continue;
      for (const c of entry.units.flatMap((u) => [...u.concepts])) {
        const def = CONCEPT_BY_ID.get(c);
        if (def && def.tier !== 'context' && !def.thing && !NOT_A_RELATION.has(c)) out.add(c);
      }
    }
    this.relations.set(thing, out);
    return out;
  }

  /** Whether a section's own text has the word (or its stem). */
  spells(entry: SectionEntry, word: string): boolean {
    const keys = wordKeys(word, this.language);
    return entry.units.some((u) => keys.some((k) => u.keys.has(k)));
  }

  /** A word the article writes in one unit only ("Digipoort"): a name, not a common word. */
  rareWord(word: string): boolean {
    if (word.length < 4 || isStopword(word)) return false;
    const units = this.sections.flatMap((s) => s.units);
    const keys = wordKeys(word, this.language);
    return units.filter((u) => keys.some((k) => u.keys.has(k))).length === 1;
  }

  /** How strongly the section speaks about a concept (0 when it does not). */
  strength(entry: SectionEntry, concept: string): number {
    return this.profiles.get(entry)?.get(`c:${concept}`) ?? 0;
  }

  /**
   * Sections by score for a part's concepts; the part's own words the lexicon did not read count as written
   * ("anticiperen"), the others through their concepts. `weightOf` lowers concepts borrowed from a previous question.
   */
  rank(
    part: Pick<QuestionPart, 'hits' | 'tokens'>,
    weightOf: (concept: string) => number = () => 1,
    extra: ConceptHit[] = [],
  ): Ranked[] {
    const concepts = conceptsOf({ hits: [...part.hits, ...extra] });
    const covered = new Set(part.hits.flatMap((h) => h.positions));
    const literal = new Set<string>();
    for (const [i, t] of part.tokens.entries()) {
      if (covered.has(i) || t.word.length < 4 || isStopword(t.word)) continue;
      for (const k of wordKeys(t.word, this.language)) literal.add(`k:${k}`);
    }
    const out: Ranked[] = [];
    for (const entry of this.sections) {
      const profile = this.profiles.get(entry) as Map<string, number>;
      let score = 0;
      const spoken = new Set<string>();
      for (const [id, hit] of concepts) {
        const strength = profile.get(`c:${id}`) ?? 0;
        if (!strength) continue;
        spoken.add(id);
        score += TIER_WEIGHT[hit.tier] * this.idfOf(`c:${id}`) * strength * weightOf(id);
      }
      for (const f of literal) score += LITERAL * this.idfOf(f) * (profile.get(f) ?? 0);
      if (!this.inOutline(entry)) score *= OUTSIDE_OUTLINE;
      out.push({ entry, score, concepts: spoken });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
