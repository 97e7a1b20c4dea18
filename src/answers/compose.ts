// Builds a chat-sized answer from the sentences and list items of the chosen sections, in reading order.
import type { Concept } from './concepts.js';
import { covers, weightedHits } from './coverage.js';
import { seeArticle } from './messages.js';
import type { SectionEntry, Unit } from './passages.js';
import type { Language } from './types.js';

const MAX_UNITS = 5;
/** Sentences after the best one in the same paragraph usually finish its thought ("Gebruik hiervoor …"). */
const FOLLOWING_SENTENCES = 2;

function asLine(unit: Unit, language: Language): string {
  return unit.reference ? seeArticle(language, unit.text) : unit.text.replace(/[,;]\s*$/, '.');
}

/** "Poorten en certificaten." alone says nothing; with its list lead it says they are not copied. */
function withLead(unit: Unit, language: Language): string {
  const line = asLine(unit, language);
  if (!unit.listLead || unit.reference || line.length > 90) return line;
  const lead = unit.listLead.replace(/[.:]\s*$/, '');
  return `${lead}: ${line.charAt(0).toLowerCase()}${line.slice(1)}`;
}

function render(units: Unit[], language: Language): string {
  const lines: string[] = [];
  let previous: Unit | undefined;
  const chosen = new Set(units);
  for (const unit of units) {
    const sameParagraph =
      previous && previous.kind === 'sentence' && unit.kind === 'sentence' && previous.block === unit.block;
    if (unit.kind === 'item') {
      const listed = [...chosen].some((u) => u.announces === unit.block);
      lines.push(listed ? `• ${asLine(unit, language)}` : withLead(unit, language));
    } else if (sameParagraph) {
      lines[lines.length - 1] += ` ${unit.text}`;
    } else {
      lines.push(unit.text);
    }
    previous = unit;
  }
  return lines.join('\n');
}

/** The units of one section that answer the question, plus what they need to be understood. */
export function selectUnits(
  entry: SectionEntry,
  weights: Map<Concept, number>,
  unitScores: Map<string, number>,
): Unit[] {
  const scored = entry.units
    .map((unit) => ({ unit, hits: weightedHits(unit.stems, weights), score: unitScores.get(unit.key) ?? 0 }))
    // Equal hits: a sentence introducing a list beats one of its items, since the list comes with it.
    .sort(
      (a, b) =>
        b.hits - a.hits ||
        Number(b.unit.announces !== undefined) - Number(a.unit.announces !== undefined) ||
        b.score - a.score,
    );
  const best = scored[0];
  if (!best) return [];
  if (best.hits === 0) return entry.units.filter((u) => u.block === entry.units[0]?.block).slice(0, 2);
  const chosen = new Set<Unit>([best.unit]);
  if (best.unit.kind === 'sentence') {
    for (let k = 1; k <= FOLLOWING_SENTENCES; k++) {
      const next = entry.units[best.unit.order + k];
      if (next?.block === best.unit.block && next.kind === 'sentence') chosen.add(next);
    }
  }
  const concepts = [...weights.keys()];
  const coveredBy = (units: Iterable<Unit>) => concepts.filter((c) => [...units].some((u) => covers(c, u.stems)));
  for (const s of scored) {
    if (chosen.size >= MAX_UNITS || s.hits < best.hits / 2) break;
    if (chosen.has(s.unit)) continue;
    const before = coveredBy(chosen).length;
    if (coveredBy([...chosen, s.unit]).length > before) chosen.add(s.unit);
  }
  // A best sentence that announces a list is answered by the list; one picked up for a side concept is not.
  if (best.unit.announces !== undefined) {
    for (const item of entry.units) if (item.block === best.unit.announces) chosen.add(item);
  }
  // The section's opening sentence states its point ("Een nieuwe gebruiker maken …"); keep it when it is on topic.
  const opening = scored.find((s) => s.unit.order === 0);
  if (opening && opening.hits >= best.hits / 2 && chosen.size < MAX_UNITS) chosen.add(opening.unit);
  return [...chosen].sort((a, b) => a.order - b.order);
}

/** A section with subsections is answered by the first point of each step, numbered. */
function summarize(entry: SectionEntry, language: Language): string {
  const lines = [`${entry.section.heading.replace(/[.:]\s*$/, '')}:`];
  entry.children.forEach((child, i) => {
    const first = child.units[0];
    if (!first) return;
    const items = first.announces === undefined ? [] : child.units.filter((u) => u.block === first.announces);
    lines.push(`${i + 1}. ${items.length ? first.text.replace(/\.\s*$/, ':') : first.text}`);
    for (const item of items) {
      const sentence = asLine(item, language).split(/(?<=[.!?])\s+/)[0] ?? '';
      lines.push(`   • ${sentence}`);
    }
  });
  return lines.join('\n');
}

const IMPORTANT = /^(?:belangrijk|let op|important(?:ly)?|note)\b/i;

/** For an overview: the section's opening sentence and whatever it flags as important. */
function outline(entry: SectionEntry): string {
  const units = entry.units.filter((u) => u.kind === 'sentence' && (u.order === 0 || IMPORTANT.test(u.text)));
  return `${entry.section.heading}: ${units.map((u) => u.text).join(' ')}`;
}

export interface Composition {
  text: string;
  sections: SectionEntry[];
}

export function compose(
  entries: SectionEntry[],
  weights: Map<Concept, number>,
  unitScores: Map<string, number>,
  language: Language,
  overview = false,
): Composition {
  const parts: string[] = [];
  const sections: SectionEntry[] = [];
  for (const entry of entries) {
    if (overview && !entry.children.length) {
      parts.push(outline(entry));
      sections.push(entry);
      continue;
    }
    if (entry.children.length) {
      parts.push(summarize(entry, language));
      sections.push(entry, ...entry.children);
      continue;
    }
    const units = selectUnits(entry, weights, unitScores);
    if (!units.length) continue;
    parts.push(render(units, language));
    sections.push(entry);
  }
  return { text: parts.join('\n\n'), sections };
}
