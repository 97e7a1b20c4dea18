// Public entry of the knowledge base: load and validate the Markdown articles.
export { KnowledgeError } from './errors.js';
export { loadKnowledge, parseArticle } from './loader.js';
export type { Article, Block, KnowledgeGap, List, ListItem, Paragraph, Section } from './types.js';
