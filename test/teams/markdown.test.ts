// The core's markup as Teams markdown: formatting kept, user text escaped, mentions as <at> tags with entities.
import { describe, expect, it } from 'vitest';
import { Mentions, plainText, renderMarkdown } from '../../adapters/teams/markdown.js';
import { link, md, mention } from '../../src/dialog/markup.js';

describe('renderMarkdown', () => {
  it('keeps bold, italic, links and lists, with list items on consecutive lines', () => {
    const markup = `**Klant** _let op_ ${link('Artikel', 'https://example.com/a b')}\n- een\n- twee\nslot`;
    expect(renderMarkdown(markup, 'card')).toBe(
      '**Klant** _let op_ [Artikel](https://example.com/a%20b)\n\n- een\n- twee\n\nslot',
    );
  });

  it('turns mentions into <at> tags with one entity per person', () => {
    const mentions = new Mentions();
    const text = renderMarkdown(
      `${mention('29:a', 'Otto Oud')} en ${mention('29:a', 'Otto Oud')}`,
      'message',
      mentions,
    );
    expect(text).toBe('<at>Otto Oud</at> en <at>Otto Oud</at>');
    expect(mentions.entities).toEqual([
      { type: 'mention', text: '<at>Otto Oud</at>', mentioned: { id: '29:a', name: 'Otto Oud' } },
    ]);
    expect(renderMarkdown(mention('29:a', 'Otto'), 'card')).toBe('@Otto');
  });

  it('escapes user text once, the same way in cards and messages: no formatting, link, mention or HTML', () => {
    const Z = '\u200b';
    const userText = '*ster* _x_ [a](https://evil) <b>& <at>Bram</at> &lt;';
    const expected = `\\*ster\\* \\_x\\_ \\[a\\](https://evil) <${Z}b>& <${Z}at>Bram<${Z}/at> &${Z}lt;`;
    expect(renderMarkdown(md`${userText}`, 'card')).toBe(expected);
    expect(renderMarkdown(md`${userText}`, 'message')).toBe(expected);
    expect(renderMarkdown(md`# kop`, 'card')).toBe('\\# kop');
  });

  it('never makes a non-web link clickable', () => {
    expect(renderMarkdown('[klik](javascript:alert)', 'card')).toBe('klik');
  });

  it('gives plain text for summaries', () => {
    expect(plainText(`**Overname** ${mention('29:a', 'Otto')}\n- punt`)).toBe('Overname @Otto\n• punt');
  });
});
