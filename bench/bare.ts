// The ceilings: a bare Bolt app that only acks, and a bare botbuilder bot answering every invoke with a static card.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
} from 'botbuilder';
import { messagesRoute } from '../adapters/teams/http-bridge.js';
import { silentLogger } from '../src/log.js';

interface BareServer {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server, path: string): Promise<BareServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Same @slack/bolt, same HTTPReceiver with signature verification, on its own node:http server; the listener acks a
 * block action and does nothing else. Authorization is static: no auth.test call.
 */
export async function startBareBolt(signingSecret: string): Promise<BareServer> {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: '/slack/events',
    signatureVerification: true,
    processBeforeResponse: false,
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: 'xoxb-bare', botId: 'BBARE', botUserId: 'UBARE' }),
    logLevel: LogLevel.ERROR,
  });
  app.action({ type: 'block_actions' }, async ({ ack }) => {
    await ack();
  });
  return listen(createServer(receiver.requestListener), '/slack/events');
}

const STATIC_CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Ontvangen', wrap: true }],
};

class BareBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: STATIC_CARD };
  }
}

/**
 * Same botbuilder CloudAdapter without authentication (as the service runs without MicrosoftAppId), on its own
 * node:http server through the same small request bridge the service uses; every adaptiveCard/action invoke is
 * answered with one static card.
 */
export async function startBareTeamsBot(): Promise<BareServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const route = messagesRoute({ adapter, bot: new BareBot(), logger: silentLogger(), authRequired: false });
  return listen(
    createServer((req, res) => void route(req, res)),
    '/api/messages',
  );
}
