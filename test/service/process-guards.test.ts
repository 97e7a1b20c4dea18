// The process-level policy: stray rejections are logged once a minute per kind and the service goes on; an uncaught
// exception is logged and ends the process.
import { describe, expect, it } from 'vitest';
import { processGuards } from '../../src/process-guards.js';
import { captureLog } from '../helpers/log-capture.js';

describe('process guards', () => {
  it('logs a repeated rejection once a minute and never exits for it', () => {
    const log = captureLog();
    let t = 0;
    const exits: number[] = [];
    const g = processGuards(
      log.logger,
      (code) => exits.push(code),
      () => t,
    );
    for (let i = 0; i < 100; i++) g.onRejection(new TypeError("Cannot read properties of null (reading 'x')"));
    g.onRejection('a plain string');
    expect(log.errors()).toHaveLength(2);
    t = 61_000;
    g.onRejection(new TypeError("Cannot read properties of null (reading 'x')"));
    expect(log.errors()).toHaveLength(3);
    expect(exits).toEqual([]);
  });

  it('logs an uncaught exception as fatal and exits with 1', () => {
    const log = captureLog();
    const exits: number[] = [];
    processGuards(log.logger, (code) => exits.push(code)).onException(new Error('boom'));
    expect(exits).toEqual([1]);
    expect(log.lines.at(-1)).toMatchObject({ level: 60, msg: expect.stringMatching(/uncaught exception/) });
  });
});
