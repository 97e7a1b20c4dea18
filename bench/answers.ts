// Benchmarks the offline answer engine: start-up, answer latency over both evaluation sets, and hostile input.
import { fileURLToPath } from 'node:url';
import { EVAL_SETS, loadEvalQuestions } from '../src/answers/evaluate.js';
import { createAnswerEngine, DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../src/answers/index.js';
import { buildKnowledgeIndex } from '../src/answers/knowledge-index.js';
import { ScopeModel } from '../src/answers/learned/scope-model.js';
import { SentenceModel } from '../src/answers/learned/sentence-model.js';
import { summarize } from './stats.js';

/** The inputs the engine must survive quickly (issue: each within 50 ms, no stall of the event loop). */
function hostileInputs(): Record<string, string> {
  const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
  return {
    empty: '',
    emojiOnly: '🙂🙂🙂 👍🏽🚀',
    text40k: 'Wie moet akkoord geven voor de verhuizing en gaat de Knab mee? '.repeat(700).slice(0, 40_000),
    word40k: 'a'.repeat(40_000),
    word100k: 'knab'.repeat(25_000),
    binary: junk,
    mixedScripts: 'Кто должен 承認 akkoord גיבן geven? مرحبا '.repeat(200),
    questionMarks: '?'.repeat(100_000),
  };
}

export async function benchAnswers(
  options: { rounds?: number; warmup?: number } = {},
): Promise<Record<string, unknown>> {
  const rounds = options.rounds ?? 10;
  const warmup = options.warmup ?? 2;

  // Start-up: read and validate the Markdown, then build the concept matcher and the section models.
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
  // The engine as the service starts it: articles, section models, and both learned models trained from the example
  // questions with every question read for the first time (measured before anything below warms the feature cache).
  const firstEngine = performance.now();
  const engine = await createAnswerEngine();
  const engineStartupMs = performance.now() - firstEngine;
  // Training alone, with the questions' features already read (as the second model finds them at start-up).
  const examples = await loadEvalQuestions(fileURLToPath(EVAL_SETS.development));
  const { models } = buildKnowledgeIndex(await loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
  const training: number[] = [];
  const sentenceTraining: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    ScopeModel.train(examples);
    const t1 = performance.now();
    SentenceModel.train(examples, models);
    training.push(t1 - t0);
    sentenceTraining.push(performance.now() - t1);
  }

  const out: Record<string, unknown> = {
    knowledgeStartupMs: summarize(startup),
    knowledgeLoadMs: summarize(load),
    scopeModelTrainingMs: summarize(training),
    sentenceModelTrainingMs: summarize(sentenceTraining),
    engineStartupMs: Math.round(engineStartupMs * 1000) / 1000,
  };
  for (const [name, url] of Object.entries(EVAL_SETS)) {
    const questions = await loadEvalQuestions(fileURLToPath(url));
    const ask = (i: number) => {
      const q = questions[i % questions.length]!;
      return engine.answer({ question: q.question, previousQuestion: q.previousQuestion, locale: q.locale });
    };
    // The first pass sees every question for the first time (no JIT, no caches warm): closest to a live chat.
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
    out[name] = {
      questions: questions.length,
      answerLatencyMs: summarize(samples),
      firstPassLatencyMs: summarize(firstPass),
    };
  }
  const hostile: Record<string, number> = {};
  for (const [name, question] of Object.entries(hostileInputs())) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await engine.answer({ question });
      times.push(performance.now() - t);
    }
    hostile[name] = Math.round(Math.max(...times) * 1000) / 1000;
  }
  out.hostileInputMaxMs = hostile;
  return out;
}
