// Decides whether to speak Dutch or English to a user: the text first, then the platform locale, else Dutch.
import type { Language } from '../answers/types.js';

// Words that belong to one language only; shared words ("is", "over", "in", "administratie"/"administration" look-alikes,
// "account", which Dutch users write for the Wolters Kluwer Account) are left out so they cannot tip the balance.
const EN = new Set(
  `the how what when where who which why do did are can could should would will my our your i you to and or
not take takes taking client clients move moved moving environment environments please help cancel
about with after before again have has need needs must there this that these those it its be been being get got users
user connection connections certificates certificate settings setting rights copied copy approve approval old new
invite linked previous accountant's feed feeds happens happen long does much cost costs 
existing history transfer transferred administrator set up any also too still only all thing things than then
give gives a for on at by from one some out into what's isn't don't doesn't won't can't we're they're hey hi thanks
carried carry kept keep doesnt dont isnt wont cant whats further reading first step ours even both more article articles
anything something nothing`.split(/\s+/),
);
const NL = new Set(
  `de het een hoe wat wanneer waar wie welke waarom doe doet zijn kan kun kunt kunnen moet moeten mijn onze jouw je ik
wij jij van en niet neem neemt overnemen klant klanten omgeving verhuizen overzetten graag hulp nieuwe overname stoppen
annuleren met bij dat dit die deze ook nog naar voor na nadat wordt worden word gaat gaan heb hebt heeft hebben er al
alle wel geen maar dan als om te zijn gebruiker gebruikers koppeling koppelingen bankkoppeling bankkoppelingen
certificaten certificaat instellingen rechten gekopieerd meegekopieerd akkoord geven beheerder oude vorige duurt kost
kosten blijft mee hoelang opnieuw aanmaken uitnodigen zoals wij jullie uw hier daar meer iets niets artikel
artikelen welk precies eigenlijk toch`.split(/\s+/),
);

/** Letter patterns that are typical for one language; they only count when function words do not decide. */
const NL_PATTERN = /(?:ij|oe|ui|aa|sch|heid|lijk|ngen)/;
const EN_PATTERN = /(?:th|wh|tion|ing\b|ould|ght|[^aeiou]ed\b)/;

/** Scores the words of a text against Dutch and English word lists; null when undecided. */
export function detectLanguageFromText(text: string): Language | null {
  let en = 0;
  let nl = 0;
  let enHint = 0;
  let nlHint = 0;
  const words =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[a-z']+/g) ?? [];
  for (const word of words) {
    const inEn = EN.has(word);
    const inNl = NL.has(word);
    if (inEn && !inNl) en++;
    if (inNl && !inEn) nl++;
    if (!inEn && !inNl && word.length > 3) {
      if (NL_PATTERN.test(word)) nlHint++;
      if (EN_PATTERN.test(word)) enHint++;
    }
  }
  if (en !== nl) return en > nl ? 'en' : 'nl';
  if (enHint !== nlHint) return enHint > nlHint ? 'en' : 'nl';
  return null;
}

export function languageFromLocale(locale: string | undefined): Language | null {
  if (!locale) return null;
  const l = locale.toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('nl')) return 'nl';
  return null;
}

export function chooseLanguage(text: string, locale?: string): Language {
  return detectLanguageFromText(text) ?? languageFromLocale(locale) ?? 'nl';
}
