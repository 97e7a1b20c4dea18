// The learned models of one knowledge directory, trained once per process from its example questions: every engine
// of a process (the service, each test file, the CLI) shares them.
import type { SectionModel } from '../section-model.js';
import type { Language } from '../types.js';
import { loadExampleQuestions, ScopeModel } from './scope-model.js';
import { SentenceModel } from './sentence-model.js';

export interface LearnedModels {
  scope: ScopeModel;
  sentences: SentenceModel;
}

const trained = new Map<string, Promise<LearnedModels>>();

export function learnedModels(file: string, models: ReadonlyMap<Language, SectionModel>): Promise<LearnedModels> {
  let learned = trained.get(file);
  if (!learned) {
    learned = loadExampleQuestions(file).then((examples) => ({
      scope: ScopeModel.train(examples),
      sentences: SentenceModel.train(examples, models),
    }));
    learned.catch(() => trained.delete(file));
    trained.set(file, learned);
  }
  return learned;
}
