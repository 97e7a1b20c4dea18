// botbuilder's CloudAdapter, except that a refused token is answered and logged here instead of printed to stderr.
//
// CloudAdapter.process() prints every error it catches with console.error, stack and all, before answering 401:
// anyone posting a bad token to /api/messages would write a stack trace to the service's stderr, outside its logs.
// Authentication is the first step of processActivity(), so it is done here first; a refusal becomes the request's
// answer (the 4xx botbuilder chose) and one warn line. Any other failure goes on to botbuilder as before.
import { CloudAdapter, type ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from '../../src/log.js';

type AuthenticateResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type Activity = Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0];
type InvokeResponse = Awaited<ReturnType<CloudAdapter['processActivity']>>;

/** A refusal by botframework-connector's token checks: an AuthenticationError with a 4xx status (401, 400). */
function refusalStatus(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

export class TeamsCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super(auth);
  }

  protected override async processActivity(
    auth: string | AuthenticateResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    let authenticated: AuthenticateResult;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (err) {
      const status = refusalStatus(err);
      if (status === undefined) throw err;
      this.logger.warn(
        { platform: 'teams', status, reason: (err as Error).message, activityType: activity.type },
        'Teams request refused: no valid token',
      );
      return { status, body: { error: 'unauthorized' } };
    }
    return super.processActivity(authenticated, activity, logic);
  }
}
