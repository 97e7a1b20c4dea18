// The playground's HTTP API for its page: state to show, and what the person at the keyboard does.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, resolve } from 'node:path';
import { ReminderPolicy } from '../../src/reminders/policy.js';
import { readBody, sendJson } from '../../src/server/http-server.js';
import type { PlatformContext } from '../../src/server/platform.js';
import { IDENTITIES, identity, PLAYGROUND_SLACK, PLAYGROUND_TEAMS } from './identities.js';
import type { PlaygroundParts } from './playground.js';

const PUBLIC = resolve(import.meta.dirname, 'public');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

async function json(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req, 200_000);
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || !v) throw Object.assign(new Error(`"${key}" is required`), { status: 400 });
  return v;
}

/** Wraps a handler so bad input answers 400 with a message instead of a stack trace. */
function api(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      await handler(req, res);
    } catch (err) {
      const status = (err as { status?: number }).status ?? (err instanceof SyntaxError ? 400 : 500);
      if (status === 500) throw err;
      sendJson(res, status, { error: (err as Error).message });
    }
  };
}

export function registerPlaygroundRoutes(ctx: PlatformContext, parts: PlaygroundParts): void {
  const { server, config, engine, logger } = ctx;
  const policy = new ReminderPolicy(config.reminders);
  const vendor = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

  const serveFile = (file: string) => async (_req: IncomingMessage, res: ServerResponse) => {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  };
  server.route('GET', '/', serveFile(join(PUBLIC, 'index.html')));
  for (const file of ['playground.js', 'blockkit.js', 'styles.css']) {
    server.route('GET', `/playground/${file}`, serveFile(join(PUBLIC, file)));
  }
  server.route('GET', '/playground/adaptivecards.js', serveFile(vendor));
  server.route('GET', '/favicon.ico', (_req, res) => {
    res.writeHead(204).end();
  });

  server.route(
    'GET',
    '/playground/state',
    api(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const who = identity(url.searchParams.get('as') ?? 'requester');
      sendJson(res, 200, {
        clock: parts.clock.now().toISOString(),
        timeZone: config.reminders.timeZone,
        identities: IDENTITIES,
        platforms: { slack: !!parts.slack, teams: !!parts.teams },
        slack: parts.slack
          ? {
              channel: PLAYGROUND_SLACK.channelName,
              botUser: PLAYGROUND_SLACK.botUser,
              messages: await parts.slack.workspace.messages(who.slackId),
              modal: (await parts.slack.workspace.modal(who.slackId)) ?? null,
            }
          : null,
        teams: parts.teams
          ? { botId: PLAYGROUND_TEAMS.botId, activities: await parts.teams.connector.activities() }
          : null,
      });
    }),
  );

  server.route(
    'POST',
    '/playground/say',
    api(async (req, res) => {
      const body = await json(req);
      const who = identity(str(body, 'as'));
      const text = str(body, 'text').slice(0, 4000);
      const thread = typeof body.thread === 'string' && body.thread ? body.thread : undefined;
      if (body.platform === 'teams' && parts.teams) {
        sendJson(res, 200, { status: await parts.teams.client.say(who, text, thread) });
      } else if (body.platform === 'slack' && parts.slack) {
        sendJson(res, 200, await parts.slack.client.say(who, text, thread));
      } else sendJson(res, 409, { error: 'that platform is not simulated here' });
    }),
  );

  server.route(
    'POST',
    '/playground/slack/action',
    api(async (req, res) => {
      if (!parts.slack) return sendJson(res, 409, { error: 'Slack is not simulated here' });
      const body = await json(req);
      const reply = await parts.slack.client.press(
        identity(str(body, 'as')),
        str(body, 'ts'),
        str(body, 'actionId'),
        String(body.value ?? ''),
        String(body.blockId ?? 'b'),
      );
      sendJson(res, 200, reply);
    }),
  );

  server.route(
    'POST',
    '/playground/slack/submit',
    api(async (req, res) => {
      if (!parts.slack) return sendJson(res, 409, { error: 'Slack is not simulated here' });
      const body = await json(req);
      const values = (body.values ?? {}) as Record<string, unknown>;
      sendJson(res, 200, await parts.slack.client.submit(identity(str(body, 'as')), values));
    }),
  );

  server.route(
    'POST',
    '/playground/slack/close',
    api(async (req, res) => {
      const body = await json(req);
      await parts.slack?.workspace.closeModal(identity(str(body, 'as')).slackId);
      sendJson(res, 200, { ok: true });
    }),
  );

  server.route(
    'POST',
    '/playground/teams/execute',
    api(async (req, res) => {
      if (!parts.teams) return sendJson(res, 409, { error: 'Teams is not simulated here' });
      const body = await json(req);
      const trigger = body.trigger === 'automatic' ? 'automatic' : 'manual';
      const reply = await parts.teams.client.execute(
        identity(str(body, 'as')),
        str(body, 'activityId'),
        str(body, 'verb'),
        body.data ?? {},
        trigger,
      );
      sendJson(res, 200, reply);
    }),
  );

  server.route(
    'POST',
    '/playground/clock/next-working-day',
    api(async (_req, res) => {
      const next = policy.nextSlot(parts.clock.now());
      parts.clock.advanceTo(next);
      const fired = await engine.runDueReminders();
      logger.info({ clock: next.toISOString(), fired }, 'playground clock advanced');
      sendJson(res, 200, { clock: parts.clock.now().toISOString(), fired });
    }),
  );
}
