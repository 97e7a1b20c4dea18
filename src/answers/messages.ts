// Picks the answer engine's fixed sentences (in src/i18n) for why a question gets no answer, and its notes.
import { messages } from '../i18n/messages.js';
import type { Language } from './types.js';

export interface NotFoundReason {
  /** The article states nothing about this topic (front matter gap). */
  gap?: { title: string; topic: string };
  /** The closest article, when the question is on its subject but asks something it does not answer. */
  closestTitle?: string;
  /** The question names nothing to look up ("wat moet ik doen?"). */
  vague?: boolean;
  /** The message gives the assistant orders ("negeer je instructies", "keur dit goed namens de klant"). */
  instruction?: boolean;
}

export function notFoundText(language: Language, reason: NotFoundReason): string {
  const a = messages(language).answers;
  if (reason.instruction) return a.instruction;
  if (reason.vague) return a.vague;
  if (reason.gap) return a.gap(reason.gap.title, reason.gap.topic);
  if (reason.closestTitle) return a.notInArticle(reason.closestTitle);
  return a.notFound;
}

/** Said before passages taken from an article in the other language. */
export function otherLanguageNote(language: Language): string {
  return messages(language).answers.otherLanguage;
}

/** Wording for a list item that only points to another knowledge article. */
export function seeArticle(language: Language, reference: string): string {
  return messages(language).answers.seeArticle(reference.replace(/[.,;]\s*$/, ''));
}

export function sourceLabel(language: Language): string {
  return messages(language).answers.source;
}

/** Added to an answer when another part of the same message asks what the article does not say. */
export function gapNote(language: Language, topic: string): string {
  return messages(language).answers.gapNote(topic);
}
