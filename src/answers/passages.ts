// Cuts articles into answerable units (sentences and list items) and keeps, per section, every stem it mentions.
import type { Article, Section } from '../knowledge/index.js';
import type { Analyzer } from './analyzer.js';
import { words } from './text/normalize.js';

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
  stems: Set<string>;
}

export interface SectionEntry {
  key: string;
  article: Article;
  section: Section;
  units: Unit[];
  /** Headings and the article title: words that place the section without being part of its text. */
  context: string;
  /** Stems of the section's own text, its context and (for a parent) its subsections. */
  stems: Set<string>;
  /** Stems of the section's own sentences only. */
  ownStems: Set<string>;
  /** Stems of its heading and its parent's heading. */
  headingStems: Set<string>;
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

export function stemSet(analyzer: Analyzer, text: string, into = new Set<string>()): Set<string> {
  for (const w of words(text)) for (const t of analyzer.terms(w)) into.add(t);
  return into;
}

function sectionUnits(entry: SectionEntry, analyzer: Analyzer): Unit[] {
  const units: Unit[] = [];
  const { blocks } = entry.section;
  blocks.forEach((block, b) => {
    if (block.kind === 'paragraph') {
      const sentences = splitSentences(block.text);
      sentences.forEach((text) => {
        units.push({ key: '', entry, order: 0, block: b, kind: 'sentence', text, reference: false, stems: new Set() });
      });
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
    for (const item of block.items) {
      units.push({
        key: '',
        entry,
        order: 0,
        block: b,
        kind: 'item',
        text: item.text,
        reference: item.reference,
        listLead: leadSentences[0],
        stems: new Set(),
      });
    }
  });
  units.forEach((u, i) => {
    u.order = i;
    u.key = `${entry.key}/${i}`;
    u.stems = stemSet(analyzer, u.text);
  });
  return units;
}

/** One entry per section of the given articles (all in the analyzer's language). */
export function buildSections(articles: Article[], analyzer: Analyzer): SectionEntry[] {
  const entries: SectionEntry[] = [];
  for (const article of articles) {
    const byId = new Map<string, SectionEntry>();
    for (const section of article.sections) {
      const parent = section.parentId ? byId.get(section.parentId) : undefined;
      const context = [article.title, parent?.section.heading, section.heading].filter(Boolean).join(' — ');
      const entry: SectionEntry = {
        key: `${article.language}:${article.id}#${section.id}`,
        article,
        section,
        units: [],
        context,
        stems: new Set(),
        ownStems: new Set(),
        headingStems: stemSet(analyzer, [parent?.section.heading, section.heading].filter(Boolean).join(' ')),
        parent,
        children: [],
      };
      entry.units = sectionUnits(entry, analyzer);
      for (const u of entry.units) for (const s of u.stems) entry.ownStems.add(s);
      stemSet(analyzer, context, entry.stems);
      for (const s of entry.ownStems) entry.stems.add(s);
      for (const u of entry.units) if (u.listLead) stemSet(analyzer, u.listLead, entry.stems);
      parent?.children.push(entry);
      byId.set(section.id, entry);
      entries.push(entry);
    }
    // A parent section speaks for its subsections too ("what do I do after the move?").
    for (const entry of entries) for (const child of entry.children) for (const s of child.stems) entry.stems.add(s);
  }
  return entries;
}
