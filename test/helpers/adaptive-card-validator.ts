// Checks Adaptive Card JSON with the official adaptivecards parser (its UMD build needs no DOM to parse) and the
// Teams rules the parser does not know: a verb on every Action.Execute, ≤ 60 refresh users, ≤ 28 KB, mentions.
import { createRequire } from 'node:module';

interface ParseEvent {
  phase: number;
  event: number;
  message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    toJSON(): unknown;
    validateProperties(): { validationEvents: ParseEvent[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ParseEvent };
  ValidationEvent: Record<number, string>;
}

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.min.js') as AdaptiveCardsModule;

/** Teams' limit for a bot message is about 28 KB, the card included. */
export const MAX_CARD_BYTES = 28 * 1024;

/** Properties Teams reads that the parser does not model (it drops them silently, so the key check skips them). */
const TEAMS_ONLY: Record<string, string[]> = {
  AdaptiveCard: ['msteams', '$schema'],
  'Action.Execute': ['fallback'],
  'Action.Submit': ['fallback'],
};

export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  droppedKeys(card, parsed.toJSON(), '$', problems);
  teamsRules(card as Record<string, unknown>, problems);
  return problems;
}

/** Throws with every problem listed; for `expect(() => assertValidCard(card)).not.toThrow()` or direct use. */
export function assertValidCard(card: unknown): void {
  const problems = cardProblems(card);
  if (problems.length > 0) throw new Error(`invalid Adaptive Card:\n  ${problems.join('\n  ')}`);
}

/** A key the parser did not keep is a typo or a property of another version: it would be ignored by clients too. */
function droppedKeys(input: unknown, output: unknown, path: string, problems: string[]): void {
  if (Array.isArray(input)) {
    input.forEach((v, i) => {
      droppedKeys(v, Array.isArray(output) ? output[i] : undefined, `${path}[${i}]`, problems);
    });
    return;
  }
  if (!isObject(input)) return;
  const out = isObject(output) ? output : {};
  const allowed = TEAMS_ONLY[String(input.type)] ?? [];
  for (const [key, value] of Object.entries(input)) {
    if (allowed.includes(key)) continue;
    if (!(key in out)) {
      problems.push(`dropped: ${path}.${key} (unknown to the parser or a default value)`);
      continue;
    }
    // Action data is free-form and copied as-is.
    if (key !== 'data') droppedKeys(value, out[key], `${path}.${key}`, problems);
  }
}

function teamsRules(card: Record<string, unknown>, problems: string[]): void {
  if (card.version !== '1.5') problems.push(`version ${String(card.version)}: Universal Actions need 1.5`);
  const size = Buffer.byteLength(JSON.stringify(card));
  if (size > MAX_CARD_BYTES) problems.push(`size ${size} bytes exceeds ${MAX_CARD_BYTES}`);
  const refresh = card.refresh as { action?: Record<string, unknown>; userIds?: unknown[] } | undefined;
  if (refresh) {
    if (refresh.action?.type !== 'Action.Execute' || !refresh.action.verb)
      problems.push('refresh needs Action.Execute with a verb');
    if ((refresh.userIds?.length ?? 0) > 60)
      problems.push(`refresh.userIds has ${refresh.userIds?.length} ids (max 60)`);
  }
  const texts: string[] = [];
  walk(card, (node, path) => {
    if (node.type === 'Action.Execute' && (typeof node.verb !== 'string' || !node.verb)) {
      problems.push(`${path}: Action.Execute without verb`);
    }
    if ((node.type === 'Action.Execute' || node.type === 'Action.Submit') && !node.title && !path.includes('refresh')) {
      problems.push(`${path}: action without title`);
    }
    if (node.type === 'TextBlock') {
      if (typeof node.text !== 'string' || !node.text.trim()) problems.push(`${path}: empty TextBlock`);
      else texts.push(node.text);
    }
    if (node.type === 'FactSet') for (const f of node.facts as { value: string }[]) texts.push(f.value);
  });
  const entities = (card.msteams as { entities?: { text: string; mentioned?: { id?: string } }[] })?.entities ?? [];
  const all = texts.join('\n');
  for (const e of entities) {
    if (!all.includes(e.text)) problems.push(`mention entity ${e.text} not used in any text`);
    if (!e.mentioned?.id) problems.push(`mention entity ${e.text} without id`);
  }
  for (const tag of all.match(/<at>[^<]*<\/at>/g) ?? []) {
    if (!entities.some((e) => e.text === tag)) problems.push(`${tag} has no mention entity`);
  }
}

function walk(node: unknown, visit: (n: Record<string, unknown>, path: string) => void, path = '$'): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      walk(v, visit, `${path}[${i}]`);
    });
  } else if (isObject(node)) {
    visit(node, path);
    for (const [k, v] of Object.entries(node)) if (k !== 'data') walk(v, visit, `${path}.${k}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
