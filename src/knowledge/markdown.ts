// Turns an article body into sections with stable ids ("## Heading {#id}"), each made of paragraphs and lists.
import type { Block, ListItem, Section } from './types.js';

export class BodyError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const HEADING = /^(#{1,6})\s+(.*?)\s*(?:\{#([^}]*)\})?\s*$/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Inline Markdown to plain chat text: emphasised titles become quoted, links keep their URL. */
export function inlineText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])[*_]([^*_]+?)[*_](?=$|[^\w*])/g, '$1“$2”')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Draft {
  section: Section;
  line: number;
}

export function parseBody(body: string, firstLine: number): Section[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let paragraph: string[] = [];
  let list: { items: string[] } | null = null;

  const flush = () => {
    if (!current) return;
    if (paragraph.length) current.section.blocks.push({ kind: 'paragraph', text: inlineText(paragraph.join(' ')) });
    if (list) current.section.blocks.push({ kind: 'list', items: list.items.map(toItem) });
    paragraph = [];
    list = null;
  };

  body.split('\n').forEach((raw, i) => {
    const lineNo = firstLine + i;
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const [, hashes, text, id] = heading as unknown as [string, string, string, string | undefined];
      if (hashes.length === 1) return; // the article title comes from the front matter
      if (hashes.length > 3) throw new BodyError(lineNo, `heading "${text}" is deeper than ###`);
      if (!id)
        throw new BodyError(lineNo, `heading "${text}" has no stable id; write it as "${hashes} ${text} {#some-id}"`);
      if (!SLUG.test(id))
        throw new BodyError(lineNo, `section id "${id}" must be lowercase letters, digits and hyphens`);
      if (drafts.some((d) => d.section.id === id)) throw new BodyError(lineNo, `section id "${id}" is used twice`);
      const level = hashes.length as 2 | 3;
      const section: Section = { id, heading: inlineText(text), level, childIds: [], blocks: [] };
      if (level === 3) {
        const parent = [...drafts].reverse().find((d) => d.section.level === 2);
        if (!parent) throw new BodyError(lineNo, `subsection "${text}" has no "##" section above it`);
        section.parentId = parent.section.id;
        parent.section.childIds.push(id);
      }
      current = { section, line: lineNo };
      drafts.push(current);
      return;
    }
    if (!line.trim() || /^\s*<!--.*-->\s*$/.test(line)) {
      if (!line.trim()) flush();
      return;
    }
    if (!current) throw new BodyError(lineNo, 'text before the first "## Heading {#id}"');
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (paragraph.length) flush();
      list ??= { items: [] };
      list.items.push(item[2] as string);
    } else if (list) {
      const items: string[] = list.items;
      items[items.length - 1] += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  });
  flush();

  if (!drafts.length) throw new BodyError(firstLine, 'the article has no sections ("## Heading {#id}")');
  for (const d of drafts) {
    if (!d.section.blocks.length && !d.section.childIds.length) {
      throw new BodyError(d.line, `section "${d.section.id}" is empty`);
    }
  }
  return drafts.map((d) => d.section);
}

function toItem(markdown: string): ListItem {
  const trimmed = markdown.trim();
  return { text: inlineText(trimmed), reference: /^[*_][^*_]+[*_]/.test(trimmed) };
}

export type { Block };
