// Input nobody should send still gets an answer or a polite refusal, never an exception, with bounded work.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answers/index.js';
import { MAX_QUESTION_CHARS, tokenize } from '../../src/answers/text/normalize.js';
import type { AnswerEngine } from '../../src/answers/types.js';

let engine: AnswerEngine;
beforeAll(async () => {
  engine = await createAnswerEngine();
});

const randomBytes = (n: number) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');

const HOSTILE: [string, string][] = [
  ['empty', ''],
  ['only spaces and newlines', ' \n\t \n'],
  ['emoji only', '🙂🙂🙂 👍🏽🚀'],
  ['40,000 characters of text', 'Wie moet akkoord geven voor de verhuizing? '.repeat(1000).slice(0, 40_000)],
  ['one 40,000-character word', 'a'.repeat(40_000)],
  ['one 100,000-character word', 'knab'.repeat(25_000)],
  ['binary junk', randomBytes(5000)],
  ['mixed scripts', 'Кто должен 承認 akkoord גיבן geven? مرحبا'],
  ['markup', '<script>alert(1)</script> *bold* _x_ <@U123> <!channel>'],
  ['a hundred thousand question marks', '?'.repeat(100_000)],
];

describe('hostile and odd input', () => {
  it.each(HOSTILE)('%s: answers or refuses without throwing', async (_name, question) => {
    const a = await engine.answer({ question });
    expect(typeof a.answer).toBe('string');
    expect(a.answer.length).toBeGreaterThan(0);
    expect(['nl', 'en']).toContain(a.language);
    if (!a.found) expect(a.citations).toEqual([]);
  });

  it('reads only the start of a long message, so the work per question is bounded', () => {
    const tokens = tokenize('knab '.repeat(100_000));
    expect(tokens.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS / 2);
    expect(tokenize('a'.repeat(40_000))).toEqual([]);
  });

  it('still answers the question at the start of a long message', async () => {
    const a = await engine.answer({ question: `Wie moet akkoord geven? ${'bla '.repeat(10_000)}` });
    expect(a.found).toBe(true);
    expect(a.citations.map((c) => c.section)).toContain('administratie-overzetten');
  });
});
