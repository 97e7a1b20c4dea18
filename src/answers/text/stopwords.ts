// Words that carry no topic in a question or article sentence, Dutch and English together (users mix them).
// Question words that ask for something the article may not give (hoe lang, waar, wanneer) stay meaningful elsewhere:
// they are handled by the gap triggers, which look at every word.

const DUTCH = `aan al alle alleen als alsjeblieft alstublieft ben bent ben bij bijvoorbeeld dan dat de deze dit die dien dienen dient
doe doen doet door dus een eens eigenlijk en er even gaat gaan ga geldt had heb hebben heeft het hier hierbij hiervoor
hij hoe hoeft hoeven ik in is je jij jou jouw ju kan kun kunnen kunt laat laten maar me mag mij mijn moet moeten
mogen naar niks nou nu of om onze ons ook op over precies nog ons u uw van via voor waar wanneer wat we
welk welke wie wij wil willen word worden wordt zal zij zijn zo zodat zou zouden graag svp iets dingen ding zaken
allemaal uitvoeren uitgevoerd werkt werken meer krijg krijgt krijgen regelen regel geregeld handle arrange sturen versturen send zit zitten automatisch automatically vanzelf staat staan gebeurt gebeuren blijft blijven met te uit tot tegen zonder per daar daarna daarvoor dus eerst gewoon hoor toch waarom hoeveel zelf zullen werd welk echter al`;

const ENGLISH = `a about also am an and any anything are as at be been being but by can could did do does doing done for
from get gets getting had has have having he her here how i if in into is it its just me might must my need needs
of on or our please should so some something than that the their them then there these they thing things this to
too us was we were what when where which who whom why will with would you your yours exactly actually really
there's what's whats hi hello thanks thank happen happens more work works carry perform let lets does don't dont going want wants`;

export const STOPWORDS: ReadonlySet<string> = new Set(`${DUTCH} ${ENGLISH}`.split(/\s+/).filter(Boolean));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
