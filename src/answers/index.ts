// Entry point of the answer engine: loads the knowledge base and answers offline, or through OpenAI when configured.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../knowledge/index.js';
import { buildKnowledgeIndex } from './knowledge-index.js';
import { learnedModels } from './learned/index.js';
import { EXAMPLE_QUESTIONS } from './learned/scope-model.js';
import type { OpenAIOptions, WarnLogger } from './llm/options.js';
import { OfflineAnswerer } from './offline.js';
import type { AnswerEngine } from './types.js';

export { KnowledgeError, loadKnowledge } from '../knowledge/index.js';
export type { OpenAIOptions, WarnLogger } from './llm/options.js';
export type { Answer, AnswerEngine, AnswerRequest, Citation, Language } from './types.js';

/** The repository's knowledge/ directory, wherever the process was started from. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

export interface AnswerEngineOptions {
  knowledgeDir?: string;
  /** Without it the engine answers offline from the retrieved passages. */
  openai?: OpenAIOptions;
  logger?: WarnLogger;
}

const silent: WarnLogger = { warn: () => {} };

export async function createAnswerEngine(options: AnswerEngineOptions = {}): Promise<AnswerEngine> {
  const dir = options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  const articles = await loadKnowledge(dir);
  // Labelled example questions beside the articles train the learned scope model; without them the rules decide alone.
  const { models } = buildKnowledgeIndex(articles);
  const examples = join(dir, EXAMPLE_QUESTIONS);
  const learned = existsSync(examples) ? await learnedModels(examples, models) : undefined;
  const offline = new OfflineAnswerer(models, learned);
  if (!options.openai) return { answer: async (request) => offline.answer(request) };
  // Loaded only when used: the openai client is the slowest import and the CLI mostly runs offline.
  const { LlmAnswerer } = await import('./llm/answerer.js');
  return new LlmAnswerer(offline, options.openai, options.logger ?? silent);
}
