// Converts between the core's markup and Slack's mrkdwn; every piece of user text is escaped on the way out.
//
// &, < and > become entities: user text can never form <!channel>, <@U…> or <url|label>. Mentions and links are
// produced here alone, from the markup tokens, never from user text. Slack has no escape for *, _, ~ and `: a zero
// width space after each keeps them literal (an administration called "_test_" stays "_test_", not italic).
import { type Inline, parseMarkup } from '../../src/dialog/markup.js';

/** Slack user ids (U…, W… for Enterprise Grid); anything else is shown as a plain name, never as a mention. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,30}$/;
const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>|]+$/i;

const ZWSP = '\u200b';

export function escapeMrkdwn(text: string): string {
  return escapeEntities(text).replace(/[*_~`]/g, `$&${ZWSP}`);
}

function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markup → mrkdwn: **bold** → *bold*, _italic_ → _italic_, links → <url|label>, mentions → <@U…>, "- " → "• ". */
export function toMrkdwn(markup: string): string {
  return parseMarkup(markup)
    .map((line) => (line.bullet ? '• ' : '') + inlines(line.inlines))
    .join('\n');
}

/** Markup → plain text that is still safe to send as a message's `text` (notifications parse it like mrkdwn). */
export function toSafePlain(markup: string): string {
  return parseMarkup(markup)
    .map((line) => (line.bullet ? '• ' : '') + line.inlines.map(plainInline).join(''))
    .join('\n');
}

/** Plain text with no formatting, but links as <url>: escaping a URL's "_" like text would break it. */
function plainInline(n: Inline): string {
  if (n.type === 'link' && SAFE_URL.test(n.url)) {
    const url = `<${escapeEntities(n.url)}>`;
    return n.label && n.label !== n.url ? `${escapeMrkdwn(n.label)} (${url})` : url;
  }
  switch (n.type) {
    case 'text':
      return escapeMrkdwn(n.text);
    case 'bold':
    case 'italic':
      return n.children.map(plainInline).join('');
    case 'link':
      return escapeMrkdwn(`${n.label} (${n.url})`);
    case 'mention':
      return `@${escapeMrkdwn(n.name)}`;
    default:
      return '';
  }
}

function inlines(nodes: Inline[]): string {
  return nodes.map(inline).join('');
}

function inline(n: Inline): string {
  switch (n.type) {
    case 'text':
      return escapeMrkdwn(n.text);
    case 'bold':
      return wrap('*', inlines(n.children));
    case 'italic':
      return wrap('_', inlines(n.children));
    case 'link':
      return SAFE_URL.test(n.url)
        ? // The address only needs Slack's three entities: a zero width space after a `_` would break the link.
          `<${escapeEntities(n.url)}|${escapeMrkdwn(n.label) || escapeMrkdwn(n.url)}>`
        : escapeMrkdwn(`${n.label} (${n.url})`);
    case 'mention':
      return SLACK_USER_ID.test(n.userId) ? `<@${n.userId}>` : `@${escapeMrkdwn(n.name)}`;
    default:
      return '';
  }
}

/** Slack only formats *x* when the markers touch the text, so surrounding spaces move outside the markers. */
function wrap(marker: string, inner: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : inner;
}

/**
 * Slack message text → what the user typed: drops mentions of the bot, turns other mentions, channels and links
 * into readable text and undoes Slack's &amp; escaping; the result is what the answer engine gets.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_all, id: string, label?: string) =>
      id === botUserId ? '' : `@${label || id}`,
    )
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_all, label?: string) => label ?? '@group')
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
