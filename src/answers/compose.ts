// Builds a chat-sized answer from the sentences and list items of the chosen sections, in reading order: the
// sentences that answer the question, with what they need to be understood, never a key sentence cut off.
import { seeArticle } from './messages.js';
import type { SectionEntry, Unit } from './passages.js';
import type { Language } from './types.js';

const MAX_UNITS = 6;
/** Extra units the learned sentence model may add beyond {@link MAX_UNITS}. */
const WANTED_ROOM = 3;
/** A paragraph longer than this is cut to the best sentence and the ones after it. */
const WHOLE_PARAGRAPH = 3;
const FOLLOWING_SENTENCES = 2;

/** What the question asks about: how much each concept counts, and which ones are its subject (not its setting). */
export interface ConceptWeights {
  weights: ReadonlyMap<string, number>;
  focus: ReadonlySet<string>;
  /** Keys of units the learned sentence model says the question needs: they join what the concepts chose. */
  wanted?: ReadonlyMap<string, number>;
}

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

const hitsOf = (unit: Unit, asked: ConceptWeights) => {
  let total = 0;
  for (const [c, w] of asked.weights) if (unit.concepts.has(c)) total += w;
  return total;
};

const onFocus = (unit: Unit, asked: ConceptWeights) => [...unit.concepts].some((c) => asked.focus.has(c));

function paragraphOf(entry: SectionEntry, unit: Unit): Unit[] {
  return entry.units.filter((u) => u.block === unit.block && u.kind === 'sentence');
}

/** The units of one section that answer the question, plus what they need to be understood. */
export function selectUnits(entry: SectionEntry, weights: ConceptWeights): Unit[] {
  const units = entry.units;
  if (!units.length) return [];
  if (units.every((u) => u.reference)) {
    const relevant = units.filter((u) => hitsOf(u, weights) > 0);
    return relevant.length ? relevant : units;
  }
  const scored = units
    .map((unit) => ({ unit, hits: hitsOf(unit, weights) }))
    // Equal hits: a sentence introducing a list beats one of its items (the list comes with it), then reading order.
    .sort(
      (a, b) =>
        b.hits - a.hits ||
        Number(b.unit.announces !== undefined) - Number(a.unit.announces !== undefined) ||
        a.unit.order - b.unit.order,
    );
  const best = scored[0] as { unit: Unit; hits: number };
  const chosen = new Set<Unit>();
  const first = units[0] as Unit;
  const addParagraph = (unit: Unit) => {
    const paragraph = paragraphOf(entry, unit);
    if (paragraph.length <= WHOLE_PARAGRAPH) for (const u of paragraph) chosen.add(u);
    else
      for (const u of paragraph.slice(paragraph.indexOf(unit), paragraph.indexOf(unit) + 1 + FOLLOWING_SENTENCES))
        chosen.add(u);
  };
  const add = (unit: Unit) => (unit.kind === 'sentence' ? addParagraph(unit) : chosen.add(unit));
  add(best.hits === 0 ? first : best.unit);
  // A one-sentence opening paragraph states the step ("Een nieuwe gebruiker maken …"): on topic or in a step's
  // section, it comes along, and the next paragraph says how (the step without its how drops the key fact: "invite
  // the client with their existing Wolters Kluwer Account").
  const opening = paragraphOf(entry, first);
  if (opening.length === 1 && first.kind === 'sentence') {
    if (!chosen.has(first) && (onFocus(first, weights) || entry.parent)) chosen.add(first);
    if (chosen.has(first)) {
      const next = units.find((u) => u.block > first.block && u.kind === 'sentence');
      if (next) addParagraph(next);
    }
  }
  // Other units that speak about something asked that the chosen ones do not (the subject, not the setting).
  const covered = () => new Set([...chosen].flatMap((u) => [...u.concepts].filter((c) => weights.focus.has(c))));
  for (const s of scored) {
    if (chosen.size >= MAX_UNITS || s.hits === 0) break;
    if (chosen.has(s.unit)) continue;
    const have = covered();
    if ([...s.unit.concepts].some((c) => weights.focus.has(c) && !have.has(c))) add(s.unit);
  }
  // What the learned sentence model is sure the question needs comes along, within a little more room.
  for (const u of units) {
    if (chosen.size >= MAX_UNITS + WANTED_ROOM) break;
    if (weights.wanted?.has(u.key) && !chosen.has(u)) add(u);
  }
  // A sentence that announces a list is answered by the list.
  for (const u of [...chosen]) {
    if (u.announces === undefined) continue;
    for (const item of units) if (item.block === u.announces) chosen.add(item);
  }
  return [...chosen].sort((a, b) => a.order - b.order);
}

/** The first point of a step, and the next paragraph when the first only restates the heading. */
function stepLines(child: SectionEntry, language: Language): string[] {
  const first = child.units[0];
  if (!first) return [];
  const items = first.announces === undefined ? [] : child.units.filter((u) => u.block === first.announces);
  if (items.length) {
    return [
      first.text.replace(/\.\s*$/, ':'),
      ...items.map((item) => `   • ${asLine(item, language).split(/(?<=[.!?])\s+/)[0] ?? ''}`),
    ];
  }
  const opening = paragraphOf(child, first);
  const next = child.units.find((u) => u.block > first.block && u.kind === 'sentence' && !u.text.endsWith(':'));
  const more = opening.length === 1 && next ? paragraphOf(child, next).map((u) => u.text) : [];
  return [[...opening.map((u) => u.text), ...more].join(' ')];
}

/** A section with subsections is answered by the first point of each step, numbered. */
function summarize(entry: SectionEntry, language: Language): string {
  const lines = [`${entry.section.heading.replace(/[.:]\s*$/, '')}:`];
  entry.children.forEach((child, i) => {
    const [head, ...rest] = stepLines(child, language);
    if (head) lines.push(`${i + 1}. ${head}`, ...rest);
  });
  return lines.join('\n');
}

const IMPORTANT = /^(?:belangrijk|let op|important(?:ly)?|note)\b/i;

/**
 * For an overview: a section short enough for chat whole (how the move starts and who approves are both the
 * procedure), a longer one by its opening sentence, whatever it flags as important with the sentence after, and the
 * sentences the learned sentence model says the question needs.
 */
function outline(entry: SectionEntry, wanted?: ReadonlyMap<string, number>): string {
  const sentences = entry.units.filter((u) => u.kind === 'sentence');
  const picked = new Set<Unit>(sentences.length <= MAX_UNITS ? sentences : []);
  sentences.forEach((u, i) => {
    if (u.order === 0 || wanted?.has(u.key)) picked.add(u);
    if (IMPORTANT.test(u.text)) {
      picked.add(u);
      const next = sentences[i + 1];
      if (next?.block === u.block) picked.add(next);
    }
  });
  const text = [...picked].sort((a, b) => a.order - b.order).map((u) => u.text);
  return `${entry.section.heading}: ${text.join(' ')}`;
}

export interface Composition {
  text: string;
  /** Every section the text quotes, for the citations. */
  sections: SectionEntry[];
}

export function composeSection(entry: SectionEntry, weights: ConceptWeights, language: Language): Composition {
  if (entry.children.length) return { text: summarize(entry, language), sections: [entry, ...entry.children] };
  const units = selectUnits(entry, weights);
  return { text: render(units, language), sections: units.length ? [entry] : [] };
}

export function composeOverview(
  entries: SectionEntry[],
  language: Language,
  wanted?: ReadonlyMap<string, number>,
): Composition {
  const parts = entries.map((e) => (e.children.length ? summarize(e, language) : outline(e, wanted)));
  return { text: parts.join('\n\n'), sections: entries.flatMap((e) => [e, ...e.children]) };
}

/** Only the given units of a section, in reading order: what the learned sentence model is sure the question needs. */
export function composeUnits(entry: SectionEntry, keys: ReadonlySet<string>, language: Language): Composition {
  const units = entry.units.filter((u) => keys.has(u.key));
  return { text: render(units, language), sections: units.length ? [entry] : [] };
}
