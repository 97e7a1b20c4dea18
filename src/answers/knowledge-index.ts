// Builds the searchable form of the knowledge base: one concept matcher, and per language the section model.
import { type Article, KnowledgeError } from '../knowledge/index.js';
import { ConceptMatcher } from './matcher.js';
import { SectionModel } from './section-model.js';
import { words } from './text/normalize.js';
import type { Language } from './types.js';

export interface KnowledgeIndex {
  articles: Article[];
  models: Map<Language, SectionModel>;
}

function allText(article: Article): string {
  const parts = [article.title];
  for (const s of article.sections) {
    parts.push(s.heading);
    for (const b of s.blocks) parts.push(b.kind === 'paragraph' ? b.text : b.items.map((i) => i.text).join(' '));
  }
  return parts.join(' ');
}

export function buildKnowledgeIndex(articles: Article[]): KnowledgeIndex {
  // Compound halves and typo corrections may come from either language ("bank" + "koppelingen").
  const vocabulary = new Set<string>();
  for (const article of articles) for (const w of words(allText(article))) if (w.length >= 3) vocabulary.add(w);
  const matcher = new ConceptMatcher(vocabulary);
  for (const article of articles) {
    for (const [i, gap] of article.gaps.entries()) {
      for (const field of ['unless', 'alsoAnswer'] as const) {
        const unknown = gap[field].filter((c) => !matcher.hasConcept(c));
        if (unknown.length) {
          throw new KnowledgeError(article.file, `gaps.${i}.${field}`, `names unknown concepts: ${unknown.join(', ')}`);
        }
      }
    }
  }
  const models = new Map<Language, SectionModel>();
  for (const language of ['nl', 'en'] as const) {
    const own = articles.filter((a) => a.language === language);
    if (own.length) models.set(language, new SectionModel(language, own, matcher));
  }
  return { articles, models };
}
