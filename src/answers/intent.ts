// Spots questions about taking over a client, so the chat can offer to start a takeover.
import { words } from './text/normalize.js';

const TAKEOVER = new Set(
  `overnemen overneem overneemt overname overnamen overgenomen takeover overzetten overzet overgezet verhuizen verhuis
verhuist verhuisd verhuizing verplaatsen migreren migratie overdragen overdracht move moving transfer transferring
migrate migrating migration`.split(/\s+/),
);
const SEPARABLE_VERB = /\b(?:neem|neemt|nemen|nam|namen|zet|zetten|take|takes|taking|took|bring)\b.*\bover\b/;
const SUBJECT = new Set(
  `klant klanten client clients customer administratie administraties administration administrations hoe how stappen
steps stap step procedure proces process beginnen begin start starten regelen aanvragen`.split(/\s+/),
);

export function isTakeoverQuestion(question: string): boolean {
  const ws = words(question);
  const verb = ws.some((w) => TAKEOVER.has(w)) || SEPARABLE_VERB.test(ws.join(' '));
  return verb && ws.some((w) => SUBJECT.has(w));
}
