// Reminder timing in Europe/Amsterdam: working days only, 09:00 local across both DST changes.
import { describe, expect, it } from 'vitest';
import { ReminderPolicy } from '../../src/reminders/policy.js';
import { REMINDERS } from '../helpers/engine.js';

const policy = new ReminderPolicy(REMINDERS);
const iso = (d: Date) => d.toISOString();

describe('reminder policy', () => {
  it('waits for Monday 09:00 when 24 hours after a Friday request falls in the weekend (and DST starts)', () => {
    // Friday 27 March 2026 10:00 CET; clocks go forward on Sunday 29 March.
    expect(iso(policy.firstApprovalReminder(new Date('2026-03-27T10:00:00+01:00')))).toBe('2026-03-30T07:00:00.000Z');
  });

  it('keeps the 24 hours when they end inside working hours on a working day', () => {
    expect(iso(policy.firstApprovalReminder(new Date('2026-11-23T10:00:00+01:00')))).toBe('2026-11-24T09:00:00.000Z');
  });

  it('moves an evening due time to the next working morning', () => {
    expect(iso(policy.firstApprovalReminder(new Date('2026-11-24T18:30:00+01:00')))).toBe('2026-11-26T08:00:00.000Z');
  });

  it('fires checklist reminders at 09:00 local on working days across the end of DST', () => {
    // Friday 23 October 2026 09:00 CEST → Monday 26 October 09:00 CET (clocks went back on Sunday).
    const friday = new Date('2026-10-23T07:00:00Z');
    const monday = policy.nextChecklistReminder(friday);
    expect(iso(monday)).toBe('2026-10-26T08:00:00.000Z');
    expect(iso(policy.nextChecklistReminder(monday))).toBe('2026-10-27T08:00:00.000Z');
  });

  it('plans the daily approval reminder from now, so a backlog is one reminder, not one per missed day', () => {
    const late = new Date('2026-12-02T13:00:00+01:00');
    expect(iso(policy.nextApprovalReminder(late))).toBe('2026-12-03T12:00:00.000Z');
  });
});
