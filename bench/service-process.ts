// The real service (src/main.ts) and the bare Bolt app as processes of their own: start, CPU, memory, stop.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { within } from '../src/within.js';
import { freePort, TSX } from '../test/helpers/replicas.js';

const ROOT = resolve(import.meta.dirname, '..');

export interface ServiceProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until /healthz answered. */
  coldStartMs: number;
  /** CPU time of the service's main thread so far, in ms (Linux /proc; undefined elsewhere). */
  mainThreadCpuMs(): Promise<number | undefined>;
  rssMb(): Promise<number | null>;
  stop(): Promise<void>;
}

/** Every child started here, so an interrupted benchmark never leaves a service or bare app behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function track(child: ChildProcess): Promise<void> {
  running.add(child);
  return new Promise<void>((r) =>
    child.once('exit', () => {
      running.delete(child);
      r();
    }),
  );
}

/** Waits for the child to exit after being asked to, at most 5 s; then kills it. */
async function ended(child: ChildProcess, exited: Promise<void>): Promise<void> {
  await within(exited, 5000, undefined);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function rssMbOf(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
}

/** Samples a process's RSS every few milliseconds until stopped; reports the peak in MB. */
export function sampleRssOf(pid: number, everyMs = 50) {
  let peak = 0;
  const timer = setInterval(() => {
    void rssMbOf(pid).then((mb) => {
      peak = Math.max(peak, mb ?? 0);
    });
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      return Math.max(peak, (await rssMbOf(pid)) ?? 0);
    },
  };
}

async function mainThreadCpuMsOf(pid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : Number(text.split(' ')[0]) / 1e6;
}

/**
 * Spawns src/main.ts with only the given environment (plus PATH, PORT, HOST, silent logs, no playground) in cwd, and
 * waits for /healthz. A relative STORE_URL lands in cwd.
 */
export async function startServiceProcess(env: Record<string, string>, cwd: string): Promise<ServiceProcess> {
  const port = await freePort();
  const started = performance.now();
  // BENCH_CPU_PROF=<dir>: the service writes a V8 CPU profile of its whole life there when it exits.
  const prof = process.env.BENCH_CPU_PROF;
  const flags = prof ? ['--cpu-prof', `--cpu-prof-dir=${resolve(prof)}`, '--cpu-prof-interval=200'] : [];
  const child: ChildProcess = spawn(process.execPath, [...flags, '--import', TSX, join(ROOT, 'src/main.ts')], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      PLAYGROUND: 'off',
      ...env,
    },
    stdio: 'ignore',
  });
  const exited = track(child);
  const stop = async () => {
    // SIGTERM: the service finishes its work and closes its store before exiting.
    child.kill('SIGTERM');
    await ended(child, exited);
  };
  const url = `http://127.0.0.1:${port}`;
  let healthy = false;
  while (!healthy && performance.now() - started < 30_000 && child.exitCode === null) {
    healthy = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!healthy) await new Promise((r) => setTimeout(r, 10));
  }
  if (!healthy) {
    await stop();
    throw new Error(`the service did not become healthy (exit code ${child.exitCode})`);
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    coldStartMs: Math.round(performance.now() - started),
    mainThreadCpuMs: () => mainThreadCpuMsOf(pid),
    rssMb: () => rssMbOf(pid),
    stop,
  };
}

export interface BareProcess {
  url: string;
  pid: number;
  mainThreadCpuMs(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/**
 * A bare app of bare.ts (`bare-slack-main.ts`, `bare-teams-main.ts`) in a process of its own: sharing one with the
 * fake platform API, whose heap grows with every call it records, made the ceiling depend on the fake's garbage
 * collection.
 */
export async function startBareProcess(entry: string, env: Record<string, string> = {}): Promise<BareProcess> {
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'bench', entry)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = track(child);
  const url = await within(
    new Promise<string>((resolve, reject) => {
      child.once('message', (m) => resolve(String(m)));
      child.once('exit', (code) => reject(new Error(`${entry} exited (${code})`)));
    }),
    30_000,
    undefined,
  );
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`${entry} did not report its address within 30 s`);
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    mainThreadCpuMs: () => mainThreadCpuMsOf(pid),
    async stop() {
      child.disconnect();
      await ended(child, exited);
    },
  };
}
