// The contract between the dialog engine and whatever answers knowledge questions.
export type Language = 'nl' | 'en';

export interface Citation {
  /** Article id from the knowledge file's front matter. */
  article: string;
  /** Stable section id inside the article. */
  section: string;
  /** Human title: article title and section heading. */
  title: string;
  url: string;
}

export interface AnswerRequest {
  question: string;
  /** Platform locale hint (e.g. "en-US"); used only when the text itself gives no language. */
  locale?: string;
  /** The previous question in the same thread, for short follow-ups ("en de Knab?"). */
  previousQuestion?: string;
}

export interface Answer {
  answer: string;
  language: Language;
  found: boolean;
  citations: Citation[];
  /** True when the question is about taking over a client: the reply offers "start a takeover". */
  suggestTakeover: boolean;
}

export interface AnswerEngine {
  answer(request: AnswerRequest): Promise<Answer>;
}
