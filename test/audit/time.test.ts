// Audit times: local ISO with the offset of the moment (daylight saving included), and what --since accepts.
import { describe, expect, it } from 'vitest';
import { localIso, parseSince } from '../../src/audit/time.js';

const AMS = 'Europe/Amsterdam';

describe('audit times', () => {
  it('writes the wall-clock time in the zone with the offset of that moment', () => {
    expect(localIso('2026-03-29T00:59:59.999Z', AMS)).toBe('2026-03-29T01:59:59.999+01:00');
    expect(localIso('2026-03-29T01:00:00.000Z', AMS)).toBe('2026-03-29T03:00:00.000+02:00');
    // The hour that happens twice in October is told apart by its offset.
    expect(localIso('2026-10-25T00:30:00.000Z', AMS)).toBe('2026-10-25T02:30:00.000+02:00');
    expect(localIso('2026-10-25T01:30:00.000Z', AMS)).toBe('2026-10-25T02:30:00.000+01:00');
    expect(localIso('2026-06-01T12:00:00.000Z', 'America/St_Johns')).toBe('2026-06-01T09:30:00.000-02:30');
    expect(localIso('2026-06-01T12:00:00.000Z', 'UTC')).toBe('2026-06-01T12:00:00.000+00:00');
    expect(localIso('not a time', AMS)).toBe('not a time');
  });

  it('reads --since as a day or a time in the zone, or as given with an offset', () => {
    const at = (s: string) => new Date(parseSince(s, AMS)!).toISOString();
    expect(at('2026-11-24')).toBe('2026-11-23T23:00:00.000Z');
    expect(at('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(at('2026-11-24T09:30')).toBe('2026-11-24T08:30:00.000Z');
    expect(at('2026-11-24 09:30:15')).toBe('2026-11-24T08:30:15.000Z');
    expect(at('2026-11-24T09:30:00Z')).toBe('2026-11-24T09:30:00.000Z');
    expect(at('2026-11-24T09:30:00-05:00')).toBe('2026-11-24T14:30:00.000Z');
    for (const wrong of ['2026-02-30', '2026-11-24T24:00', '2026-11-24T10:61', '24-11-2026', 'gisteren', ''])
      expect(parseSince(wrong, AMS), wrong).toBeUndefined();
  });
});
