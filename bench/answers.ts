// Benchmarks the offline answer engine: knowledge index start-up and answer latency over the evaluation questions.
import { fileURLToPath } from 'node:url';
import { loadEvalQuestions } from '../src/answers/evaluate.js';
import { createAnswerEngine, DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../src/answers/index.js';
import { buildKnowledgeIndex } from '../src/answers/knowledge-index.js';
import { summarize } from './stats.js';

const QUESTIONS = fileURLToPath(new URL('../test/eval/questions.json', import.meta.url));

export async function benchAnswers(
  options: { rounds?: number; warmup?: number } = {},
): Promise<Record<string, unknown>> {
  const rounds = options.rounds ?? 10;
  const warmup = options.warmup ?? 2;

  // Start-up: read and validate the Markdown, then build the per-language indexes.
  const startup: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const articles = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
    const t1 = performance.now();
    buildKnowledgeIndex(articles);
    startup.push(performance.now() - t0);
    load.push(t1 - t0);
  }
  const firstEngine = performance.now();
  const engine = await createAnswerEngine();
  const engineStartupMs = performance.now() - firstEngine;

  const questions = await loadEvalQuestions(QUESTIONS);
  const ask = (i: number) => {
    const q = questions[i % questions.length]!;
    return engine.answer({ question: q.question, previousQuestion: q.previousQuestion, locale: q.locale });
  };
  // The first pass sees every question for the first time (no JIT, no fuzzy-match cache): closest to a live chat.
  const firstPass: number[] = [];
  for (let i = 0; i < warmup * questions.length; i++) {
    const t = performance.now();
    await ask(i);
    if (i < questions.length) firstPass.push(performance.now() - t);
  }
  const samples: number[] = [];
  for (let i = 0; i < rounds * questions.length; i++) {
    const t = performance.now();
    await ask(i);
    samples.push(performance.now() - t);
  }
  const latency = summarize(samples);
  return {
    questions: questions.length,
    answerLatencyMs: latency,
    answerP50Ms: latency.p50,
    answerP95Ms: latency.p95,
    firstPassLatencyMs: summarize(firstPass),
    knowledgeStartupMs: summarize(startup),
    knowledgeLoadMs: summarize(load),
    engineStartupMs: Math.round(engineStartupMs * 1000) / 1000,
  };
}
