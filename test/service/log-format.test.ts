// Log format: readable lines for a developer at a terminal, JSON everywhere else, and secrets hidden in both.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, prettyLogs } from '../../src/log.js';

function sink() {
  const out = { text: '' };
  const stream = new Writable({
    write(chunk, _enc, done) {
      out.text += String(chunk);
      done();
    },
  });
  return { out, stream };
}

describe('log format', () => {
  it('is pretty only on a terminal outside production', () => {
    expect(prettyLogs('development', { isTTY: true })).toBe(true);
    expect(prettyLogs('test', { isTTY: true })).toBe(true);
    expect(prettyLogs('production', { isTTY: true })).toBe(false);
    expect(prettyLogs('development', { isTTY: false })).toBe(false);
    expect(prettyLogs('development', {})).toBe(false);
  });

  it('writes one readable line per entry when pretty, with the secret redacted', () => {
    const { out, stream } = sink();
    const log = createLogger('info', stream, { pretty: true });
    log.info({ port: 3978, client: { botToken: 'xoxb-secret' } }, 'listening');
    log.debug('below the level');
    const lines = out.text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: listening \{.*"port":3978/);
    expect(lines[0]).toContain('[redacted]');
    expect(out.text).not.toContain('xoxb-secret');
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });

  it('writes JSON otherwise', () => {
    const { out, stream } = sink();
    createLogger('info', stream).info({ port: 3978 }, 'listening');
    expect(JSON.parse(out.text)).toMatchObject({ level: 30, msg: 'listening', port: 3978, app: 'overname-assistent' });
  });
});
