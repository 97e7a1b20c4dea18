// Markup → Slack mrkdwn, Slack text → plain question, truncation that never breaks an escape, action ids.
import { describe, expect, it } from 'vitest';
import { actionIdOf, parseActionId, payloadOf } from '../../adapters/slack/action-id.js';
import { escapeMrkdwn, fromSlackText, toMrkdwn, toSafePlain } from '../../adapters/slack/mrkdwn.js';
import { splitMrkdwn, truncateMrkdwn, truncatePlain } from '../../adapters/slack/truncate.js';
import { escapeMarkup, link, md, mention } from '../../src/dialog/markup.js';

describe('toMrkdwn', () => {
  it('renders bold, italic, bullets, links and Slack mentions', () => {
    const markup = `**Klant**: _wacht_\n- ${mention('U0123ABC', 'Karin')}\n- ${link('Bron [1]', 'https://example.com/a?b=1&c=2')}`;
    expect(toMrkdwn(markup)).toBe('*Klant*: _wacht_\n• <@U0123ABC>\n• <https://example.com/a?b=1&amp;c=2|Bron [1]>');
  });

  it('keeps a link address whole: no zero width space after its _ or *, only the three entities', () => {
    const url = 'https://x.example/goedkeuring/ab_c*d.e-f?g=1&h=2';
    expect(toMrkdwn(link(url, url))).toBe(
      '<https://x.example/goedkeuring/ab_c*d.e-f?g=1&amp;h=2|https://x.example/goedkeuring/ab_\u200bc*\u200bd.e-f?g=1&amp;h=2>',
    );
  });

  it('escapes &, < and > in user text, so it cannot ping, mention or link', () => {
    const user = '<!channel> <@U999> <https://evil.example|Rabobank> & co';
    const out = toMrkdwn(md`Klant: ${user}`);
    expect(out).toBe('Klant: &lt;!channel&gt; &lt;@U999&gt; &lt;https://evil.example|Rabobank&gt; &amp; co');
    expect(escapeMrkdwn('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(toSafePlain(md`${user}`)).not.toContain('<');
  });

  it('keeps a link with "_" working in the plain text notifications read', () => {
    const url = 'https://overname.example.com/goedkeuring/ab_c-d_e';
    const plain = toSafePlain(`Stuur dit: ${link('open de pagina', url)} en _${escapeMarkup('klant_1')}_`);
    expect(plain).toContain(`open de pagina (<${url}>)`);
    // Text around it stays escaped: the "_" in the name is not formatting.
    expect(plain).toContain('klant_\u200b1');
    expect(toSafePlain(link('javascript:x', 'javascript:alert(1)'))).not.toContain('<javascript');
  });

  it('shows a non-Slack user id as a name and an unsafe link as text', () => {
    expect(toMrkdwn(mention('teams:29:abc', 'Tom <x'))).toBe('@Tom &lt;x');
    expect(toMrkdwn('[klik](javascript:alert(1))')).not.toContain('<javascript');
  });

  it('keeps markers next to the words, as Slack needs', () => {
    expect(toMrkdwn('** vet **')).toBe(' *vet* ');
  });

  it('keeps *, _, ~ and ` in user text literal: a zero width space after each, so Slack formats nothing', () => {
    const Z = '\u200b';
    expect(toMrkdwn(escapeMarkup('*niet vet*'))).toBe(`*${Z}niet vet*${Z}`);
    expect(toMrkdwn(md`Administraties: ${'_1001_ ~oud~ `code`'}`)).toBe(
      `Administraties: _${Z}1001_${Z} ~${Z}oud~${Z} \`${Z}code\`${Z}`,
    );
    // What a reader sees (and copies) without the invisible spaces is exactly what was typed.
    expect(toMrkdwn(md`${'*x* _y_'}`).replaceAll(Z, '')).toBe('*x* _y_');
  });
});

describe('fromSlackText', () => {
  it('drops the bot mention and makes the rest readable', () => {
    expect(fromSlackText('<@UBOT> hoe zit het met <#C1|algemeen> &amp; <https://x.nl|dit>?', 'UBOT')).toBe(
      'hoe zit het met #algemeen & dit?',
    );
    expect(fromSlackText('<@UBOT>   <@UOTHER> help <!here>', 'UBOT')).toBe('@UOTHER help @here');
  });
});

describe('truncation', () => {
  it('cuts plain text with an ellipsis and never inside an emoji', () => {
    expect(truncatePlain('abcdef', 4)).toBe('abc…');
    expect(truncatePlain('ab👍cd', 4)).toBe('ab…');
    expect(truncatePlain('kort', 10)).toBe('kort');
  });

  it('ends on a word boundary when one is near', () => {
    expect(truncatePlain('Bakkerij De Korst Vastgoed', 20)).toBe('Bakkerij De Korst…');
    expect(truncatePlain('Supercalifragilistic', 10)).toBe('Supercali…');
  });

  it('never leaves a literal * without its zero width space', () => {
    const text = escapeMrkdwn('a*b*c*d*e*f');
    for (let max = 2; max < text.length; max++) expect(truncateMrkdwn(text, max)).not.toMatch(/[*_~`]…$/);
  });

  it('never cuts mrkdwn inside an entity, a link or a mention', () => {
    expect(truncateMrkdwn('ab &amp; cd', 6)).toBe('ab…');
    expect(truncateMrkdwn('zie <https://example.com|bron> nu', 12)).toBe('zie…');
    for (let max = 2; max < 40; max++) {
      const t = truncateMrkdwn('x &lt;y&gt; <@U0123ABC> <https://e.nl|z> &amp;', max);
      expect(t.length).toBeLessThanOrEqual(max);
      expect(t).not.toMatch(/&[a-z]*…$|<[^>]*…$/);
    }
  });

  it('splits long mrkdwn into pieces that add up to the whole', () => {
    const text = Array.from({ length: 200 }, (_, i) => `regel ${i} &amp; <@U0123ABC>`).join('\n');
    const parts = splitMrkdwn(text, 500);
    expect(parts.every((p) => p.length <= 500)).toBe(true);
    expect(parts.join('\n')).toBe(text);
    const oneLine = '&amp;'.repeat(300);
    const pieces = splitMrkdwn(oneLine, 301);
    expect(pieces.join('')).toBe(oneLine);
    expect(pieces.every((p) => /^(&amp;)+$/.test(p))).toBe(true);
  });
});

describe('action ids', () => {
  it('encodes action and role or item, and parses them back', () => {
    expect(actionIdOf({ action: 'approve', label: 'x', role: 'client' })).toBe('approve:client');
    expect(actionIdOf({ action: 'checklist_na', label: 'x', item: 'knab' })).toBe('checklist_na:knab');
    expect(actionIdOf({ action: 'confirm_transfer', label: 'x' })).toBe('confirm_transfer');
    expect(parseActionId('reject:oldEnvironmentAdmin')).toEqual({ action: 'reject', arg: 'oldEnvironmentAdmin' });
    expect(payloadOf(parseActionId('checklist_done:rabobank')!)).toEqual({ item: 'rabobank' });
    expect(payloadOf(parseActionId('snooze:3')!)).toEqual({ days: '3' });
    expect(payloadOf(parseActionId('cancel:x')!)).toEqual({});
  });

  it('refuses anything malformed', () => {
    for (const bad of [
      undefined,
      42,
      '',
      'approve:',
      ':client',
      'a:b:c',
      'APPROVE',
      'approve:<!channel>',
      'x'.repeat(300),
    ]) {
      expect(parseActionId(bad)).toBeUndefined();
    }
  });
});
