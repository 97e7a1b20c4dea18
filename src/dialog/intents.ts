// Recognises what a chat message asks for: help, start, status, my takeovers, cancel, history, or else a question.
export type Intent = 'help' | 'start' | 'status' | 'mine' | 'cancel' | 'history' | 'question' | 'empty';

const PATTERNS: [Intent, RegExp][] = [
  ['help', /^(help|hulp|\?|menu|wat kun je( allemaal)?|what can you do)[\s?!.]*$/i],
  [
    'start',
    /^(start|begin|nieuwe overname|overname (starten|aanvragen|beginnen)|start (a |een )?(takeover|overname)|new takeover)[\s!.]*$/i,
  ],
  ['status', /^(status|overzicht|lopende overnames|open takeovers)[\s?!.]*$/i],
  ['mine', /^(mijn overnames|my takeovers)[\s?!.]*$/i],
  // "geschiedenis <klant>": the rest is the client's name or a case id (historyQuery); with a "?" it is a question.
  ['history', /^(geschiedenis|historie|history)(\s[^?]*)?$/i],
  ['cancel', /^(cancel|annuleer|annuleren|stop|overname (annuleren|stoppen)|cancel (a |the )?takeover)[\s!.]*$/i],
];

export function detectIntent(text: string): Intent {
  const t = text.trim();
  if (!t) return 'empty';
  for (const [intent, re] of PATTERNS) if (re.test(t)) return intent;
  return 'question';
}

/** What follows "geschiedenis" / "history": the client's name or case id the person asks about ('' when none). */
export function historyQuery(text: string): string {
  // Zero-width characters come along when an id is copied from a Slack message (its escaping puts one after a "_").
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
    .replace(/^(geschiedenis|historie|history)\b/i, '')
    .trim();
}

/** The words that carry an intent are Dutch or English themselves; they say which language to answer in. */
export function intentLanguage(text: string): 'nl' | 'en' | null {
  const t = text.trim().toLowerCase();
  // "help", "status" and "start" are used as-is in Dutch too: they say nothing about the language.
  if (/^(what can you do|new takeover|start (a )?takeover|open takeovers|my takeovers|cancel|history)/.test(t))
    return 'en';
  if (
    /^(hulp|wat kun je|nieuwe overname|overname|lopende|mijn overnames|overzicht|annule|geschiedenis|historie)/.test(t)
  )
    return 'nl';
  return null;
}
