// One review of every user-visible sentence: both catalogues have the same keys, Dutch reads as a Dutch accountant
// writes it, numbers agree with their nouns, chats without threads never hear of one, and no sentence lives
// outside src/i18n.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, type Messages } from '../../src/i18n/messages.js';

type Leaf = { path: string; outputs: string[] };

/** Every string of a catalogue; a function is called with each kind of argument its sentences branch on. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'string') return [{ path, outputs: [node] }];
  if (typeof node === 'function') {
    const f = node as (...args: unknown[]) => string;
    const samples: unknown[] = ['Naam', 0, 1, 2, 7, true, false];
    return [{ path, outputs: samples.map((v) => String(f(...Array.from({ length: f.length }, () => v)))) }];
  }
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

function shape(node: unknown): unknown {
  if (typeof node === 'function') return `fn/${node.length}`;
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, shape(v)]));
  return typeof node;
}

const nl = leaves(MESSAGES.nl);
const en = leaves(MESSAGES.en);
const offending = (all: Leaf[], re: RegExp) =>
  all.flatMap((l) => l.outputs.filter((o) => re.test(o)).map((o) => `${l.path}: ${o}`));

describe('the message catalogue', () => {
  it('has the same keys and the same arguments in Dutch and English', () => {
    expect(shape(MESSAGES.en)).toEqual(shape(MESSAGES.nl));
    expect(nl.length).toBeGreaterThan(150);
  });

  it('writes numbers out instead of "(en)" or "(s)" plural forms', () => {
    expect(offending([...nl, ...en], /\p{L}\((en|s|n|e|es)\)/u)).toEqual([]);
  });

  it('makes a count agree with its noun', () => {
    const singular = /\b1 (herinneringen|nazorgpunten|dagen|uren|punten|reminders|items|follow-up items|days|hours)\b/;
    const plural = /\b[2-9] (herinnering|nazorgpunt|dag|reminder|item|follow-up item|day|hour)\b(?!en)/;
    expect(offending([...nl, ...en], singular)).toEqual([]);
    expect(offending([...nl, ...en], plural)).toEqual([]);
  });

  it('writes Dutch as a Dutch accountant does', () => {
    expect(offending(nl, /Twinfield omgeving|Democlock|\bthe\b|\bplease\b/i)).toEqual([]);
    // Role names are capitalised as labels, not inside a sentence.
    expect(offending(nl, /[\p{Ll},;:] (Beheerder (oude|nieuwe) omgeving|Klant)\b/u)).toEqual([]);
    expect(offending(en, /[\p{Ll},;:] (Old environment admin|New environment admin|Client)\b/u)).toEqual([]);
  });

  it('uses one English term per concept, matching the Dutch', () => {
    const all = en.flatMap((l) => l.outputs).join('\n');
    // "takeover" is the case (overname), "move" the administration changing environment (overzetten).
    expect(all).not.toMatch(/\b(take-over|transfer(red)?|migration)\b/i);
    expect(all).not.toMatch(/\bfollow-up (task|point)s?\b/i);
    expect(all).not.toMatch(/\bbank (link|feed)s?\b/i);
  });

  it('never mentions a thread to a chat that has none', () => {
    for (const m of Object.values(MESSAGES) as Messages[]) {
      expect(m.notices.transferred(false)).not.toMatch(/thread/i);
      expect(m.card.transferredAt('X', 'Y', false)).not.toMatch(/thread/i);
      expect(m.notices.transferred(true)).toMatch(/thread/i);
    }
  });
});

/** Source files whose string literals are shown to users, were any sentence left in them. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

// Vocabulary for understanding Dutch questions, and the prompt sent to a model, are not sentences shown to users.
const NOT_USER_TEXT = /src\/i18n\/|src\/answers\/(lexicon|question|text\/|llm\/prompt)/;
// Words only Dutch has ("is", "in" and "op" are left out: English sentences have them too).
const DUTCH = new Set('de het een niet je van voor wordt kan zijn naar met dit deze geen er ook'.split(' '));

describe('sentences outside src/i18n', () => {
  it('are none: every string literal in src/ and adapters/ with a Dutch sentence in it is a finding', () => {
    const root = join(import.meta.dirname, '../..');
    const findings: string[] = [];
    for (const file of [...sources(join(root, 'src')), ...sources(join(root, 'adapters'))]) {
      const rel = relative(root, file);
      if (NOT_USER_TEXT.test(rel)) continue;
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/\s\/\/ .*$/gm, '');
      for (const [literal] of code.matchAll(/'[^'\n]*'|`[^`]*`|"[^"\n]*"/g)) {
        const words = literal.toLowerCase().match(/\p{L}+/gu) ?? [];
        if (words.length >= 4 && words.filter((w) => DUTCH.has(w)).length >= 2) findings.push(`${rel}: ${literal}`);
      }
    }
    expect(findings).toEqual([]);
  });
});
