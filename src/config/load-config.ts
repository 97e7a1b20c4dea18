// Reads the environment (and .env when present) into a validated Config, or a list of one-line problems.
import { existsSync } from 'node:fs';
import { crossFieldProblems, envSchema, parseAuditAdmins, SECRET_VARIABLES } from './schema.js';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  storeUrl: string;
  /** Separates deployments sharing one database or Redis: prefixes store keys and the reminder queue. */
  storePrefix?: string;
  redisUrl?: string;
  /** How long a replica holds a due reminder job before another may take it over (BullMQ lock). */
  reminderLockMs: number;
  /** Closed cases whose last fact is older than this many months are deleted by the daily retention job. */
  retentionMonths: number;
  knowledgeDir: string;
  reminders: {
    timeZone: string;
    approvalHours: number;
    cron: string;
    escalateAfter: number;
    workingHours: [number, number];
  };
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string };
  teams: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: string;
    /** Off: each role's buttons sit on the shared card (clients that cannot show a card per user). */
    userSpecificViews: boolean;
  };
  openai?: {
    apiKey: string;
    baseURL?: string;
    model: string;
    timeoutMs: number;
    azure?: { endpoint: string; deployment: string; apiVersion: string };
  };
  playground: boolean;
  /** Besides the people in a case, these users may see every case's history and export it (AUDIT_ADMINS). */
  auditAdmins: { platform: 'slack' | 'teams'; id: string }[];
  /** This service's public base URL, without a trailing slash: Teams export links point here (PUBLIC_URL). */
  publicUrl?: string;
  /** Approvers outside the workspace, by signed link: on when PUBLIC_URL is set. */
  externalLinks?: {
    /** A function when the playground supplies its own address, which is known only once it listens. */
    publicUrl: string | (() => string);
    /** Absent outside production: a secret is generated once and kept in the store. */
    secret?: string;
    days: number;
    /** SMTP_URL and SMTP_FROM: the assistant may e-mail the link itself. */
    smtp?: { url: string; from: string };
  };
  /**
   * With the playground on and PUBLIC_URL unset: the link settings, so the playground can offer outside approvers at
   * its own address. Absent in production without APPROVAL_LINK_SECRET (a generated secret is for local use only).
   */
  playgroundLinks?: { secret?: string; days: number };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function loadDotEnv(path = '.env'): void {
  // Node's own loader: variables already in the environment win over the file.
  if (existsSync(path)) process.loadEnvFile(path);
}

export function parseConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const line = (name: string, message: string) => {
      const raw = env[name];
      const shown = raw === undefined ? 'not set' : SECRET_VARIABLES.has(name) ? 'value hidden' : `got "${raw}"`;
      return `${name}: ${message} (${shown})`;
    };
    const problems = [
      ...parsed.error.issues.map((issue) => line(String(issue.path[0] ?? 'environment'), issue.message)),
      // zod skipped the cross-variable rules because a field failed; report them too, in the same run.
      ...crossFieldProblems(env).map((p) => line(p.variable, p.message)),
    ];
    return { ok: false, problems: [...new Set(problems)] };
  }
  const e = parsed.data;
  const [start, end] = e.WORKING_HOURS.split('-').map(Number) as [number, number];
  const playground = (e.PLAYGROUND ?? (e.NODE_ENV === 'production' ? 'off' : 'on')) === 'on';
  const openaiKey = e.AZURE_OPENAI_ENDPOINT ? (e.AZURE_OPENAI_API_KEY ?? e.OPENAI_API_KEY) : e.OPENAI_API_KEY;
  return {
    ok: true,
    config: {
      nodeEnv: e.NODE_ENV,
      port: e.PORT,
      host: e.HOST,
      logLevel: e.LOG_LEVEL,
      storeUrl: e.STORE_URL,
      storePrefix: e.STORE_PREFIX,
      redisUrl: e.REDIS_URL,
      reminderLockMs: e.REMINDER_LOCK_MS,
      retentionMonths: e.RETENTION_MONTHS,
      knowledgeDir: e.KNOWLEDGE_DIR,
      reminders: {
        timeZone: e.TIMEZONE,
        approvalHours: e.REMINDER_APPROVAL_HOURS,
        cron: e.REMINDER_CRON,
        escalateAfter: e.REMINDER_ESCALATE_AFTER,
        workingHours: [start, end],
      },
      slack:
        e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
          ? {
              botToken: e.SLACK_BOT_TOKEN,
              signingSecret: e.SLACK_SIGNING_SECRET,
              appToken: e.SLACK_APP_TOKEN,
              apiUrl: e.SLACK_API_URL,
            }
          : undefined,
      teams: {
        appId: e.MicrosoftAppId,
        appPassword: e.MicrosoftAppPassword,
        tenantId: e.MicrosoftAppTenantId,
        appType: e.MicrosoftAppType,
        userSpecificViews: e.TEAMS_USER_SPECIFIC_VIEWS === 'on',
      },
      openai: openaiKey
        ? {
            apiKey: openaiKey,
            baseURL: e.OPENAI_BASE_URL,
            model: e.OPENAI_MODEL,
            timeoutMs: e.OPENAI_TIMEOUT_MS,
            azure:
              e.AZURE_OPENAI_ENDPOINT && e.AZURE_OPENAI_DEPLOYMENT
                ? {
                    endpoint: e.AZURE_OPENAI_ENDPOINT,
                    deployment: e.AZURE_OPENAI_DEPLOYMENT,
                    apiVersion: e.OPENAI_API_VERSION,
                  }
                : undefined,
          }
        : undefined,
      externalLinks: e.PUBLIC_URL
        ? {
            publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
            secret: e.APPROVAL_LINK_SECRET,
            days: e.APPROVAL_LINK_DAYS,
            smtp: e.SMTP_URL && e.SMTP_FROM ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
          }
        : undefined,
      playground,
      playgroundLinks:
        playground && !e.PUBLIC_URL && (e.NODE_ENV !== 'production' || e.APPROVAL_LINK_SECRET)
          ? { secret: e.APPROVAL_LINK_SECRET, days: e.APPROVAL_LINK_DAYS }
          : undefined,
      auditAdmins: parseAuditAdmins(e.AUDIT_ADMINS),
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    },
  };
}
