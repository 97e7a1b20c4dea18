// The Slack adapter as a PlatformPlugin: a Bolt app on the shared HTTP server (or Socket Mode) driving the engine.
import { App, type AppOptions } from '@slack/bolt';
import type { PlatformPlugin } from '../../src/server/platform.js';
import { boltLogger } from './bolt-logger.js';
import { botAuthorize, createWebClient, webClientOptions } from './client.js';
import type { SlackDeps } from './context.js';
import { slackEnabled } from './enabled.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerViews } from './listeners/views.js';
import { SlackMessenger } from './messenger.js';
import { createReceiver, SLACK_EVENTS_PATH } from './receiver.js';
import { guardSlackRequests } from './request-guard.js';
import { TaskTracker } from './tasks.js';
import { createSlackTransport, type SlackTransport } from './transport.js';
import { SlackUsers } from './users.js';

export interface SlackAdapter extends PlatformPlugin {
  /** How Slack reaches the service once attached. */
  readonly mode: 'http' | 'socket' | undefined;
  /** Resolves when no event, command, click or submission is still being worked on (after its ack). */
  idle(): Promise<void>;
}

/** Bolt's App, counting each delivery as running work until its listeners are done, not just until the ack. */
class TrackedApp extends App {
  constructor(
    private readonly tasks: TaskTracker,
    options: AppOptions,
  ) {
    super(options);
  }

  override processEvent(event: Parameters<App['processEvent']>[0]): Promise<void> {
    return this.tasks.track(super.processEvent(event));
  }
}

export function createSlackAdapter(): SlackAdapter {
  const tasks = new TaskTracker();
  let app: TrackedApp | undefined;
  let mode: SlackAdapter['mode'];
  let transport: SlackTransport | undefined;

  return {
    name: 'slack',
    get mode() {
      return mode;
    },
    enabled: slackEnabled,

    async attach({ config, engine, server, store, logger }) {
      const slack = config.slack;
      if (!slack) throw new Error('Slack adapter attached without SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
      const log = logger.child({ platform: 'slack' });
      const bolt = boltLogger(log);
      transport = createSlackTransport();
      const clientOptions = webClientOptions(slack.apiUrl, bolt, transport);
      const client = createWebClient(slack.botToken, clientOptions);
      const receiver = createReceiver({
        signingSecret: slack.signingSecret,
        appToken: slack.appToken,
        clientOptions,
        logger: bolt,
      });
      app = new TrackedApp(tasks, {
        receiver: receiver.receiver,
        authorize: botAuthorize(client, slack.botToken),
        clientOptions,
        logger: bolt,
        // Bolt's conversation store is unused here, and costs a rejected promise (an Error with a stack) per request.
        convoStore: false,
      });
      const messenger = new SlackMessenger(client, log);
      const deps: SlackDeps = { engine, store, logger: log, messenger, users: new SlackUsers(client, log) };
      registerEvents(app, deps);
      registerCommands(app, deps);
      registerActions(app, deps);
      registerViews(app, deps);
      app.error(async (err) => {
        log.error({ err }, 'slack listener failed');
        // Rethrown, so a failure before the ack reaches the receiver (503 at once) instead of a 3 s wait and a 404.
        throw err;
      });
      engine.registerMessenger(messenger);
      if (receiver.mode === 'http') {
        const guarded = guardSlackRequests({
          signingSecret: slack.signingSecret,
          logger: log,
          next: receiver.requestListener,
        });
        server.route('POST', SLACK_EVENTS_PATH, guarded);
      } else await app.start();
      mode = receiver.mode;
      log.info({ mode }, 'slack adapter attached');
      // An overridden Web API URL is a test's or the playground's loopback fake: only worth a debug line.
      if (slack.apiUrl) log.debug({ apiUrl: slack.apiUrl }, 'Slack Web API overridden');
    },

    idle: () => tasks.idle(),

    async close() {
      // The HTTP server has stopped taking requests; let answers and clicks already acked finish their work.
      await tasks.idle(10_000);
      if (mode === 'socket') await app?.stop();
      await transport?.close();
      transport = undefined;
      app = undefined;
      mode = undefined;
    },
  };
}
