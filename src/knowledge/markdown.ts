// Turns an article body into sections with stable ids ("## Heading {#id}"), each made of paragraphs and lists,
// reading the Markdown with marked's lexer and checking the structure the answer engine relies on.
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, ListItem, Section } from './types.js';

export class BodyError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const HEADING_ID = /^(.*?)\s*\{#([^}]*)\}\s*$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Inline Markdown to plain chat text: emphasised titles become quoted, links keep their URL. */
function inline(tokens: readonly Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((t): string => {
      switch (t.type) {
        case 'em':
          return `“${inline((t as Tokens.Em).tokens, (t as Tokens.Em).text)}”`;
        case 'link': {
          const link = t as Tokens.Link;
          return `${inline(link.tokens, link.text)} (${link.href})`;
        }
        case 'br':
          return ' ';
        case 'strong':
        case 'del':
        case 'text':
          return inline((t as Tokens.Text).tokens, (t as Tokens.Text).text);
        case 'codespan':
          return (t as Tokens.Codespan).text;
        case 'escape':
          return (t as Tokens.Escape).text;
        default:
          return 'text' in t && typeof t.text === 'string' ? t.text : '';
      }
    })
    .join('');
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** An item that is nothing but an emphasised title ("*Rabo bankkoppeling*") points to another article. */
function isReference(item: Tokens.ListItem): boolean {
  const [only, ...rest] = item.tokens.filter((t) => t.type !== 'space');
  if (!only || rest.length) return false;
  const inner = (only as Tokens.Text).tokens?.filter((t) => !(t.type === 'text' && !t.raw.trim()));
  return inner?.[0]?.type === 'em';
}

function toItem(item: Tokens.ListItem): ListItem {
  const text = clean(
    item.tokens.map((t) => inline((t as Tokens.Text).tokens, (t as Tokens.Text).text ?? '')).join(' '),
  );
  return { text, reference: isReference(item) };
}

interface Draft {
  section: Section;
  line: number;
}

export function parseBody(body: string, firstLine: number): Section[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let cursor = 0;
  for (const token of new Lexer().lex(body)) {
    const at = body.indexOf(token.raw, cursor);
    if (at >= 0) cursor = at;
    const lineNo = firstLine + body.slice(0, cursor).split('\n').length - 1;
    cursor += token.raw.length;
    if (token.type === 'space' || (token.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw))) continue;
    if (token.type === 'heading') {
      const { depth, text } = token as Tokens.Heading;
      const m = HEADING_ID.exec(text);
      const title = clean(m ? (m[1] as string) : text);
      if (depth === 1) continue; // the article title comes from the front matter
      if (depth > 3) throw new BodyError(lineNo, `heading "${title}" is deeper than ###`);
      const hashes = '#'.repeat(depth);
      const id = m?.[2];
      if (!id)
        throw new BodyError(lineNo, `heading "${title}" has no stable id; write it as "${hashes} ${title} {#some-id}"`);
      if (!SLUG.test(id))
        throw new BodyError(lineNo, `section id "${id}" must be lowercase letters, digits and hyphens`);
      if (drafts.some((d) => d.section.id === id)) throw new BodyError(lineNo, `section id "${id}" is used twice`);
      const headingTokens = new Lexer().inlineTokens(title);
      const section: Section = {
        id,
        heading: clean(inline(headingTokens, title)),
        level: depth as 2 | 3,
        childIds: [],
        blocks: [],
      };
      if (depth === 3) {
        const parent = [...drafts].reverse().find((d) => d.section.level === 2);
        if (!parent) throw new BodyError(lineNo, `subsection "${title}" has no "##" section above it`);
        section.parentId = parent.section.id;
        parent.section.childIds.push(id);
      }
      current = { section, line: lineNo };
      drafts.push(current);
      continue;
    }
    if (!current) throw new BodyError(lineNo, 'text before the first "## Heading {#id}"');
    if (token.type === 'paragraph') {
      const p = token as Tokens.Paragraph;
      current.section.blocks.push({ kind: 'paragraph', text: clean(inline(p.tokens, p.text)) });
    } else if (token.type === 'list') {
      current.section.blocks.push({ kind: 'list', items: (token as Tokens.List).items.map(toItem) });
    } else {
      throw new BodyError(lineNo, `a ${token.type} block is not supported in articles (use paragraphs and lists)`);
    }
  }

  if (!drafts.length) throw new BodyError(firstLine, 'the article has no sections ("## Heading {#id}")');
  for (const d of drafts) {
    if (!d.section.blocks.length && !d.section.childIds.length) {
      throw new BodyError(d.line, `section "${d.section.id}" is empty`);
    }
  }
  return drafts.map((d) => d.section);
}

export type { Block };
