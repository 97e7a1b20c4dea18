// Every environment variable the service reads, validated with zod; the README and .env.example are checked against it.
import { z } from 'zod';
import { storeKindOf } from '../store/create-store.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const int = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `expected a whole number from ${min} to ${max}` })
      .int({ error: `expected a whole number from ${min} to ${max}` })
      .min(min, { error: `expected a whole number from ${min} to ${max}` })
      .max(max, { error: `expected a whole number from ${min} to ${max}` })
      .default(fallback),
  );
const url = z.preprocess(blankToUndefined, z.url({ error: 'expected a URL such as https://example.com' }).optional());

/** One AUDIT_ADMINS entry: the platform, a colon, and the user id as the platform gives it (Teams ids hold colons). */
const AUDIT_ADMIN = /^(slack|teams):[^\s,]{1,200}$/;

/** AUDIT_ADMINS as user references; the schema has checked every entry. */
export function parseAuditAdmins(value: string | undefined): { platform: 'slack' | 'teams'; id: string }[] {
  if (!value) return [];
  return value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const at = e.indexOf(':');
      return { platform: e.slice(0, at) as 'slack' | 'teams', id: e.slice(at + 1) };
    });
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Variables whose values must never be printed, not even in a validation error. */
export const SECRET_VARIABLES = new Set([
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
  'OPENAI_API_KEY',
  'AZURE_OPENAI_API_KEY',
  'APPROVAL_LINK_SECRET',
  // smtp://user:password@host: the password is in the URL.
  'SMTP_URL',
]);

export const envSchema = z
  .object({
    NODE_ENV: z.preprocess(blankToUndefined, z.enum(['development', 'production', 'test']).default('development')),
    // 0 asks the OS for a free port (tests, benchmarks).
    PORT: int(0, 65535, 3978),
    HOST: z.preprocess(blankToUndefined, z.string().default('0.0.0.0')),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    STORE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((v) => storeKindOf(v) !== undefined, {
          error: 'expected memory://, sqlite://path, redis://host:port or postgres://user@host/db',
        })
        .default('sqlite://data/overname.sqlite'),
    ),
    STORE_PREFIX: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'expected up to 40 letters, digits, - or _' })
        .optional(),
    ),
    REDIS_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^rediss?:\/\//, { error: 'expected redis://host:port' })
        .optional(),
    ),
    KNOWLEDGE_DIR: z.preprocess(blankToUndefined, z.string().default('knowledge')),
    TIMEZONE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(validTimeZone, { error: 'expected an IANA time zone such as Europe/Amsterdam' })
        .default('Europe/Amsterdam'),
    ),
    REMINDER_APPROVAL_HOURS: int(1, 24 * 14, 24),
    REMINDER_CRON: z.preprocess(blankToUndefined, z.string().default('0 9 * * 1-5')),
    REMINDER_ESCALATE_AFTER: int(1, 100, 2),
    REMINDER_LOCK_MS: int(1000, 600_000, 30_000),
    // Whole months a closed case is kept after its last fact; 1200 (a century) only guards against typos.
    RETENTION_MONTHS: int(1, 1200, 24),
    WORKING_HOURS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{1,2}-\d{1,2}$/, { error: 'expected start-end hours such as 9-17' })
        .default('9-17'),
    ),
    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString,
    SLACK_API_URL: url,
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppTenantId: optionalString,
    MicrosoftAppType: z.preprocess(
      blankToUndefined,
      z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    ),
    // Teams clients without user-specific views (Microsoft 365 Agents Playground) need every button on the shared card.
    TEAMS_USER_SPECIFIC_VIEWS: z.preprocess(blankToUndefined, z.enum(['on', 'off']).default('on')),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: url,
    OPENAI_MODEL: z.preprocess(blankToUndefined, z.string().default('gpt-4o-mini')),
    OPENAI_TIMEOUT_MS: int(100, 120_000, 8000),
    AZURE_OPENAI_ENDPOINT: url,
    AZURE_OPENAI_API_KEY: optionalString,
    AZURE_OPENAI_DEPLOYMENT: optionalString,
    OPENAI_API_VERSION: z.preprocess(blankToUndefined, z.string().default('2024-10-21')),
    PLAYGROUND: z.preprocess(blankToUndefined, z.enum(['on', 'off']).optional()),
    // Who may see every case's history and export besides the people in it: "slack:U123,teams:29:1abc…".
    AUDIT_ADMINS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((v) => v.split(',').every((e) => AUDIT_ADMIN.test(e.trim())), {
          error: 'expected comma-separated platform:user-id entries such as slack:U0123ABC,teams:29:1a2b3c',
        })
        .optional(),
    ),
    // Where people reach this service from outside (Teams export download links); no trailing path needed.
    PUBLIC_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ error: 'expected an http(s) URL such as https://overname.example.com' })
        .refine((v) => /^https?:\/\//i.test(v), {
          error: 'expected an http(s) URL such as https://overname.example.com',
        })
        .optional(),
    ),
    APPROVAL_LINK_SECRET: z.preprocess(
      blankToUndefined,
      z.string().min(32, { error: 'expected at least 32 characters' }).optional(),
    ),
    APPROVAL_LINK_DAYS: int(1, 60, 7),
    // Lets the assistant e-mail an outside approver their link itself; without it the requester copies the text.
    SMTP_URL: z.preprocess(
      blankToUndefined,
      z.url({ protocol: /^smtps?$/, error: 'expected smtp://user:password@host:587 or smtps://…:465' }).optional(),
    ),
    SMTP_FROM: z.preprocess(
      blankToUndefined,
      z.email({ error: 'expected an e-mail address such as overname@kantoor.nl' }).optional(),
    ),
  })
  .superRefine((env, ctx) => {
    for (const p of crossFieldProblems(env as unknown as Record<string, string | undefined>))
      ctx.addIssue({ code: 'custom', path: [p.variable], message: p.message });
  });

export interface CrossFieldProblem {
  variable: string;
  message: string;
}

/**
 * Rules between variables. Kept apart from the schema so they are reported together with per-variable problems:
 * zod runs refinements only when every field parsed, and a wrong PORT should not hide a missing Slack secret.
 */
export function crossFieldProblems(env: Partial<Record<string, string | undefined>>): CrossFieldProblem[] {
  const out: CrossFieldProblem[] = [];
  const add = (variable: string, message: string) => out.push({ variable, message });
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const value = (name: string) => (env[name] ?? '').trim();
  if (set('SLACK_BOT_TOKEN') !== set('SLACK_SIGNING_SECRET')) {
    add(
      set('SLACK_BOT_TOKEN') ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN',
      'required when the other Slack credential is set',
    );
  }
  if (set('SLACK_BOT_TOKEN') && !value('SLACK_BOT_TOKEN').startsWith('xoxb-')) {
    add('SLACK_BOT_TOKEN', 'expected a bot token starting with xoxb-');
  }
  if (set('SLACK_APP_TOKEN') && !value('SLACK_APP_TOKEN').startsWith('xapp-')) {
    add('SLACK_APP_TOKEN', 'expected an app-level token starting with xapp-');
  }
  if (set('SLACK_APP_TOKEN') && !set('SLACK_BOT_TOKEN')) {
    add('SLACK_BOT_TOKEN', 'required for Socket Mode (SLACK_APP_TOKEN is set)');
  }
  if (set('MicrosoftAppPassword') && !set('MicrosoftAppId')) {
    add('MicrosoftAppId', 'required when MicrosoftAppPassword is set');
  }
  const appType = value('MicrosoftAppType') || 'SingleTenant';
  if (set('MicrosoftAppId') && appType === 'SingleTenant' && !set('MicrosoftAppTenantId')) {
    add('MicrosoftAppTenantId', 'required for a SingleTenant bot');
  }
  if (set('AZURE_OPENAI_ENDPOINT') && !set('AZURE_OPENAI_DEPLOYMENT')) {
    add('AZURE_OPENAI_DEPLOYMENT', 'required with AZURE_OPENAI_ENDPOINT');
  }
  // A generated secret lives in the store, which a production deployment may share or restore: name it instead.
  if (value('NODE_ENV') === 'production' && set('PUBLIC_URL') && !set('APPROVAL_LINK_SECRET')) {
    add('APPROVAL_LINK_SECRET', 'required in production when PUBLIC_URL enables external approvers');
  }
  if (set('SMTP_URL') && !set('PUBLIC_URL')) add('SMTP_URL', 'only used with PUBLIC_URL (there is no link to send)');
  if (set('SMTP_URL') && !set('SMTP_FROM')) add('SMTP_FROM', 'required with SMTP_URL (the sender of the e-mails)');
  const hours = /^(\d{1,2})-(\d{1,2})$/.exec(value('WORKING_HOURS') || '9-17');
  if (hours && !(Number(hours[1]) < Number(hours[2]) && Number(hours[2]) <= 24)) {
    add('WORKING_HOURS', 'expected start-end hours such as 9-17, start before end');
  }
  return out;
}

export type Env = z.infer<typeof envSchema>;

/** Documentation for each variable: used for the README table and .env.example checks. */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as (keyof Env)[];
