// The Slack app manifest: valid against Slack's published schema, and in step with what the adapter listens to.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/receiver.js';
import { SLASH_COMMAND as COMMAND } from '../../adapters/slack/routes.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Slack's published schema, kept in the repository so a clean clone can run this test anywhere. Where the project's
// shared folder sits next to the repository (CI, here) the copy is checked against it.
const SCHEMA = 'slack-app-manifest.schema.1.0.0.json';
const schemaPath = path.join(repoRoot, 'test/fixtures', SCHEMA);
const sharedSchemaPath = path.resolve(repoRoot, '../shared/schemas', SCHEMA);
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'manifest/slack/manifest.json'), 'utf8'));

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

describe('Slack app manifest', () => {
  const noShared = existsSync(sharedSchemaPath) ? undefined : `${sharedSchemaPath} is not next to this clone`;
  if (noShared) console.info(`skipped "uses the same schema as the shared copy": ${noShared}`);
  it.skipIf(noShared)(`uses the same schema as the shared copy${noShared ? ` — skipped: ${noShared}` : ''}`, () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(readFileSync(sharedSchemaPath, 'utf8'));
  });

  it('validates against the Slack app manifest schema', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    // The schema uses Slack's own keywords (e.g. "regex"); strict mode would refuse to compile it.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('declares the command, events, interactivity and scopes the adapter uses', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(COMMAND);
    expect(command.usage_hint).toContain('start');
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    // The Home tab shows "my takeovers", published when it opens (app_home_opened).
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'files:write',
      'im:history',
      'im:write',
      'users:read',
    ]);
    for (const url of [
      command.url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ]) {
      expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
      expect(new URL(url).hostname).toMatch(/example\.com$/);
    }
  });

  it('is refused by the schema when broken, so the check has teeth', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate({ ...manifest, display_information: { name: '' } })).toBe(false);
    expect(
      validate({ ...manifest, features: { ...manifest.features, slash_commands: [{ command: 'overname' }] } }),
    ).toBe(false);
  });
});
