// The local playground: a fake Slack workspace and Teams channel on loopback, driven from a browser page.
//
// Button presses and messages from the page become signed Slack requests and Teams activities sent to this same
// service's /slack/events and /api/messages, so they run through the real adapters, not a separate engine.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config/load-config.js';
import type { Logger } from '../../src/log.js';
import type { PlatformPlugin } from '../../src/server/platform.js';
import type { Store } from '../../src/store/store.js';
import type { DemoClock } from './demo-clock.js';
import { registerPlaygroundRoutes } from './routes.js';
import { SlackClient } from './slack-client.js';
import { SlackWorkspace } from './slack-workspace.js';
import { TeamsClient } from './teams-client.js';
import { TeamsConnector } from './teams-connector.js';

export interface Playground {
  plugin: PlatformPlugin;
  /**
   * Points Slack at the playground workspace when no real Slack app is configured, and offers outside approvers at the
   * playground's own address when PUBLIC_URL is unset.
   */
  configure(config: Config): Config;
  close(): Promise<void>;
}

export interface PlaygroundParts {
  slack?: { workspace: SlackWorkspace; client: SlackClient };
  teams?: { connector: TeamsConnector; client: TeamsClient };
  clock: DemoClock;
}

export async function createPlayground(store: Store, clock: DemoClock, logger: Logger): Promise<Playground> {
  let fakeUrl = '';
  let appUrl = '';
  // The page's address is known once the service listens; links are asked for long after that.
  let pageUrl = () => appUrl;
  const workspace = new SlackWorkspace(
    store,
    () => `${fakeUrl}/slack`,
    () => pageUrl(),
  );
  const connector = new TeamsConnector(store);
  const edge: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const route = url.startsWith('/slack/')
      ? workspace.handle
      : url.startsWith('/teams/')
        ? connector.handle
        : undefined;
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    req.url = url.replace(/^\/(slack|teams)/, '');
    route(req, res).catch((err: unknown) => {
      logger.error({ err }, 'playground edge failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((r) => edge.listen(0, '127.0.0.1', r));
  fakeUrl = `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;
  const parts: PlaygroundParts = { clock };
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((r) => {
      edge.closeAllConnections();
      edge.close(() => r());
    });
    return closed;
  };
  let simulatedSlackSecret: string | undefined;
  // Real credentials mean real traffic: the playground then leaves that platform alone.
  const simulates = (config: Config) => ({
    slack: !!simulatedSlackSecret && config.slack?.signingSecret === simulatedSlackSecret,
    teams: !config.teams.appId,
  });

  return {
    configure(given) {
      // Outside approvers work out of the box: without PUBLIC_URL the links point at this page's own server.
      const config: Config =
        !given.externalLinks && given.playgroundLinks
          ? { ...given, externalLinks: { ...given.playgroundLinks, publicUrl: () => pageUrl() } }
          : given;
      if (config.slack) return config;
      simulatedSlackSecret = randomBytes(16).toString('hex');
      return {
        ...config,
        slack: { botToken: 'xoxb-playground', signingSecret: simulatedSlackSecret, apiUrl: `${fakeUrl}/slack/api/` },
      };
    },
    plugin: {
      name: 'playground',
      enabled: (config) => config.playground,
      simulates: (config) => {
        const on = simulates(config);
        return (['slack', 'teams'] as const).filter((platform) => on[platform]);
      },
      async attach(ctx) {
        const address = () => {
          const port = (ctx.server.server.address() as AddressInfo | null)?.port;
          appUrl = `http://127.0.0.1:${port}`;
          return appUrl;
        };
        pageUrl = address;
        const on = simulates(ctx.config);
        if (on.slack && simulatedSlackSecret) {
          parts.slack = { workspace, client: new SlackClient(workspace, address, simulatedSlackSecret) };
        }
        if (on.teams) {
          parts.teams = { connector, client: new TeamsClient(connector, address, () => `${fakeUrl}/teams/`) };
          // A Teams deep link would open real Teams: a case message here is found on this page, in its Teams view.
          const teams = ctx.engine.messenger('teams');
          if (teams) {
            ctx.engine.registerMessenger({
              platform: 'teams',
              post: (target, view) => teams.post(target, view),
              update: (target, messageId, view) => teams.update(target, messageId, view),
              link: async () => `${address()}/?platform=teams`,
              tellPrivately: teams.tellPrivately && ((target, user, view) => teams.tellPrivately!(target, user, view)),
            });
          }
        }
        registerPlaygroundRoutes(ctx, parts);
      },
      close,
    },
    close,
  };
}
