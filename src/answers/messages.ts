// Fixed texts of the answer engine in Dutch and English: refusals always point to Twinfield Support.
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
  if (language === 'nl') {
    if (reason.instruction) {
      return 'Ik beantwoord alleen vragen over het kennisartikel; opdrachten aan mij, zoals iets goedkeuren of mijn instructies veranderen, voer ik niet uit. Akkoord geven doe je met de knoppen op de overnamekaart.';
    }
    if (reason.vague) {
      return 'Kun je je vraag iets specifieker stellen? Ik beantwoord vragen uit de kennisbank, bijvoorbeeld over het overnemen van een klant uit een andere Twinfield-omgeving.';
    }
    if (reason.gap) {
      return `Het kennisartikel “${reason.gap.title}” zegt niet ${reason.gap.topic}, dus daar kan ik geen betrouwbaar antwoord op geven. Neem hiervoor contact op met Twinfield Support.`;
    }
    if (reason.closestTitle) {
      return `Dat staat niet in de kennisbank: het kennisartikel “${reason.closestTitle}” beantwoordt deze vraag niet. Neem hiervoor contact op met Twinfield Support.`;
    }
    return 'Daar kan ik geen antwoord op geven: de kennisbank behandelt deze vraag niet. Neem hiervoor contact op met Twinfield Support.';
  }
  if (reason.instruction) {
    return "I only answer questions about the knowledge article; I don't carry out instructions such as approving something or changing my rules. Approvals are given with the buttons on the takeover card.";
  }
  if (reason.vague) {
    return 'Could you make your question a bit more specific? I answer questions from the knowledge base, for example about taking over a client from another Twinfield environment.';
  }
  if (reason.gap) {
    return `The knowledge article “${reason.gap.title}” does not say ${reason.gap.topic}, so I can't give you a reliable answer. Please contact Twinfield Support about this.`;
  }
  if (reason.closestTitle) {
    return `The knowledge base does not cover this: the knowledge article “${reason.closestTitle}” does not answer this question. Please contact Twinfield Support about this.`;
  }
  return "I can't answer that: the knowledge base does not cover this question. Please contact Twinfield Support about this.";
}

/** Said before passages taken from an article in the other language. */
export function otherLanguageNote(language: Language): string {
  return language === 'nl'
    ? 'Dit staat alleen in een Engelstalig artikel:'
    : 'This is only described in a Dutch article:';
}

/** Wording for a list item that only points to another knowledge article. */
export function seeArticle(language: Language, reference: string): string {
  const text = reference.replace(/[.,;]\s*$/, '');
  return language === 'nl' ? `Zie het kennisartikel ${text}.` : `See the knowledge article ${text}.`;
}

export function sourceLabel(language: Language): string {
  return language === 'nl' ? 'Bron' : 'Source';
}

/** Added to an answer when another part of the same message asks what the article does not say. */
export function gapNote(language: Language, topic: string): string {
  return language === 'nl'
    ? `Het kennisartikel zegt niet ${topic}; daarvoor kun je contact opnemen met Twinfield Support.`
    : `The knowledge article does not say ${topic}; Twinfield Support can help with that.`;
}
