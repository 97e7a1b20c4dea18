// Recognises questions an article is known not to answer (its front matter "gaps"), so we say so instead of guessing.
import type { Article, KnowledgeGap } from '../knowledge/index.js';
import { editDistance } from './text/fuzzy.js';
import { words } from './text/normalize.js';

/** Adjacent trigger words may have this many words between them ("who should request"); "..." allows any number. */
const NEAR = 2;

interface Step {
  word: string;
  anyGap: boolean;
}

function compile(trigger: string): Step[] {
  const steps: Step[] = [];
  let anyGap = false;
  for (const part of trigger.trim().split(/\s+/)) {
    if (part === '...' || part === '…') {
      anyGap = true;
      continue;
    }
    for (const word of words(part)) {
      steps.push({ word, anyGap: steps.length > 0 && anyGap });
      anyGap = false;
    }
  }
  return steps;
}

/** Exact for short words ("ing" must not match "in", "kosten" not "posten"); one typo allowed from seven letters on. */
function same(trigger: string, word: string): boolean {
  if (trigger === word) return true;
  return trigger.length >= 7 && editDistance(trigger, word, 1) <= 1;
}

function matchesFrom(steps: Step[], ws: string[], stepIndex: number, from: number, limit: number): boolean {
  const step = steps[stepIndex];
  if (!step) return true;
  const end = Math.min(ws.length - 1, limit);
  for (let i = from; i <= end; i++) {
    if (!same(step.word, ws[i] as string)) continue;
    const next = steps[stepIndex + 1];
    const nextLimit = next?.anyGap ? ws.length - 1 : i + 1 + NEAR;
    if (matchesFrom(steps, ws, stepIndex + 1, i + 1, nextLimit)) return true;
  }
  return false;
}

/** Triggers come from the knowledge files and never change: each is compiled once. */
const compiled = new Map<string, Step[]>();

function matches(trigger: string, ws: string[]): boolean {
  let steps = compiled.get(trigger);
  if (!steps) {
    steps = compile(trigger);
    compiled.set(trigger, steps);
  }
  return steps.length > 0 && matchesFrom(steps, ws, 0, 0, Number.MAX_SAFE_INTEGER);
}

export function triggerMatches(trigger: string, question: string): boolean {
  return matches(trigger, words(question));
}

export interface GapHit {
  article: Article;
  gap: KnowledgeGap;
  trigger: string;
}

export function findGap(articles: Article[], question: string): GapHit | null {
  // The question is split once, not once per trigger (there are ~190): that was a quarter of an offline answer.
  const ws = words(question);
  for (const article of articles) {
    for (const gap of article.gaps) {
      const trigger = gap.match.find((t) => matches(t, ws));
      if (trigger) return { article, gap, trigger };
    }
  }
  return null;
}
