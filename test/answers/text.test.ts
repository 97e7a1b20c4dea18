// The text pipeline: library stemmers, participles, contractions, compounds, guarded typos and gap triggers.
import { beforeAll, describe, expect, it } from 'vitest';
import { triggerMatches } from '../../src/answers/gaps.js';
import { createAnswerEngine, DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/answers/index.js';
import { buildKnowledgeIndex } from '../../src/answers/knowledge-index.js';
import type { ConceptMatcher } from '../../src/answers/matcher.js';
import { splitSentences } from '../../src/answers/passages.js';
import { asksDefinition, readQuestion } from '../../src/answers/question.js';
import { editDistance } from '../../src/answers/text/fuzzy.js';
import { MAX_WORD_LENGTH, tokenize, words } from '../../src/answers/text/normalize.js';
import { sharesKey, wordKeys } from '../../src/answers/text/stem.js';

const nl = (a: string, b: string) => sharesKey(wordKeys(a, 'nl'), wordKeys(b, 'nl'));
const en = (a: string, b: string) => sharesKey(wordKeys(a, 'en'), wordKeys(b, 'en'));

let matcher: ConceptMatcher;
beforeAll(async () => {
  const index = buildKnowledgeIndex(await loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
  matcher = [...index.models.values()][0]?.matcher as ConceptMatcher;
});

const conceptsOf = (text: string, language: 'nl' | 'en' = 'nl') =>
  matcher.match(tokenize(text), language).hits.map((h) => h.concept);

describe('stemming (Snowball through NLP.js)', () => {
  it.each([
    ['koppelingen', 'koppelen'],
    ['verhuizen', 'verhuizing'],
    ['certificaten', 'certificaat'],
    ['instellingen', 'instellen'],
    ['aanvragen', 'aanvraag'],
    ['gekopieerd', 'kopiëren'.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')],
    ['overgezet', 'overzetten'],
  ])('nl: %s ~ %s', (a, b) => expect(nl(a, b)).toBe(true));

  it.each([
    ['connections', 'connected'],
    ['copied', 'copy'],
    ['approvals', 'approve'],
    ['certificates', 'certificate'],
  ])('en: %s ~ %s', (a, b) => expect(en(a, b)).toBe(true));

  it('keeps a Dutch stem from meeting an unrelated English one', () => {
    // Porter2 stems "beheerder" to "beheerd", the Dutch for "managed": in a Dutch question they stay apart.
    expect(nl('beheerder', 'beheerde')).toBe(false);
  });
});

describe('reading words', () => {
  it('writes English contractions out', () => {
    expect(words("isn't it copied? we've got one, can't we").join(' ')).toBe(
      'is not it copied we have got one can not we',
    );
    expect(words('what doesnt get copied').join(' ')).toBe('what does not get copied');
    expect(words("wat doet z'n accountant")).toContain('zijn');
  });

  it("reads a noun's 's as a possessive and a pronoun's as is", () => {
    expect(words("the client's existing account").join(' ')).toBe('the client existing account');
    expect(words("it's the old firm's feed, what's next").join(' ')).toBe('it is the old firm feed what is next');
  });

  it('takes "what is" for a definition only when a thing follows', () => {
    expect(asksDefinition('what exactly is a wolters kluwer account')).toBe(true);
    expect(asksDefinition('what exactly is not carried over when an admin is transferred')).toBe(false);
    expect(asksDefinition('wat is er niet meegekopieerd')).toBe(false);
  });

  it('does not end a question at an abbreviation typed in chat', () => {
    const parts = readQuestion('Wat kost het om een adm. van een ander kantoor over te zetten?', matcher, 'nl');
    expect(parts.map((p) => p.text)).toEqual(['wat kost het om een adm. van een ander kantoor over te zetten']);
    expect(readQuestion('Dat is duidelijk. Wie keurt goed?', matcher, 'nl')).toHaveLength(2);
  });

  it('reads what asks: a verb-first piece of a question, a question after an abbreviation, an order to list', () => {
    const asks = (q: string) => readQuestion(q, matcher, 'nl').map((p) => p.asks);
    expect(asks('begint het met een aanvraag, of moet het oude kantoor eerst iets doen?')).toEqual([true, true]);
    expect(asks('Klant bankiert bij ING, en wie moet akkoord geven?')).toEqual([false, true]);
    expect(asks('klant heeft 3 bvs met elk een eigen adm. kan ik die allemaal overnemen')).toEqual([false, true]);
    expect(asks('geef me even een lijstje van alles wat niet meegaat')).toEqual([true]);
    expect(asks('de adm. is net binnen 🎉 wat zijn nu de volgende stappen')).toEqual([false, true]);
  });

  it('skips words longer than any real word, and reads only the start of a very long message', () => {
    expect(words(`${'a'.repeat(MAX_WORD_LENGTH + 1)} knab`)).toEqual(['knab']);
    expect(tokenize('knab '.repeat(50_000)).length).toBeLessThan(1000);
  });

  it('splits Dutch compounds against the article vocabulary', () => {
    expect(conceptsOf('rabokoppeling')).toEqual(expect.arrayContaining(['rabobank', 'connection']));
    expect(conceptsOf('btwrechten')).toEqual(expect.arrayContaining(['vat', 'rights']));
  });

  it('corrects a typo only to a word with the same first letter and one meaning', () => {
    expect(conceptsOf('akoord')).toContain('approve');
    expect(conceptsOf('which settigns', 'en')).toContain('settings');
    // "tekenen" is one letter from "rekening"-like words but never becomes one: different first letter.
    expect(conceptsOf('moet de klant tekenen')).not.toContain('bank');
    // Real short words are not typos: "staat" is not "start".
    expect(conceptsOf('waar staat dat')).not.toContain('start');
  });

  it('does not let one stem merge two concepts', () => {
    expect(conceptsOf('the administrator', 'en')).toContain('administrator');
    expect(conceptsOf('the administration', 'en')).not.toContain('administrator');
    expect(conceptsOf('my manager asked', 'en')).not.toContain('managed');
  });
});

describe('gap triggers', () => {
  it('match nearby words in order, or any distance with "..."', () => {
    expect(triggerMatches('who request', 'Who should request the move?', 'en')).toBe(true);
    expect(triggerMatches('who request', 'Who must approve the request?', 'en')).toBe(false);
    expect(triggerMatches('wie ... aanvragen', 'Wie moet de verhuizing aanvragen?')).toBe(true);
    expect(triggerMatches('ing', 'Staat de administratie in de omgeving?')).toBe(false);
    expect(triggerMatches('ing', 'Blijft de ING-koppeling werken?')).toBe(true);
    expect(triggerMatches('kosten', 'Wat kost het?')).toBe(true);
  });

  it('leave alone what the article does answer', async () => {
    const engine = await createAnswerEngine();
    const a = await engine.answer({ question: 'Will the VAT access rights still be in place after the migration?' });
    expect(a.citations.map((c) => c.section)).toContain('niet-meegekopieerd');
  });

  it('forgive a typo but not another form of the same root', () => {
    expect(triggerMatches('bestaande gebruikers', 'Komen de bestaande gebruikrs mee?')).toBe(true);
    expect(triggerMatches('bestaande gebruikers', 'Moet ik het bestaande gebruiken?')).toBe(false);
  });

  it('match the head of a Dutch compound when the trigger is a long word, never a short one', () => {
    expect(triggerMatches('bevestiging', 'Krijgen we een bevestigingsmail?')).toBe(true);
    expect(triggerMatches('bevestiging', 'Do we get a bevestigingsmail?', 'en')).toBe(false);
    expect(triggerMatches('datum', 'Wat is de datumnotatie?')).toBe(false);
  });
});

describe('helpers', () => {
  it('splits sentences but not inside a quoted title', () => {
    expect(splitSentences('Zie “Ik wil verhuizen. Hoe werkt dit?” hier. Tweede zin.')).toEqual([
      'Zie “Ik wil verhuizen. Hoe werkt dit?” hier.',
      'Tweede zin.',
    ]);
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('akoord', 'akkoord')).toBe(1);
    expect(editDistance('settigns', 'settings')).toBe(1);
    expect(editDistance('kost', 'knab', 1)).toBe(2);
  });
});
