// A Redis outage in the log: one error when it starts, a reminder a minute while it lasts, one line when it ends;
// other worker errors are not mistaken for it.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { isConnectionError, OutageLog } from '../../src/reminders/bullmq-scheduler.js';

function capture() {
  const lines: { level: number; msg: string; attempts?: number }[] = [];
  const logger = createLogger('info', { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('OutageLog', () => {
  it('logs the first failure, then once a minute, then the recovery with the number of attempts', () => {
    const { logger, lines } = capture();
    let now = 0;
    const log = new OutageLog(logger, 'reminder queue: Redis', 60_000, () => now);
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    // BullMQ reports a failed reconnect about once a second per connection.
    for (let s = 0; s < 150; s++) {
      now = s * 1000;
      log.failed(refused);
    }
    log.recovered();
    expect(lines.map((l) => [l.level, l.msg, l.attempts])).toEqual([
      [50, 'reminder queue: Redis unreachable; retrying', undefined],
      [40, 'reminder queue: Redis still unreachable', 61],
      [40, 'reminder queue: Redis still unreachable', 121],
      [30, 'reminder queue: Redis reachable again', 150],
    ]);
  });

  it('says nothing on a first connect, and starts over after a recovery', () => {
    const { logger, lines } = capture();
    const log = new OutageLog(logger, 'reminder queue: Redis', 60_000, () => 0);
    log.recovered();
    expect(lines).toEqual([]);
    log.failed(new Error('reset'));
    log.recovered();
    log.failed(new Error('reset again'));
    expect(lines.map((l) => l.msg)).toEqual([
      'reminder queue: Redis unreachable; retrying',
      'reminder queue: Redis reachable again',
      'reminder queue: Redis unreachable; retrying',
    ]);
  });

  it("counts refused and lost connections as the outage, not the worker's other errors", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    expect(isConnectionError(refused)).toBe(true);
    expect(isConnectionError(new Error('Connection is closed.'))).toBe(true);
    // Reported by BullMQ when a job's lock was lost (a replica paused too long): a real error, logged as one.
    expect(isConnectionError(new Error('Missing lock for job 7. moveToFinished'))).toBe(false);
  });
});
