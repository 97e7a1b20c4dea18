// Builds the searchable form of the knowledge base: per language an analyzer, synonym vocabulary, sections and index.
import type { Article } from '../knowledge/index.js';
import { Analyzer } from './analyzer.js';
import { Vocabulary } from './concepts.js';
import { buildSections, type SectionEntry } from './passages.js';
import { Retriever } from './retriever.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import { words } from './text/normalize.js';
import type { Language } from './types.js';

export interface LanguageIndex {
  language: Language;
  articles: Article[];
  analyzer: Analyzer;
  vocabulary: Vocabulary;
  sections: SectionEntry[];
  retriever: Retriever;
}

export interface KnowledgeIndex {
  articles: Article[];
  languages: Map<Language, LanguageIndex>;
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
  // Compound halves may come from either language and from the synonym list ("bank" + "koppelingen").
  const vocabulary = new Set<string>();
  for (const article of articles) for (const w of words(allText(article))) if (w.length >= 3) vocabulary.add(w);
  for (const group of SYNONYM_GROUPS) for (const phrase of group) for (const w of words(phrase)) vocabulary.add(w);

  const languages = new Map<Language, LanguageIndex>();
  for (const language of ['nl', 'en'] as const) {
    const own = articles.filter((a) => a.language === language);
    if (!own.length) continue;
    const analyzer = new Analyzer(language, vocabulary);
    const sections = buildSections(own, analyzer);
    languages.set(language, {
      language,
      articles: own,
      analyzer,
      vocabulary: new Vocabulary(analyzer),
      sections,
      retriever: new Retriever(analyzer, sections),
    });
  }
  return { articles, languages };
}
