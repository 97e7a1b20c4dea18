// Cold start of the service process until /healthz answers, and its resident memory when idle.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** tsx's loader by absolute URL: the service is started from other folders, where a bare 'tsx' would not resolve. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export async function benchStartup(port = 39_781): Promise<Record<string, unknown>> {
  const root = resolve(import.meta.dirname, '..');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', TSX, join(root, 'src/main.ts')], {
    cwd: mkdtempSync(join(tmpdir(), 'bench-start-')),
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', PLAYGROUND: 'off' },
    stdio: 'ignore',
  });
  try {
    let healthy = false;
    while (!healthy && performance.now() - started < 30_000) {
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 20));
    }
    const coldStartMs = Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 1000));
    const rssIdleMb = await rssOf(child.pid!);
    return { coldStartToHealthzMs: healthy ? coldStartMs : null, rssIdleMb };
  } finally {
    child.kill('SIGTERM');
  }
}

async function rssOf(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
}
