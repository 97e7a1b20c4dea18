// Recognises questions an article is known not to answer (its front matter "gaps": cost, duration, other banks …),
// so the engine says so instead of answering a neighbouring question.
import type { Article, KnowledgeGap } from '../knowledge/index.js';
import { editDistance } from './text/fuzzy.js';
import { type Token, words } from './text/normalize.js';
import { type StemLanguage, stemOf, wordKeys } from './text/stem.js';

/** Adjacent trigger words may have this many words between them ("who should request"); "..." allows any number. */
const NEAR = 2;

interface Step {
  word: string;
  anyGap: boolean;
  /** "=exact": the software Exact, not the stem of "exactly". */
  exact: boolean;
}

function compile(trigger: string): Step[] {
  const steps: Step[] = [];
  let anyGap = false;
  for (const part of trigger.trim().split(/\s+/)) {
    if (part === '...' || part === '…') {
      anyGap = true;
      continue;
    }
    const exact = part.startsWith('=');
    for (const word of words(part)) {
      steps.push({ word, anyGap: steps.length > 0 && anyGap, exact });
      anyGap = false;
    }
  }
  return steps;
}

/**
 * Short trigger words match exactly ("ing" must not match "in", "kost" not "post"); longer ones by stem too
 * ("kosten" ~ "kost"), from five letters on with two letters swapped ("usres"), and from seven letters on with one
 * slip that keeps the first letter ("triodoss").
 */
function same(trigger: string, token: string, language: StemLanguage, known: (word: string) => boolean): boolean {
  if (trigger === token || compoundHead(trigger, token, language)) return true;
  if (trigger.length < 4 || token.length < 4) return false;
  const a = wordKeys(trigger, language).slice(1);
  if (wordKeys(token, language).some((k) => a.includes(k))) return true;
  if (trigger[0] !== token[0] || Math.abs(trigger.length - token.length) > 1) return false;
  // Shorter triggers forgive only two letters swapped ("usres"): another slip there makes a real word too often.
  if (trigger.length < 7 && (trigger.length < 5 || trigger.length !== token.length || !sameLetters(trigger, token))) {
    return false;
  }
  // A real word is not a typo of another ("stappen" is not "stoppen"), and another form of the same root is another
  // word: "het bestaande gebruiken" (use the existing one) is not "bestaande gebruikers".
  return !known(token) && !sameRoot(trigger, token, language) && editDistance(trigger, token, 1) <= 1;
}

/** A Dutch compound starting with a long trigger word: "bevestigingsmail" is a "bevestiging" (a confirmation). */
const COMPOUND_HEAD = 8;
function compoundHead(trigger: string, token: string, language: StemLanguage): boolean {
  if (language !== 'nl' || trigger.length < COMPOUND_HEAD || !token.startsWith(trigger)) return false;
  return token.slice(trigger.length).replace(/^(?:s|e|en)(?=[a-z]{3})/, '').length >= 3;
}

/** One word's stem begins the other word: two forms built on one root ("gebruik-en", "gebruik-er"). */
function sameRoot(a: string, b: string, language: StemLanguage): boolean {
  const [sa, sb] = [stemOf(a, language), stemOf(b, language)];
  return sa !== sb && sa.length >= 4 && sb.length >= 4 && (b.startsWith(sa) || a.startsWith(sb));
}

function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

interface Input {
  /** The question's words; an empty string where a word may not serve as a trigger. */
  ws: string[];
  language: StemLanguage;
  known: (word: string) => boolean;
}

function matchesFrom(steps: Step[], input: Input, stepIndex: number, from: number, limit: number): boolean {
  const step = steps[stepIndex];
  if (!step) return true;
  const { ws } = input;
  const end = Math.min(ws.length - 1, limit);
  for (let i = from; i <= end; i++) {
    const token = ws[i] as string;
    if (!token) continue;
    if (step.exact ? step.word !== token : !same(step.word, token, input.language, input.known)) continue;
    const next = steps[stepIndex + 1];
    const nextLimit = next?.anyGap ? ws.length - 1 : i + 1 + NEAR;
    if (matchesFrom(steps, input, stepIndex + 1, i + 1, nextLimit)) return true;
  }
  return false;
}

/** Triggers come from the knowledge files and never change: each is compiled once. */
const compiled = new Map<string, Step[]>();

function matches(trigger: string, input: Input): boolean {
  let steps = compiled.get(trigger);
  if (!steps) {
    steps = compile(trigger);
    compiled.set(trigger, steps);
  }
  return steps.length > 0 && matchesFrom(steps, input, 0, 0, Number.MAX_SAFE_INTEGER);
}

const nothingKnown = () => false;

export function triggerMatches(trigger: string, question: string, language: StemLanguage = 'nl'): boolean {
  return matches(trigger, { ws: words(question), language, known: nothingKnown });
}

export interface GapHit {
  article: Article;
  gap: KnowledgeGap;
  trigger: string;
}

/**
 * The first gap of the articles whose trigger occurs in the tokens (one part of a question). `known` tells which
 * words are real words of the domain, which are never taken for a misspelt trigger; `skip` the token positions that
 * cannot be a trigger word.
 */
export function findGap(
  articles: Article[],
  tokens: readonly Token[],
  language: StemLanguage,
  known: (word: string) => boolean = nothingKnown,
  concepts: ReadonlySet<string> = new Set(),
  skip: ReadonlySet<number> = new Set(),
): GapHit | null {
  const input: Input = { ws: tokens.map((t, i) => (skip.has(i) ? '' : t.word)), language, known };
  for (const article of articles) {
    for (const gap of article.gaps) {
      if (gap.unless.some((c) => concepts.has(c))) continue;
      const trigger = gap.match.find((t) => matches(t, input));
      if (trigger) return { article, gap, trigger };
    }
  }
  return null;
}
