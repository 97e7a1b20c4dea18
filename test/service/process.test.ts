// The service as a process: starts with no credentials, serves /healthz, exits 0 on SIGTERM, exits 1 on bad config.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, TSX, waitUntil } from '../helpers/replicas.js';

const root = resolve(import.meta.dirname, '../..');
const main = join(root, 'src/main.ts');

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

/** Runs the service with only the given variables (plus PATH/HOME), as a fresh clone with no .env would. */
function run(env: Record<string, string>, cwd: string): Run {
  const child = spawn(process.execPath, ['--import', TSX, main], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, out: () => out, err: () => err, exit };
}

describe('service process', () => {
  it('starts with no credentials on the embedded SQLite store, serves /healthz, and stops cleanly on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'overname-run-'));
    const port = await freePort();
    const r = run({ PORT: String(port) }, cwd);
    try {
      await waitUntil('/healthz', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, {
        timeoutMs: 20_000,
      });
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
        platforms: Record<string, boolean | string>;
      };
      expect(health).toMatchObject({ status: 'ok', store: 'sqlite' });
      // The playground is on by default outside production; its Slack workspace and Teams channel are fakes, and its
      // own address serves the approval page for outside approvers.
      expect(health.platforms).toEqual({ playground: true, slack: 'simulated', teams: 'simulated', external: true });
      expect(existsSync(join(cwd, 'data/overname.sqlite'))).toBe(true);
      expect(r.out()).toContain(`http://localhost:${port}/`);
      r.child.kill('SIGTERM');
      expect(await r.exit).toBe(0);
      expect(r.out()).toContain('stopped cleanly');
    } finally {
      r.child.kill('SIGKILL');
    }
  });

  it('exits 1 with one line per problem naming the variable, and never prints a secret', async () => {
    const r = run(
      {
        PORT: 'abc',
        STORE_URL: 'mongo://db',
        SLACK_BOT_TOKEN: 'xoxb-very-secret-value',
        REMINDER_APPROVAL_HOURS: '-3',
        RETENTION_MONTHS: '0',
      },
      root,
    );
    expect(await r.exit).toBe(1);
    const err = r.err();
    expect(err).toMatch(/^\s*PORT: .*whole number.*"abc"/m);
    expect(err).toMatch(/^\s*STORE_URL: .*memory:\/\/.*"mongo:\/\/db"/m);
    expect(err).toMatch(/^\s*REMINDER_APPROVAL_HOURS: /m);
    expect(err).toMatch(/^\s*RETENTION_MONTHS: expected a whole number from 1 to 1200 \(got "0"\)$/m);
    // A rule between variables is reported in the same run, not after the other problems are fixed.
    expect(err).toMatch(/^\s*SLACK_SIGNING_SECRET: required/m);
    expect(err + r.out()).not.toContain('very-secret');
  });

  it('names the missing partner of a half-configured Slack app without echoing the token', async () => {
    const r = run({ SLACK_BOT_TOKEN: 'xoxb-very-secret-value', PORT: '1' }, root);
    expect(await r.exit).toBe(1);
    expect(r.err()).toMatch(/^\s*SLACK_SIGNING_SECRET: required/m);
    expect(r.err()).not.toContain('very-secret');
  });

  it('never writes a secret to its logs, even with every credential set and traffic flowing', async () => {
    const port = await freePort();
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxb-secret-bot-token-123',
      SLACK_SIGNING_SECRET: 'secret-signing-value-456',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret-app-password-789',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
      OPENAI_API_KEY: 'sk-secret-openai-key-000',
    };
    const r = run({ PORT: String(port), STORE_URL: 'memory://', LOG_LEVEL: 'trace', ...secrets }, root);
    try {
      await waitUntil('/healthz', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, {
        timeoutMs: 20_000,
      });
      // Traffic that gets logged: an unsigned Slack request and a Teams request without a token.
      await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: 'payload=%7B%7D' });
      await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', body: '{}' });
      r.child.kill('SIGTERM');
      expect(await r.exit).toBe(0);
      const output = r.out() + r.err();
      expect(output).toContain('listening');
      for (const value of [
        secrets.SLACK_BOT_TOKEN,
        secrets.SLACK_SIGNING_SECRET,
        secrets.MicrosoftAppPassword,
        secrets.OPENAI_API_KEY,
      ]) {
        expect(output).not.toContain(value);
      }
    } finally {
      r.child.kill('SIGKILL');
    }
  });
});
