// Runs the service as separate OS processes ("replicas") for scale tests: spawn via tsx, wait for /readyz, kill surely.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** tsx's loader by absolute URL: replicas run in a temporary folder (no .env), where a bare 'tsx' would not resolve. */
export const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAIN = join(resolve(import.meta.dirname, '../..'), 'src/main.ts');
const LOG_TAIL = 20_000;

export interface Replica {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string | null>;
  alive(): boolean;
  /** The last part of stdout and stderr, for failure messages. */
  logs(): string;
  /** SIGTERM, then SIGKILL if it has not exited within graceMs; resolves with how it exited. */
  stop(graceMs?: number): Promise<number | string | null>;
}

/** Every child started in this test process, so an interrupted run never leaves replicas behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => ok(port));
      });
  });
}

/** Polls until check returns a truthy value; the error names what was awaited and, via detail(), the state then. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  o: { timeoutMs?: number; intervalMs?: number; detail?: () => unknown } = {},
): Promise<T> {
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = o.detail ? `\n${JSON.stringify(o.detail(), null, 2)}` : '';
      const cause = lastError ? ` (last error: ${(lastError as Error).message})` : '';
      throw new Error(`timed out waiting for ${what}${cause}${detail}`);
    }
    await new Promise((r) => setTimeout(r, o.intervalMs ?? 100));
  }
}

function spawnReplica(name: string, port: number, env: Record<string, string>): Replica {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd: mkdtempSync(join(tmpdir(), `overname-${name}-`)),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString('utf8')).slice(-LOG_TAIL);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string | null>((r) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      r(code ?? signal);
    }),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    alive,
    logs: () => out,
    async stop(graceMs = 15_000) {
      if (!alive()) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Starts `node --import tsx src/main.ts` with exactly these variables (plus PATH, HOME and PORT) and waits until
 * GET /readyz answers 200 (store and Redis reachable). A port taken meanwhile by someone else is retried on another.
 */
export async function startReplica(
  name: string,
  env: Record<string, string>,
  o: { readyTimeoutMs?: number } = {},
): Promise<Replica> {
  for (let attempt = 1; ; attempt++) {
    const replica = spawnReplica(name, await freePort(), env);
    try {
      await waitUntil(
        `replica ${name} to be ready on port ${replica.port}`,
        async () => {
          if (!replica.alive()) throw new Error(`replica ${name} exited:\n${replica.logs()}`);
          return (await fetch(`${replica.url}/readyz`)).status === 200;
        },
        { timeoutMs: o.readyTimeoutMs ?? 60_000, intervalMs: 200 },
      );
      return replica;
    } catch (err) {
      await replica.stop(2_000);
      if (attempt < 3 && replica.logs().includes('EADDRINUSE')) continue;
      throw new Error(`${(err as Error).message}\n--- ${name} output ---\n${replica.logs()}`);
    }
  }
}

/** Sum of a Prometheus counter's samples on a replica whose labels include all of `labels`. */
export async function counterSum(url: string, metric: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s+(\S+)$/.exec(line);
    if (!m || m[1] !== metric) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(m[3]);
  }
  return sum;
}
