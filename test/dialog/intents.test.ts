// Which chat messages are commands (help, start, status, my takeovers, history, cancel) and which are questions.
import { describe, expect, it } from 'vitest';
import { detectIntent, historyQuery, intentLanguage } from '../../src/dialog/intents.js';

describe('intents', () => {
  it('tells commands from questions', () => {
    expect(detectIntent('mijn overnames')).toBe('mine');
    expect(detectIntent('My takeovers?')).toBe('mine');
    expect(detectIntent('geschiedenis Bakkerij De Korst')).toBe('history');
    expect(detectIntent('history')).toBe('history');
    // With a question mark it is a question about the article, not a command.
    expect(detectIntent('gaat de historie mee?')).toBe('question');
    expect(detectIntent('geschiedenis van de klant mee?')).toBe('question');
    expect(detectIntent('   ')).toBe('empty');
  });

  it("reads the client or case id after 'geschiedenis', without what copying from Slack adds", () => {
    expect(historyQuery('  geschiedenis   Bakkerij De Korst B.V. ')).toBe('Bakkerij De Korst B.V.');
    expect(historyQuery('history ZbD4BZtVJvk_\u200b')).toBe('ZbD4BZtVJvk_');
    expect(historyQuery('geschiedenis')).toBe('');
  });

  it('answers in the language of the command', () => {
    expect(intentLanguage('my takeovers')).toBe('en');
    expect(intentLanguage('mijn overnames')).toBe('nl');
    expect(intentLanguage('history Acme')).toBe('en');
  });
});
