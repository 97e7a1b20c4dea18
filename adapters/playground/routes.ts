// The playground's HTTP API for its page: state to show, and what the person at the keyboard does.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, resolve } from 'node:path';
import { ReminderPolicy } from '../../src/reminders/policy.js';
import { readBody, sendJson } from '../../src/server/http-server.js';
import type { PlatformContext } from '../../src/server/platform.js';
import { IDENTITIES, type Identity, identity, PLAYGROUND_SLACK, PLAYGROUND_TEAMS } from './identities.js';
import type { PlaygroundParts } from './playground.js';
import { noFile, sendFile } from './slack-files.js';
import { dmChannelOf } from './slack-workspace.js';

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
  for (const file of ['playground.js', 'blockkit.js', 'slack-places.js', 'teams.js', 'styles.css']) {
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
              dm: await parts.slack.workspace.messages(who.slackId, dmChannelOf(who.slackId)),
              home: (await parts.slack.workspace.home(who.slackId)) ?? null,
              modal: (await parts.slack.workspace.modal(who.slackId)) ?? null,
            }
          : null,
        teams: parts.teams
          ? { botId: PLAYGROUND_TEAMS.botId, activities: await parts.teams.connector.activities(who.teamsId) }
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

  /** A POST route acting on one simulated platform: 409 when it is not simulated, else the handler's JSON answer. */
  const onPlatform = <P extends 'slack' | 'teams'>(
    platform: P,
    path: string,
    handle: (part: NonNullable<PlaygroundParts[P]>, body: Record<string, unknown>, who: Identity) => Promise<unknown>,
  ) =>
    server.route(
      'POST',
      path,
      api(async (req, res) => {
        const part = parts[platform];
        if (!part)
          return sendJson(res, 409, { error: `${platform === 'slack' ? 'Slack' : 'Teams'} is not simulated here` });
        const body = await json(req);
        sendJson(res, 200, await handle(part as NonNullable<PlaygroundParts[P]>, body, identity(str(body, 'as'))));
      }),
    );

  onPlatform('slack', '/playground/slack/action', (slack, body, who) =>
    slack.client.press(
      who,
      str(body, 'ts'),
      str(body, 'actionId'),
      String(body.value ?? ''),
      String(body.blockId ?? 'b'),
    ),
  );
  onPlatform('slack', '/playground/slack/view-action', (slack, body, who) =>
    slack.client.pressInView(
      who,
      body.view === 'home' ? 'home' : 'modal',
      str(body, 'actionId'),
      String(body.value ?? ''),
      String(body.blockId ?? 'b'),
    ),
  );
  onPlatform('slack', '/playground/slack/home', (slack, _body, who) => slack.client.openHome(who));
  // A file shared in the channel, or in the viewer's own DM with the app; anyone else's is not there for them.
  server.route(
    'GET',
    '/playground/slack/files/*',
    api(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const who = identity(url.searchParams.get('as') ?? 'requester');
      const id = decodeURIComponent(url.pathname.slice('/playground/slack/files/'.length));
      const file = parts.slack && /^F[0-9A-Z]{1,40}$/.test(id) ? await parts.slack.workspace.files.get(id) : undefined;
      const seen =
        file?.completed && (file.channel === PLAYGROUND_SLACK.channel || file.channel === dmChannelOf(who.slackId));
      if (!file || !seen) {
        logger.warn({ file: id.slice(0, 48), as: who.persona }, 'playground file not found or not visible');
        return noFile(res);
      }
      sendFile(res, file);
    }),
  );
  onPlatform('slack', '/playground/slack/submit', (slack, body, who) =>
    slack.client.submit(who, (body.values ?? {}) as Record<string, unknown>),
  );
  onPlatform('slack', '/playground/slack/close', async (slack, _body, who) => {
    await slack.workspace.closeModal(who.slackId);
    return { ok: true };
  });
  onPlatform('teams', '/playground/teams/execute', (teams, body, who) =>
    teams.client.execute(
      who,
      str(body, 'activityId'),
      str(body, 'verb'),
      body.data ?? {},
      body.trigger === 'automatic' ? 'automatic' : 'manual',
    ),
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
