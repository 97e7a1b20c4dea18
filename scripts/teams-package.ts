// `npm run teams:package`: writes the Teams app zip (manifest + icons, bot id from MicrosoftAppId) to dist/.
// `npm run teams:package -- --icons` redraws manifest/teams/color.png and outline.png first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildAppPackage, MANIFEST_DIR } from '../adapters/teams/app-package.js';
import { colorIcon, outlineIcon } from '../adapters/teams/icons.js';
import { loadDotEnv } from '../src/config/load-config.js';

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--icons')) {
    writeFileSync(`${MANIFEST_DIR}/color.png`, colorIcon());
    writeFileSync(`${MANIFEST_DIR}/outline.png`, outlineIcon());
    console.log(`icons written to ${MANIFEST_DIR}`);
  }
  loadDotEnv();
  const appId = process.env.MicrosoftAppId?.trim();
  if (!appId) {
    console.error('MicrosoftAppId is not set (environment or .env): the package needs the Azure Bot app id.');
    process.exit(1);
  }
  const outAt = args.indexOf('--out');
  const out = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : 'dist/overname-assistent-teams.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buildAppPackage(appId));
  console.log(`Teams app package written to ${out} — upload it in Teams (Apps → Manage your apps → Upload an app).`);
}

try {
  main();
} catch (err) {
  console.error(`teams:package failed: ${(err as Error).message}`);
  process.exit(1);
}
