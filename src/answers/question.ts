// Reads a chat message as one or more questions ("Twee vragen: wie moet akkoord geven, en welke koppelingen…"),
// each with the concepts it names, the words nobody taught the engine, and whether it is phrased as a question.
import type { ConceptHit, ConceptMatcher } from './matcher.js';
import { prepare, type Token, tokenizePrepared } from './text/normalize.js';
import type { StemLanguage } from './text/stem.js';

export interface QuestionPart {
  text: string;
  tokens: Token[];
  hits: ConceptHit[];
  unknown: string[];
  /** Asked as a question (question mark, question word or inverted verb), not context ("we nemen een klant over"). */
  asks: boolean;
}

const QUESTION_WORDS = new Set(
  `wie wat welke welk hoe hoeveel hoelang waar wanneer waarom moet moeten moest kan kun kunt kunnen mag mogen
  word wordt worden werd gaat gaan ga blijft blijven is zijn zit zitten heb hebt heeft hebben krijg krijgt krijgen
  zal zullen zou zouden klopt graag who what which how where when why whom do does did is are was were can could
  should must will would shall may need needs have has any anything`.split(/\s+/),
);

/** Opens a second question inside one sentence: ", en welke …", " and do …", "; also …". */
const SECOND_QUESTION = new RegExp(
  `(?:,\\s*|\\s)(?:en|and|ook|also|plus|maar|but|of|or)\\s+(?=(?:${[...QUESTION_WORDS].join('|')})\\b)`,
  'g',
);

/** Sentence ends and list markers split a message; a colon ends a lead-in ("Mijn baas vraagt: …"). */
/** Abbreviations people type in chat ("een adm. van een ander kantoor"): their full stop ends no sentence. */
const ABBREVIATION = String.raw`(?<!\b(?:adm|admin|bv|bijv|ivm|ipv|i\.p\.v|o\.a|e\.g|i\.e|etc|nr|evt|mbt|m\.b\.t|incl|excl|ca|vs|resp|tav|t\.a\.v|z\.s\.m|zsm|mvg|dhr|mevr|mr|mrs|ms|dr|st))`;
// An emoji between two clauses ends the first ("… net binnen 🎉 wat zijn nu de volgende stappen?").
const SENTENCE_END = new RegExp(
  String.raw`[?!;:\n]+|${ABBREVIATION}\.(?:\s+|$)|\s(?:\d[.)]|[•*])\s|\s*\p{Extended_Pictographic}[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]*`,
  'gu',
);

/** A chat message asks a few things at most; the rest of a pasted text is not read. */
export const MAX_PARTS = 12;

/** "… met elk een eigen adm. kan ik die allemaal overnemen": after an abbreviation, a question still starts anew. */
const QUESTION_AFTER_ABBREVIATION =
  /(?<=\b(?:adm|admin|bv|mvg|etc)\.)\s+(?=(?:wie|wat|welke|hoe|waar|wanneer|waarom|who|what|which|how|where|when|why)\b|(?:kan|kun|kunnen|moet|moeten|mag|gaat|gaan|can|could|should|must|do|does|will)\s+(?:ik|je|jij|we|wij|u|i|you|they|het|de)\b)/;

function splitParts(prepared: string): string[] {
  const out: string[] = [];
  const sentences = prepared.split(SENTENCE_END).flatMap((s) => s.split(QUESTION_AFTER_ABBREVIATION));
  for (const sentence of sentences) {
    for (const piece of sentence.split(SECOND_QUESTION)) {
      if (piece.trim()) out.push(piece.trim());
      if (out.length >= MAX_PARTS) return out;
    }
  }
  return out;
}

/** Chat openers before the question itself: "ok the administration has been moved, what do i do next". */
const OPENER =
  /^(?:(?:ok(?:e|ay)?|so|dus|nou|right|alright|oh|well|hey|hi|hoi|hallo|hello|just to confirm|to confirm|quick check|quick question|quick q|even checken|ter controle|ter bevestiging)\b[\s,!.:]*)+/;
/** A question word with the verb before its subject is a question wherever it stands ("… what do i do next"). */
const INVERTED =
  /\b(?:wat|hoe|wie|welke|waar|wanneer|what|how|who|which|where|when)\s+(?:moet|moeten|kan|kun|kunt|mag|zal|do|does|did|should|must|can|could|shall)\s+(?:ik|we|wij|je|jij|u|i|you)\b/;
/**
 * "Kun je me vertellen …", "can you explain …", "leg in het kort uit …": a request to the assistant around the
 * question. Its verb names the assistant's telling, not the subject ("vertellen" is not informing the parties).
 */
const FILLER = String.raw`(?:(?:me|mij|ons|even|eens|nog|kort|in het kort|in grote lijnen|globaal|please|briefly|roughly)\s+)*`;
const REQUEST_FRAME = new RegExp(
  [
    String.raw`^(?:kun|kunt|kan|zou|wil|wilt)\s+(?:je|jij|u)\s+${FILLER}(?:vertellen|uitleggen|zeggen|laten weten)\b`,
    String.raw`^vertel\s+${FILLER}`,
    String.raw`^leg\s+${FILLER}uit\b`,
    String.raw`^(?:weet|snap)\s+(?:je|jij|u|iemand)\b`,
    String.raw`^(?:can|could|would|will)\s+(?:you|someone|anyone)\s+${FILLER}(?:tell|explain|outline|describe|summari[sz]e|let|walk|talk)(?:\s+(?:to\s+)?(?:me|us))?(?:\s+(?:know|through))?\b`,
    String.raw`^(?:please\s+)?(?:tell\s+(?:me|us)|explain(?:\s+(?:to\s+)?(?:me|us))?)\b`,
    String.raw`^(?:do|does)\s+(?:you|anyone|someone)\s+know\b`,
  ].join('|'),
);

/** A verb before its subject opens a question: "begint het …", "kan ik …", "gaat de koppeling …". */
const VERB_FIRST =
  /^[a-z]+\s+(?:ik|je|jij|we|wij|u|het|t|de|die|dat|dit|er|hij|zij|ze|i|you|it|the|they|there|this|that)\b/;
/** A verb without its subject opens the piece: "moet even inloggen", "need to plan around it". */
const ELLIPTIC = /^(?:moet|moeten|wil|ga|need|needs|have|has|want|wanna|gotta|must)\b/;
/** "Geef me een lijstje van …", "list what isn't copied": asked as an order to tell. */
const TELL_ME = /^(?:geef|noem|som|toon|give|list|show|name)\b/;

function asksSomething(raw: string, tokens: Token[]): boolean {
  if (/\?\s*$/.test(raw)) return true;
  if (TELL_ME.test(raw.replace(OPENER, ''))) return true;
  const first = tokens[0]?.word;
  if (first !== undefined && QUESTION_WORDS.has(first)) return true;
  const opened = raw.replace(OPENER, '');
  return QUESTION_WORDS.has(opened.split(/[^a-z0-9]+/)[0] ?? '') || INVERTED.test(raw);
}

/** The question without the chat opener and the request to the assistant around it. */
function withoutFrame(piece: string): string {
  const opened = piece.replace(OPENER, '');
  const bare = opened.replace(REQUEST_FRAME, '').trim();
  return bare.length > 0 ? bare : piece;
}

/**
 * "Wat is Digipoort?", "what exactly is a Wolters Kluwer Account?": a definition, which the article never gives ("wat
 * is de eerste stap", "wat is het advies" name something of the article and are not definitions).
 */
const DEFINITION_FILLER = String.raw`(?:(?:exactly|precies|eigenlijk|dan|nu|then|now)\s+)*`;
const DEFINITION = new RegExp(
  String.raw`^(?:wat|what)\s+${DEFINITION_FILLER}(?:is|zijn|are|betekent)\s+` +
    String.raw`(?!${DEFINITION_FILLER}(?:(?:de|het|the|een|a|an)\s+)?(?:eerste|first|step|stap|stappen|steps|advies|advice|handig|verschil)\b)` +
    String.raw`(?!${DEFINITION_FILLER}(?:de|het|the)\b)` +
    // "What exactly is NOT carried over?", "wat is er niet meegekopieerd?" ask what happens, not what a thing is.
    String.raw`(?!${DEFINITION_FILLER}(?:not|niet|er|still|nog)\b)`,
);

export function asksDefinition(text: string): boolean {
  return DEFINITION.test(text);
}

/**
 * Asks what this article itself covers ("waar gaat dit kennisartikel over?", "what does the article on taking over a
 * client cover, in a nutshell?"), which its introduction says; "is er een artikel over rapporten?" asks for another.
 */
const THIS_ARTICLE = String.raw`\b(?:dit|dat|het|deze|die|this|that|the)\s+(?:\S+\s+)?(?:kennisartikel|artikel|article)\b`;
const COVERS = String.raw`\b(?:over|behandelt|behandeld|aan\s+bod|leer|leert|uitleg|inhoud|bedoeld|voor\s+wie|cover|covers|about|explain|explains|summary|samenvatting|nutshell|in\s+het\s+kort|in\s+short|intended|meant|for\s+whom|for(?=\s*$))\b`;
const ABOUT_THE_ARTICLE = new RegExp(
  String.raw`^(?:(?!\b(?:is\s+er|are\s+there|is\s+there|apart|separate|another|ander|andere|waar\s+(?:lees|vind)|where\s+(?:can|do)\b)).)*(?:${THIS_ARTICLE}.*${COVERS}|${COVERS}.*${THIS_ARTICLE})`,
);

export function asksAboutTheArticle(text: string): boolean {
  return (
    ABOUT_THE_ARTICLE.test(text) &&
    /\b(?:wat|waar|welke|wie|what|which|who|whom|leg|explain|summari[sz]e|vat)\b/.test(text)
  );
}

/**
 * A request that the assistant itself approve, reject or sign ("kun je de overzetting even goedkeuren namens mij?",
 * "approve transfer for Visser Holding pls", "keur de overname goed aub"): approvals are the named person's buttons,
 * so such a message is an order, not a question about the article. "Kun je vertellen wie moet goedkeuren?" and
 * "can you tell me who approves?" ask about approving and are not matched.
 */
const DECIDE_NL = String.raw`(?:goed\s*keuren|goedkeuren|goedkeurt|accorderen|ondertekenen|afkeuren|akkoord\s+(?:geven|gaan))`;
const DECIDE_EN = String.raw`(?:approve|sign\s+off|accept|reject|decline)`;
const ASKS_ABOUT = String.raw`\b(?:wie|wat|welke|hoe|waar|wanneer|waarom|checken|kijken|nagaan|uitleggen|vertellen|zeggen|laten\s+weten|uitzoeken|who|what|which|how|where|when|why|whether|if|tell|explain|show|check|see|let\s+me\s+know)\b`;
const ORDERS = [
  // Dutch puts the verb last: "wil je mijn verhuisverzoek alvast goedkeuren?".
  new RegExp(String.raw`\b(?:wil|kun|kan|zou|mag)\s+(?:je|jij|u)\b(?:(?!${ASKS_ABOUT}).){0,80}\b${DECIDE_NL}\b`),
  new RegExp(
    String.raw`(?:^|[,;]\s*)(?:(?:graag|aub|alsjeblieft|svp|pls|please)\s+)?(?:keur|accordeer|onderteken|teken|weiger)\b(?:(?!${ASKS_ABOUT}).)*$`,
  ),
  new RegExp(
    String.raw`\b(?:can|could|would|will)\s+you\s+(?:please\s+|pls\s+|just\s+|quickly\s+|already\s+|go\s+ahead\s+and\s+)*${DECIDE_EN}\b`,
  ),
  new RegExp(String.raw`(?:^|[,;]\s*)(?:(?:please|pls|kindly)\s+)?${DECIDE_EN}\b(?:(?!${ASKS_ABOUT}).)*$`),
  // "I'm the admin of the new environment, please approve the move for Smith Ltd right now."
  new RegExp(String.raw`\b(?:please|pls|kindly)\s+(?:just\s+|quickly\s+)?${DECIDE_EN}\b(?:(?!${ASKS_ABOUT}).)*$`),
  new RegExp(
    String.raw`\b${DECIDE_EN}\b.*\b(?:for\s+me|on\s+my\s+behalf|in\s+my\s+name)\b|\b${DECIDE_NL}\b.*\bnamens\s+mij\b`,
  ),
  // "Geef jij even akkoord namens mij?", "geef akkoord voor Jansen bv aub": the verb first, the approval after it.
  new RegExp(
    String.raw`(?:^|[,;]\s*)(?:(?:graag|aub|alsjeblieft|svp|pls)\s+)?geef\s+(?:(?:jij|je|u|even|eens|nu|alvast|maar)\s+)*(?:\w+\s+){0,2}akkoord\b(?:(?!${ASKS_ABOUT}).)*$`,
  ),
];

/**
 * A request that the assistant itself act for someone ("stuur jij even een mailtje naar het oude kantoor", "can you
 * email the old firm?"). Dutch "kan je de gebruiker aanmaken …?" often means "can one …", so only "jij" or a "je"
 * with "even" or "alvast" addresses the assistant; "send me" and "remind me" ask for information.
 */
const ACT_NL = String.raw`(?:sturen|versturen|doorsturen|mailen|e\s?mailen|bellen|regelen|aanmaken|uitnodigen|aanvragen|starten|indienen|contacteren)`;
const ACT_EN = String.raw`(?:send|e-?mail|mail|message|ping|call|phone|contact|invite|create|set\s+up|request|start|submit|notify|remind|chase)`;
const ADDRESSED_NL = String.raw`(?:jij|(?:je|u)\s+(?:even|ff|eens|alvast|snel))`;
const ACTS = [
  new RegExp(String.raw`\b(?:wil|kun|kan|zou)\s+${ADDRESSED_NL}\b(?:(?!${ASKS_ABOUT}).){0,80}\b${ACT_NL}\b`),
  new RegExp(String.raw`^(?:stuur|mail|bel|regel|maak|nodig|start|dien|vraag)\s+${ADDRESSED_NL}\b`),
  new RegExp(
    String.raw`\b(?:can|could|would|will)\s+you\s+(?:please\s+|pls\s+|just\s+|quickly\s+)*${ACT_EN}\b(?!\s+(?:me|us)\b)(?:(?!${ASKS_ABOUT}).)*$`,
  ),
];

export function ordersTheAssistant(text: string): boolean {
  return ORDERS.some((pattern) => pattern.test(text)) || ACTS.some((pattern) => pattern.test(text));
}

export function readQuestion(text: string, matcher: ConceptMatcher, language: StemLanguage): QuestionPart[] {
  const prepared = prepare(text);
  const parts: QuestionPart[] = [];
  // The question marks are read from the prepared text, so each part knows whether it ended in one.
  let cursor = 0;
  const lastMark = prepared.lastIndexOf('?');
  for (const piece of splitParts(prepared)) {
    const at = prepared.indexOf(piece, cursor);
    cursor = at >= 0 ? at + piece.length : cursor;
    // Only the mark that ends this piece counts, not the next sentence ("klopt dat? En wie …").
    const rest = prepared.slice(cursor);
    // "begint het met een aanvraag, of moet …?": a verb-first piece split off a question asks too.
    const sentenceAsks = /^[^?!.;:\n]*\?/.test(rest) && VERB_FIRST.test(piece);
    const mark = at >= 0 && (/^\s*\?/.test(rest) || sentenceAsks) ? '?' : '';
    const all = tokenizePrepared(piece);
    if (!all.length) continue;
    // "Wat is het wachtwoord? moet even inloggen": after the message's last question mark, a piece without a subject
    // or a question word of its own gives the reason for asking, it asks nothing.
    const reason =
      at >= 0 && !mark && at > lastMark && lastMark >= 0 && ELLIPTIC.test(piece) && !VERB_FIRST.test(piece);
    const asks = !reason && asksSomething(piece + mark, all);
    const text = withoutFrame(piece);
    const tokens = text === piece ? all : tokenizePrepared(text);
    const { hits, unknown } = matcher.match(tokens, language);
    parts.push({ text, tokens, hits, unknown, asks });
  }
  return parts;
}

/** The distinct concepts of a part, strongest tier first. */
export function conceptsOf(part: Pick<QuestionPart, 'hits'>): Map<string, ConceptHit> {
  const order = { anchor: 0, topic: 1, context: 2 } as const;
  const out = new Map<string, ConceptHit>();
  for (const h of [...part.hits].sort((a, b) => order[a.tier] - order[b.tier])) {
    if (!out.has(h.concept)) out.set(h.concept, h);
  }
  return out;
}
