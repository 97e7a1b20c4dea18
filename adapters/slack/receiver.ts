// How Slack reaches the service: Bolt's HTTPReceiver on the shared server (signatures verified), or Socket Mode.
import type { RequestListener } from 'node:http';
import { type Logger as BoltLogger, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';

/** Bolt's standard path, for events, slash commands and interactivity alike. */
export const SLACK_EVENTS_PATH = '/slack/events';

export type SlackReceiver =
  | { mode: 'http'; receiver: Receiver; requestListener: RequestListener }
  | { mode: 'socket'; receiver: Receiver };

export interface ReceiverOptions {
  signingSecret: string;
  /** xapp- token: Socket Mode, for development behind a firewall; no public URL needed. */
  appToken?: string;
  clientOptions: webApi.WebClientOptions;
  logger: BoltLogger;
}

export function createReceiver(o: ReceiverOptions): SlackReceiver {
  if (o.appToken) {
    return {
      mode: 'socket',
      // Bolt hands installerOptions.clientOptions to the socket client: SLACK_API_URL then covers apps.connections.open.
      receiver: new SocketModeReceiver({
        appToken: o.appToken,
        logger: o.logger,
        installerOptions: { clientOptions: o.clientOptions },
      }),
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: o.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: o.logger,
    // Real verification: v0 HMAC-SHA256 over "v0:timestamp:body", and a timestamp within five minutes; else 401.
    signatureVerification: true,
    // A long-running server answers at ack() and keeps working; Slack retries anything slower than 3 seconds.
    processBeforeResponse: false,
    // A listener that failed before its ack (the store could not keep the decision) gets a 503 at once, so Slack
    // tells the person the press failed; the listener's error was logged where it happened.
    processEventErrorHandler: async ({ response }) => {
      if (!response.headersSent) {
        response.writeHead(503, { 'content-length': 0 });
        response.end();
      }
      return false;
    },
  });
  // Bolt never starts its own server here: the service's one server routes POST /slack/events to this listener.
  return { mode: 'http', receiver, requestListener: receiver.requestListener };
}
