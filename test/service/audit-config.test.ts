// AUDIT_ADMINS and PUBLIC_URL: read into the config, and a wrong value named in one line at start-up.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';

describe('audit configuration', () => {
  it('reads AUDIT_ADMINS as platform and user id, Teams ids with their colons', () => {
    const r = parseConfig({
      AUDIT_ADMINS: ' slack:U0123ABC , teams:29:1a2b-c3 ',
      PUBLIC_URL: 'https://o.example.com/',
    });
    expect(r.ok && r.config.auditAdmins).toEqual([
      { platform: 'slack', id: 'U0123ABC' },
      { platform: 'teams', id: '29:1a2b-c3' },
    ]);
    expect(r.ok && r.config.publicUrl).toBe('https://o.example.com');
    const none = parseConfig({});
    expect(none.ok && none.config.auditAdmins).toEqual([]);
  });

  it('names the variable of a wrong value', () => {
    const r = parseConfig({ AUDIT_ADMINS: 'slack:U1,U2', PUBLIC_URL: 'ftp://x' });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^AUDIT_ADMINS: expected comma-separated platform:user-id entries .* \(got "slack:U1,U2"\)$/,
    );
    expect(problems[1]).toMatch(/^PUBLIC_URL: expected an http\(s\) URL/);
  });
});
