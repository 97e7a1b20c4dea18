// The text pipeline: stemmers map word forms together, and gap triggers match the questions they are meant for.
import { describe, expect, it } from 'vitest';
import { triggerMatches } from '../../src/answers/gaps.js';
import { splitSentences } from '../../src/answers/passages.js';
import { editDistance } from '../../src/answers/text/fuzzy.js';
import { stemEnglish } from '../../src/answers/text/stem-en.js';
import { dutchParticipleVariants, stemDutch } from '../../src/answers/text/stem-nl.js';

describe('Dutch stemming', () => {
  it.each([
    ['koppelingen', 'koppelen'],
    ['verhuizen', 'verhuisd'],
    ['verhuizing', 'verhuist'],
    ['certificaten', 'certificaat'],
    ['instellingen', 'instellen'],
    ['beheerde', 'beheer'],
    ['aanvragen', 'aanvraag'],
  ])('%s ~ %s', (a, b) => {
    expect(stemDutch(a)).toBe(stemDutch(b));
  });

  it('finds the stem behind a participle', () => {
    expect(dutchParticipleVariants('gekopieerd').map(stemDutch)).toContain(
      stemDutch('kopiëren'.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')),
    );
    expect(dutchParticipleVariants('ingesteld').map(stemDutch)).toContain(stemDutch('instellen'));
    expect(dutchParticipleVariants('overgezet').map(stemDutch)).toContain(stemDutch('overzetten'));
  });
});

describe('English stemming', () => {
  it.each([
    ['connections', 'connected'],
    ['copied', 'copy'],
    ['settings', 'set'],
    ['moving', 'moved'],
    ['certificates', 'certificate'],
  ])('%s ~ %s', (a, b) => {
    expect(stemEnglish(a)).toBe(stemEnglish(b));
  });

  it('keeps administrator and administration apart', () => {
    expect(stemEnglish('administrator')).not.toBe(stemEnglish('administration'));
  });
});

describe('gap triggers', () => {
  it('match nearby words in order, or any distance with "..."', () => {
    expect(triggerMatches('who request', 'Who should request the move?')).toBe(true);
    expect(triggerMatches('who request', 'Who must approve the request?')).toBe(false);
    expect(triggerMatches('wie ... aanvragen', 'Wie moet de verhuizing aanvragen?')).toBe(true);
    expect(triggerMatches('ing', 'Staat de administratie in de omgeving?')).toBe(false);
    expect(triggerMatches('ing', 'Blijft de ING-koppeling werken?')).toBe(true);
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
