// PUBLIC_URL, APPROVAL_LINK_SECRET, APPROVAL_LINK_DAYS, SMTP_URL and SMTP_FROM: validated at start-up, the secret never printed.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';

describe('external approver configuration', () => {
  it('is off without PUBLIC_URL and on with it, with a default of 7 days', () => {
    const off = parseConfig({});
    expect(off.ok && off.config.externalLinks).toBeUndefined();
    const on = parseConfig({ PUBLIC_URL: 'https://overname.example.nl/' });
    expect(on.ok && on.config.externalLinks).toEqual({ publicUrl: 'https://overname.example.nl', days: 7 });
  });

  it('requires APPROVAL_LINK_SECRET in production with PUBLIC_URL, naming the variable', () => {
    const r = parseConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://overname.example.nl', PLAYGROUND: 'off' });
    expect(r.ok ? [] : r.problems).toEqual([
      'APPROVAL_LINK_SECRET: required in production when PUBLIC_URL enables external approvers (not set)',
    ]);
  });

  it('takes SMTP_URL with SMTP_FROM, never prints the URL (it holds a password), and needs PUBLIC_URL', () => {
    const on = parseConfig({
      PUBLIC_URL: 'https://overname.example.nl',
      SMTP_URL: 'smtps://overname:geheim-wachtwoord@mail.example.nl:465',
      SMTP_FROM: 'overname@kantoor.nl',
    });
    expect(on.ok && on.config.externalLinks?.smtp).toEqual({
      url: 'smtps://overname:geheim-wachtwoord@mail.example.nl:465',
      from: 'overname@kantoor.nl',
    });
    const bad = parseConfig({
      PUBLIC_URL: 'https://overname.example.nl',
      SMTP_URL: 'https://geheim-wachtwoord@mail.example.nl',
      SMTP_FROM: 'geen adres',
    });
    const problems = bad.ok ? [] : bad.problems;
    expect(problems.join('\n')).not.toContain('geheim-wachtwoord');
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['SMTP_FROM', 'SMTP_URL']);
    const alone = parseConfig({ SMTP_URL: 'smtp://mail.example.nl:587' });
    expect(alone.ok ? [] : alone.problems).toEqual([
      'SMTP_URL: only used with PUBLIC_URL (there is no link to send) (value hidden)',
      'SMTP_FROM: required with SMTP_URL (the sender of the e-mails) (not set)',
    ]);
  });

  it('lets the playground offer outside approvers at its own address, but not in production without a secret', () => {
    const dev = parseConfig({});
    expect(dev.ok && dev.config.playgroundLinks).toEqual({ days: 7 });
    expect(dev.ok && dev.config.externalLinks).toBeUndefined();
    const withUrl = parseConfig({ PUBLIC_URL: 'https://overname.example.nl' });
    expect(withUrl.ok && withUrl.config.playgroundLinks).toBeUndefined();
    const off = parseConfig({ PLAYGROUND: 'off' });
    expect(off.ok && off.config.playgroundLinks).toBeUndefined();
    const production = parseConfig({ NODE_ENV: 'production', PLAYGROUND: 'on' });
    expect(production.ok && production.config.playgroundLinks).toBeUndefined();
    const secret = 'x'.repeat(32);
    const named = parseConfig({ NODE_ENV: 'production', PLAYGROUND: 'on', APPROVAL_LINK_SECRET: secret });
    expect(named.ok && named.config.playgroundLinks).toEqual({ secret, days: 7 });
  });

  it('never prints a too short secret, and checks the days', () => {
    const r = parseConfig({ APPROVAL_LINK_SECRET: 'kort-geheim', APPROVAL_LINK_DAYS: '0', PUBLIC_URL: 'geen url' });
    const problems = r.ok ? [] : r.problems;
    expect(problems.join('\n')).not.toContain('kort-geheim');
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'APPROVAL_LINK_DAYS',
      'APPROVAL_LINK_SECRET',
      'PUBLIC_URL',
    ]);
  });
});
