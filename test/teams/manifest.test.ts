// The Teams app manifest against the newest official schema that @microsoft/app-manifest ships, the icons, and
// the app package that `npm run teams:package` writes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildAppPackage,
  fillManifest,
  MANIFEST_DIR,
  PLACEHOLDER_BOT_ID,
  readManifest,
} from '../../adapters/teams/app-package.js';
import { colorIcon, outlineIcon, pngSize } from '../../adapters/teams/icons.js';

const SCHEMAS = fileURLToPath(
  new URL('../../node_modules/@microsoft/app-manifest/build/json-schemas/teams/', import.meta.url),
);
const APP_ID = '3c1f2b7e-9d4a-4e8b-b5c6-0a1d2e3f4a5b';

function newestSchemaVersion(): string {
  const versions = readdirSync(SCHEMAS)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1));
  versions.sort((a, b) => {
    const [a1, a2] = a.split('.').map(Number) as [number, number];
    const [b1, b2] = b.split('.').map(Number) as [number, number];
    return a1 - b1 || a2 - b2;
  });
  return versions.at(-1)!;
}

function validator(version: string) {
  const schema = JSON.parse(readFileSync(join(SCHEMAS, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'));
  // The schema is draft-04, whose keywords used here Ajv's default draft reads the same; only the meta-schema
  // reference has to go (Ajv 8 does not bundle draft-04's).
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  return ajv.compile(schema);
}

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG whose rows use filter 0 (as icons.ts writes them). */
function pixels(png: Buffer): { width: number; rgba: Buffer } {
  const { width, height } = pngSize(png);
  const idat: Buffer[] = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    if (png.toString('ascii', o + 4, o + 8) === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, rgba };
}

describe('Teams manifest', () => {
  const version = newestSchemaVersion();

  it(`uses the newest schema the package ships (v${version}) and passes it`, () => {
    const manifest = readManifest();
    expect(manifest.manifestVersion).toBe(version);
    expect(manifest.$schema).toContain(`/v${version}/MicrosoftTeams.schema.json`);
    const validate = validator(version);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(fillManifest(manifest, APP_ID)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The validator does bite: a bot id that is no GUID, or an unknown property, fails.
    expect(validate({ ...manifest, bots: [{ ...manifest.bots[0], botId: 'bot' }] })).toBe(false);
    expect(validate({ ...manifest, colour: 'red' })).toBe(false);
  });

  it('declares the bot for personal, team and group chat with the help, start and status commands', () => {
    const manifest = readManifest() as unknown as {
      bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const team = bot.commandLists.find((l) => l.scopes.includes('team'))!;
    expect(team.commands.map((c) => c.title)).toEqual(['help', 'start', 'status']);
  });

  it('has a 192×192 color icon and a 32×32 outline icon, white on transparent', () => {
    const color = readFileSync(join(MANIFEST_DIR, 'color.png'));
    const outline = readFileSync(join(MANIFEST_DIR, 'outline.png'));
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    const { rgba } = pixels(outline);
    let drawn = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) continue;
      drawn++;
      expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(drawn).toBeGreaterThan(100);
    expect(rgba[3]).toBe(0);
  });

  it('commits the icons exactly as the drawing code makes them (npm run teams:package -- --icons)', () => {
    expect(colorIcon().equals(readFileSync(join(MANIFEST_DIR, 'color.png')))).toBe(true);
    expect(outlineIcon().equals(readFileSync(join(MANIFEST_DIR, 'outline.png')))).toBe(true);
  });

  it('packages the manifest with the bot id filled in and both icons, at the root of the zip', () => {
    const files = unzipSync(buildAppPackage(APP_ID));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.id).toBe(readManifest().id);
    expect(Buffer.from(files['color.png']!).equals(readFileSync(join(MANIFEST_DIR, 'color.png')))).toBe(true);
    expect(() => buildAppPackage('not-a-guid')).toThrow(/GUID/);
    expect(() => buildAppPackage(PLACEHOLDER_BOT_ID)).toThrow(/placeholder/);
  });

  it('writes the zip from the command line, and refuses without MicrosoftAppId', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
    const script = fileURLToPath(new URL('../../scripts/teams-package.ts', import.meta.url));
    const tsx = import.meta.resolve('tsx');
    const env = { ...process.env, MicrosoftAppId: APP_ID };
    const out = join(dir, 'app.zip');
    execFileSync(process.execPath, ['--import', tsx, script, '--out', out], { cwd: dir, env, stdio: 'pipe' });
    const files = unzipSync(readFileSync(out));
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).bots[0].botId).toBe(APP_ID);
    const { MicrosoftAppId: _, ...without } = env;
    expect(() =>
      execFileSync(process.execPath, ['--import', tsx, script], { cwd: dir, env: without, stdio: 'pipe' }),
    ).toThrow();
  });
});
