// Builds the Teams app package: manifest.json with the bot's app id filled in, and the two icons, zipped flat.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

export const MANIFEST_DIR = fileURLToPath(new URL('../../manifest/teams/', import.meta.url));
/** The committed manifest carries this placeholder; the package gets the real MicrosoftAppId. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export interface TeamsManifest {
  id: string;
  version: string;
  bots: { botId: string }[];
  [key: string]: unknown;
}

export function readManifest(dir = MANIFEST_DIR): TeamsManifest {
  return JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as TeamsManifest;
}

export function fillManifest(manifest: TeamsManifest, appId: string): TeamsManifest {
  if (!GUID.test(appId)) throw new Error(`MicrosoftAppId must be the Azure Bot's app id (a GUID), got "${appId}"`);
  if (appId === PLACEHOLDER_BOT_ID) throw new Error('MicrosoftAppId is still the placeholder GUID');
  return { ...manifest, bots: manifest.bots.map((b) => ({ ...b, botId: appId })) };
}

/** The zip Teams accepts: the three files at the root, no folders. */
export function buildAppPackage(appId: string, dir = MANIFEST_DIR): Uint8Array {
  const manifest = fillManifest(readManifest(dir), appId);
  return zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': readFileSync(`${dir}/color.png`),
    'outline.png': readFileSync(`${dir}/outline.png`),
  });
}
