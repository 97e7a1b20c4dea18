// The configuration documentation cannot drift: every variable of the zod schema is in .env.example and the README.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { ENV_VARIABLES, envSchema } from '../../src/config/schema.js';

const root = resolve(import.meta.dirname, '../..');
const envExample = readFileSync(resolve(root, '.env.example'), 'utf8');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const exampleVars = [...envExample.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]);

describe('configuration documentation', () => {
  it('lists every schema variable in .env.example, and nothing else', () => {
    expect([...exampleVars].sort()).toEqual([...ENV_VARIABLES].sort());
  });

  it('documents every schema variable in the README configuration table', () => {
    const table = readme.slice(readme.indexOf('## Configuration'));
    for (const name of ENV_VARIABLES) expect(table, name).toContain(`\`${name}\``);
  });

  it('accepts .env.example as it is', () => {
    const env = Object.fromEntries(
      envExample
        .split('\n')
        .filter((l) => /^[A-Za-z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const result = parseConfig(env);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('gives the schema default in the README table wherever the table names one value', () => {
    const defaults = envSchema.parse({}) as Record<string, unknown>;
    const rows = [...readme.matchAll(/^\| `([A-Za-z_]+)` \| ([^|]+) \|/gm)];
    let checked = 0;
    for (const [, name, cell] of rows) {
      const single = /^`([^`]*)`$/.exec(cell!.trim());
      if (!single || !ENV_VARIABLES.includes(name as never)) continue;
      expect(String(defaults[name!]), name).toBe(single[1]);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });
});
