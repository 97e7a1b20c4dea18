// The core's small text markup (bold, italic, links, mentions, lists) and its parser; adapters render the tokens.
//
// Markup: **bold**, _italic_, [label](https://url), <@userId|Name> mentions, lines starting "- " are list items.
// User-supplied text must go through `md` or `escapeMarkup` so a client name can never become a link or a mention.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  | { type: 'italic'; children: Inline[] }
  | { type: 'link'; url: string; label: string }
  | { type: 'mention'; userId: string; name: string };

export interface Line {
  bullet: boolean;
  inlines: Inline[];
}

const SPECIAL = /[\\*_[\]()<>@|]/g;

export function escapeMarkup(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** Tagged template that escapes every interpolated value: md`**Klant:** ${name}`. */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? escapeMarkup(String(values[i])) : ''), '');
}

export function mention(userId: string, name?: string): string {
  return `<@${userId.replace(/[|>\\]/g, '')}|${(name ?? userId).replace(/[|>\\]/g, '')}>`;
}

export function link(label: string, url: string): string {
  return `[${escapeMarkup(label)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

export function parseMarkup(markup: string): Line[] {
  return markup.split('\n').map((raw) => {
    const bullet = /^\s*- /.test(raw);
    return { bullet, inlines: parseInline(bullet ? raw.replace(/^\s*- /, '') : raw) };
  });
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '*' && text[i + 1] === '*') {
      const end = findClose(text, i + 2, '**');
      if (end > 0) {
        flush();
        out.push({ type: 'bold', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (c === '_') {
      const end = findClose(text, i + 1, '_');
      if (end > i + 1) {
        flush();
        out.push({ type: 'italic', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const m = /^\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/.exec(text.slice(i));
      if (m) {
        flush();
        out.push({ type: 'link', label: unescapeMarkup(m[1]!), url: m[2]! });
        i += m[0].length;
        continue;
      }
    }
    if (c === '<' && text[i + 1] === '@') {
      const m = /^<@([^|>]+)\|([^>]*)>/.exec(text.slice(i));
      if (m) {
        flush();
        out.push({ type: 'mention', userId: m[1]!, name: m[2]! });
        i += m[0].length;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

function findClose(text: string, from: number, marker: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text.startsWith(marker, j)) return j;
  }
  return -1;
}

function unescapeMarkup(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Plain text of markup, for notifications, fallbacks and length checks. */
export function toPlainText(markup: string, options: { linkUrls?: boolean } = {}): string {
  const urls = options.linkUrls ?? true;
  return parseMarkup(markup)
    .map((line) => (line.bullet ? '• ' : '') + inlinePlain(line.inlines, urls))
    .join('\n');
}

function inlinePlain(inlines: Inline[], urls: boolean): string {
  return inlines
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.text;
        case 'bold':
        case 'italic':
          return inlinePlain(n.children, urls);
        case 'link':
          return urls ? `${n.label} (${n.url})` : n.label;
        case 'mention':
          return `@${n.name}`;
        default:
          return '';
      }
    })
    .join('');
}
