// The playground's demo clock: system time plus an offset the user moves forward to see reminders fire.
import type { Clock } from '../../src/clock.js';

export class DemoClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = { now: () => new Date() }) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  advanceTo(target: Date): void {
    this.offsetMs += Math.max(0, target.getTime() - this.now().getTime());
  }
}
