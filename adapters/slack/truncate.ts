// Shortens text to Slack's field limits without breaking an escape, a link, a mention or an emoji in half.
export const ELLIPSIS = '…';

/** Plain text: cut at a code-point boundary and end with "…". */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}

/** Mrkdwn: like truncatePlain, and never inside an &entity; or a <…> construct, which Slack would reject or garble. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, mrkdwnCut(text, max - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}

/** Splits long mrkdwn into pieces of at most max characters, preferably at line ends; nothing is lost. */
export function splitMrkdwn(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const newline = rest.lastIndexOf('\n', max);
    const cut = newline > max / 2 ? newline : mrkdwnCut(rest, max);
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest || parts.length === 0) parts.push(rest);
  return parts;
}

function mrkdwnCut(text: string, limit: number): number {
  let cut = safeCut(text, limit);
  const head = text.slice(0, cut);
  const amp = head.lastIndexOf('&');
  if (amp >= 0 && !head.includes(';', amp)) cut = amp;
  const open = text.slice(0, cut).lastIndexOf('<');
  if (open >= 0 && !text.slice(open, cut).includes('>')) cut = open;
  // A literal *, _, ~ or ` keeps the zero width space after it (escapeMrkdwn), or it would start formatting.
  if (text[cut] === '\u200b') cut--;
  return cut;
}

/**
 * Never leaves half of a surrogate pair (emoji) at the end, and ends on a word boundary when one is near: "Bakkerij
 * De…" reads better than "Bakkerij De Ko…".
 */
function safeCut(text: string, limit: number): number {
  let cut = Math.max(0, limit);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  if (/\s/.test(text[cut] ?? ' ')) return cut;
  const space = text.slice(0, cut).search(/\s\S*$/);
  return space > cut * 0.75 ? space : cut;
}
