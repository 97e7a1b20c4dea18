// Microsoft 365 Agents Playground (the pinned devDependency @microsoft/m365agentsplayground), run headless the way
// the README's "Try it locally without Azure" runs it: `-e <the service's /api/messages> -c msteams`, with the
// repo's manifest/teams/agents-playground/.m365agentsplayground.yml, but in a temp dir of its own (it writes
// ./devTools/m365agentsplayground.log where it runs) and on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import YAML, { type YAMLMap, type YAMLSeq } from 'yaml';

export const PLAYGROUND_YML = resolve(
  import.meta.dirname,
  '../../manifest/teams/agents-playground/.m365agentsplayground.yml',
);
/** What `npx @microsoft/m365agentsplayground` runs in this repo: the bin of the installed (pinned) package. */
const CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const LOG = join('devTools', 'm365agentsplayground.log');

export interface PlaygroundUser {
  id: string;
  name: string;
  [key: string]: unknown;
}

export interface PlaygroundConfig {
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  bot: { id: string; name: string };
  team: { id: string; name: string; channels: { id: string; name: string }[] };
  [key: string]: unknown;
}

export const readPlaygroundYml = (): string => readFileSync(PLAYGROUND_YML, 'utf8');
export const parsePlaygroundYml = (yml: string): PlaygroundConfig => YAML.parse(yml) as PlaygroundConfig;

/**
 * The README's way to act as someone else: "swap their entry in the yml with currentUser" (the playground has no
 * user switcher and reads exactly 5 users plus currentUser). Comments and everything else stay as they are.
 */
export function swapCurrentUser(yml: string, name: string): string {
  const doc = YAML.parseDocument(yml);
  const users = doc.get('users') as YAMLSeq<YAMLMap>;
  const i = users.items.findIndex((u) => u.get('name') === name);
  if (i < 0) throw new Error(`${name} is not among the users of the playground yml`);
  const current = doc.get('currentUser') as YAMLMap;
  doc.set('currentUser', users.items[i]);
  users.items[i] = current;
  return doc.toString();
}

export interface AgentsPlayground {
  /** The web UI. */
  url: string;
  /** Ends its process group and removes its temp dir; its log is kept at `keepLogAt` first, if given. */
  stop(keepLogAt?: string): Promise<void>;
}

/** Starts the playground with this yml; resolves once it listens. Ended on exit of this process at the latest. */
export async function startAgentsPlayground(endpoint: string, yml: string): Promise<AgentsPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'agents-playground-'));
  const configPath = join(dir, '.m365agentsplayground.yml');
  writeFileSync(configPath, yml);
  // -p 0: a free port rather than 56150, which a developer's own playground may hold (it would then pick another
  // one silently anyway); the real one is read from "Listening on N".
  const child = spawn(process.execPath, [CLI, '-e', endpoint, '-c', 'msteams', '-p', '0', '--disable-telemetry'], {
    cwd: dir,
    // Only what it needs: it also reads BOT_ENDPOINT, AUTH_CLIENT_ID, TEAMSAPPTESTER_PORT, HTTP_PROXY and more,
    // which a developer's shell may hold.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, LOG),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so that stop() ends all of it.
    detached: true,
  });
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  const stop = async (keepLogAt?: string) => {
    process.off('exit', killOnExit);
    await killGroup(child);
    if (keepLogAt && existsSync(join(dir, LOG))) copyFileSync(join(dir, LOG), keepLogAt);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await listeningPort(child, 30_000);
    return { url: `http://localhost:${port}/`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let out = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`Agents Playground ${why}; its output:\n${out}`));
    };
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    });
    child.stderr?.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', (err) => fail(`could not start (${err.message})`));
    child.on('exit', (code, signal) => fail(`exited (${signal ?? code})`));
  });
}

function running(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!running(child)) return;
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
