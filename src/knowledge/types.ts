// The parsed shape of a knowledge article: front matter plus sections made of paragraphs and lists.
import type { Language } from '../answers/types.js';

export interface KnowledgeGap {
  kind: 'question' | 'subject';
  /** Concepts the article does answer although a trigger matches ("rechtstreeks betalen" is billing, not cost). */
  unless: string[];
  /** Concepts answered when named beside the gap's subject ("Rabo en ING?": Rabo answered, ING noted). */
  alsoAnswer: string[];
  /** Completes "the article does not say …", in the article's language. */
  topic: string;
  /** Trigger phrases; "..." allows any words in between, "=word" matches as written only (see src/answers/gaps.ts). */
  match: string[];
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
}

export interface ListItem {
  text: string;
  /** The whole item is a reference to another article ("*Title*"). */
  reference: boolean;
}

export interface List {
  kind: 'list';
  items: ListItem[];
}

export type Block = Paragraph | List;

export interface Section {
  id: string;
  heading: string;
  level: 2 | 3;
  parentId?: string;
  childIds: string[];
  blocks: Block[];
}

export interface Article {
  id: string;
  title: string;
  language: Language;
  source: string;
  date: string;
  gaps: KnowledgeGap[];
  /** Section ids that together answer the article's title question, for an overview answer. */
  overview: string[];
  /** Example questions per section id. */
  examples: Record<string, string[]>;
  /** Path relative to the knowledge directory, for error messages and logs. */
  file: string;
  sections: Section[];
}
