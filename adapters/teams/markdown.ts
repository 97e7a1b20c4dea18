// Renders the core's markup (dialog/markup.ts) as Teams markdown, for Adaptive Card text and for chat messages.
import { type Inline, type Line, parseMarkup, toPlainText } from '../../src/dialog/markup.js';

/** A Teams mention: the text holds "<at>Name</at>", and this entity tells Teams whom that tag means. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** Collects the mentions of one card or message: Teams needs an entity for each <at> tag, matched by its text. */
export class Mentions {
  readonly entities: MentionEntity[] = [];

  add(id: string, name: string): string {
    // The tag text is matched literally against the entity, so it can carry no escapes: characters that markdown
    // or the tag itself would interpret are dropped from the shown name instead.
    const clean =
      name
        .replace(/[<>*_`[\]\\~#|]/g, '')
        .replace(/\s+/g, ' ')
        .trim() || id;
    const text = `<at>${clean}</at>`;
    if (!this.entities.some((e) => e.text === text && e.mentioned.id === id)) {
      this.entities.push({ type: 'mention', text, mentioned: { id, name: clean } });
    }
    return text;
  }
}

export type Target = 'card' | 'message';

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Markup → Teams markdown. Mentions become <at> tags registered in `mentions`, or plain "@Name" without it. */
export function renderMarkdown(markup: string, target: Target, mentions?: Mentions): string {
  const lines = parseMarkup(markup).filter((l) => l.bullet || l.inlines.length > 0);
  let out = '';
  lines.forEach((line, i) => {
    const text = renderLine(line, target, mentions);
    // Consecutive list items stay one list; everything else is its own paragraph (a single \n is dropped by
    // several Teams renderers).
    if (i > 0) out += line.bullet && lines[i - 1]!.bullet ? '\n' : '\n\n';
    out += text;
  });
  return out;
}

function renderLine(line: Line, target: Target, mentions?: Mentions): string {
  const body = escapeLineStart(renderInlines(line.inlines, target, mentions));
  return line.bullet ? `- ${body}` : body;
}

function renderInlines(inlines: Inline[], target: Target, mentions?: Mentions): string {
  return inlines
    .map((n) => {
      switch (n.type) {
        case 'text':
          return escapeText(n.text, target);
        case 'bold': {
          const inner = renderInlines(n.children, target, mentions);
          return inner.trim() ? `**${inner}**` : inner;
        }
        case 'italic': {
          const inner = renderInlines(n.children, target, mentions);
          return inner.trim() ? `_${inner}_` : inner;
        }
        case 'link':
          // Only web and mail links: a javascript: or relative URL from a knowledge file must never become clickable.
          return SAFE_URL.test(n.url)
            ? `[${escapeText(n.label, target)}](${n.url.replace(/[()\s]/g, encodeURIComponent)})`
            : escapeText(n.label, target);
        case 'mention':
          return mentions ? mentions.add(n.userId, n.name) : escapeText(`@${n.name}`, target);
        default:
          return '';
      }
    })
    .join('');
}

const ZWSP = '\u200b';

/**
 * Escapes what Teams would otherwise interpret, once, the same way in cards and chat messages: markdown characters
 * get a backslash; "<" is followed by a zero width space, so no HTML tag and no <at> mention can form; and "&"
 * before an entity name likewise, so "&lt;" typed by someone stays "&lt;". No HTML entities: Teams clients differ
 * in whether they decode them, and a decoded-twice "&amp;lt;" is what people then see.
 */
export function escapeText(text: string, _target: Target): string {
  return text
    .replace(/[\\*_`[\]~]/g, '\\$&')
    .replace(/</g, `<${ZWSP}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, `&${ZWSP}`);
}

/**
 * A line that starts like a heading, quote or "-"/"+" list would turn into one; escape the marker. Numbered lines
 * ("1. …") are left alone: the answer engine writes steps that way, and a numbered list is what it means.
 */
function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([#>+-])/, '$1\\$2');
}

/** Plain text for places that render no markdown (choice titles, notification summaries). */
export function plainText(markup: string): string {
  return toPlainText(markup, { linkUrls: false }).trim();
}
