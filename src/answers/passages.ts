// Cuts articles into answerable units (sentences and list items), each with the concepts and words it mentions.
import type { Article, Section } from '../knowledge/index.js';

export interface Unit {
  key: string;
  entry: SectionEntry;
  /** Order inside the section, for putting chosen sentences back in reading order. */
  order: number;
  block: number;
  kind: 'sentence' | 'item';
  text: string;
  reference: boolean;
  /** For list items: the sentence that introduces the list ("De volgende … worden niet mee gekopieerd …"). */
  listLead?: string;
  /** For the sentences of a paragraph ending in ':' that introduces a list: the block index of that list. */
  announces?: number;
  /** Lexicon concepts the unit states something about. */
  concepts: Set<string>;
  /** The unit's own words and their stems, for literal matches ("Digipoort") beyond the lexicon. */
  keys: Set<string>;
}

export interface SectionEntry {
  key: string;
  article: Article;
  section: Section;
  units: Unit[];
  /** Concepts of its heading and its parent's heading. */
  headingConcepts: Set<string>;
  parent?: SectionEntry;
  children: SectionEntry[];
}

const ABBREVIATION = /\b(?:bijv|o\.a|e\.g|i\.e|etc|incl|nr|zgn|ca)\.$/i;

/** Splits on sentence ends outside quotes, so a quoted article title ("… omgeving. Hoe werkt dit?") stays whole. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    else if (ch === '"') straight = !straight;
    if (depth > 0 || straight || !/[.!?]/.test(ch)) continue;
    const rest = text.slice(i + 1);
    const next = /^(\s+)(\S)/.exec(rest);
    if (!next || !/[A-Z0-9“"'(]/.test(next[2] as string)) continue;
    const sentence = text.slice(start, i + 1).trim();
    if (ABBREVIATION.test(sentence)) continue;
    out.push(sentence);
    start = i + 1;
  }
  const tail = text.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}

/** Reads a text's concepts and word keys, the same way a question is read. */
export type TextReader = (text: string) => { concepts: Set<string>; keys: Set<string> };

function sectionUnits(entry: SectionEntry, read: TextReader): Unit[] {
  const units: Unit[] = [];
  const { blocks } = entry.section;
  const unit = (b: number, kind: Unit['kind'], text: string, reference: boolean, listLead?: string): Unit => ({
    key: '',
    entry,
    order: 0,
    block: b,
    kind,
    text,
    reference,
    listLead,
    concepts: new Set(),
    keys: new Set(),
  });
  blocks.forEach((block, b) => {
    if (block.kind === 'paragraph') {
      for (const text of splitSentences(block.text)) units.push(unit(b, 'sentence', text, false));
      return;
    }
    // A list is introduced by the nearest paragraph before it whose last sentence ends in ':'.
    let leadBlock = -1;
    for (let p = b - 1; p >= 0; p--) {
      const prev = blocks[p];
      if (prev?.kind === 'paragraph' && prev.text.trim().endsWith(':')) {
        leadBlock = p;
        break;
      }
    }
    const leadParagraph = leadBlock >= 0 ? blocks[leadBlock] : undefined;
    const leadSentences = leadParagraph?.kind === 'paragraph' ? splitSentences(leadParagraph.text) : [];
    for (const u of units) if (u.block === leadBlock) u.announces = b;
    for (const item of block.items) units.push(unit(b, 'item', item.text, item.reference, leadSentences[0]));
  });
  units.forEach((u, i) => {
    u.order = i;
    u.key = `${entry.key}/${i}`;
    const read_ = read(u.text);
    u.concepts = read_.concepts;
    u.keys = read_.keys;
    // A reference is itself an article to read ("waar lees ik meer over …?").
    if (u.reference) u.concepts.add('article');
  });
  return units;
}

/** One entry per section of the given articles (all in one language). */
export function buildSections(articles: Article[], read: TextReader): SectionEntry[] {
  const entries: SectionEntry[] = [];
  for (const article of articles) {
    const byId = new Map<string, SectionEntry>();
    for (const section of article.sections) {
      const parent = section.parentId ? byId.get(section.parentId) : undefined;
      const entry: SectionEntry = {
        key: `${article.language}:${article.id}#${section.id}`,
        article,
        section,
        units: [],
        headingConcepts: read([parent?.section.heading, section.heading].filter(Boolean).join('. ')).concepts,
        parent,
        children: [],
      };
      entry.units = sectionUnits(entry, read);
      parent?.children.push(entry);
      byId.set(section.id, entry);
      entries.push(entry);
    }
  }
  return entries;
}
