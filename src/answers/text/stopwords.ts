// Words that carry no topic: NLP.js's Dutch and English stopword lists plus the greetings and fillers of chat.
// They are never "unknown words" when judging how much of a question the engine understood.
import { StopwordsEn } from '@nlpjs/lang-en-min';
import { StopwordsNl } from '@nlpjs/lang-nl';

const CHAT = `hoi hallo hey hi hello hiya goedemorgen goedemiddag goedenavond morgen middag dag beste team collega collegas
allen iedereen thanks thank thx tnx dank bedankt alvast groet groeten mvg gr svp pls plz please ajb alsjeblieft
alstublieft graag even vraagje vraag vragen question questions quick one kort snel eigenlijk gewoon toch hoor nou
zeg allee ge gij nen ne wa da nie ier else someone's jij je jou jouw jullie u uw we wij ons onze ik mij mijn me my i you your we our us they them their
ok oke okay yes ja nee no sure ergens samen together somewhere dingen ding zaken stuff things allemaal alles all everything coming going anything something iets niets just really actually basically wondering wonder anyone someone somebody iemand
zou zouden kunnen kan kun kunt moet moeten mag mogen wil willen zal zullen hoe wat wie welke welk waar wanneer
waarom how what who which where when why whether does do did is are was were be been can could should would will
shall must may might need needs have has had get gets got let lets also ook nog wel dan dus maar en of and or but
the a an de het een dit dat deze die this that these those there here er hier daar`;

// Verbs and nouns of any conversation: knowing them says nothing about the subject, so they are not "unknown".
const GENERIC = `geven geef geeft gegeven doe doen doet gedaan krijg krijgt krijgen gekregen zit zitten staat staan stond
gaat gaan ging komt komen kwam gebruik gebruiken gebruikt gebruikte weten weet denk denken zeggen zegt vindt vinden
werkt werken werkte gebeurt gebeuren gebeurd nodig hoeft hoeven lukt lukken klopt kloppen regel regelen geregeld
zien zie ziet kijken kijk bedoel bedoelen willen wilde moeten moest kunnen kon straks nu zometeen binnenkort net al
vraagt vroeg vragen baas chef manager leidinggevende partner collega collegas team eigenaar situatie context
zorg zorgen ervoor gotta gonna wanna give gives gave given do does did done get gets got make makes use uses used know think say says said find work works
happen happens happened need needs needed want wants wanted see look mean try asked asks ask boss manager partner
colleague colleagues team owner situation context now soon already still right correct exactly anyway then sit sits
sitting sat`;

const words = new Set<string>([
  ...Object.keys(new StopwordsNl().dictionary).map((w) => w.trim()),
  ...Object.keys(new StopwordsEn().dictionary).map((w) => w.trim()),
  ...CHAT.split(/\s+/),
  ...GENERIC.split(/\s+/),
]);

export function isStopword(word: string): boolean {
  return words.has(word);
}

/**
 * Unknown words that still name no thing of their own: a list asked for ("list of stuff that doesn't survive the
 * migration pls", "geef me ff een lijstje") and negations.
 */
const NAMES_NOTHING = new Set(
  `list lijst lijstje overview overzicht items item onderdelen onderdeel elements bits ff effe not niet no geen never
  nooit whose wiens wier currently presently momenteel possible mogelijk`.split(/\s+/),
);

export function namesNothing(word: string): boolean {
  return words.has(word) || NAMES_NOTHING.has(word);
}
