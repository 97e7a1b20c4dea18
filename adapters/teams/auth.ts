// Bot Framework authentication from the configuration, and whether Teams may run without it (local testing only).
import {
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Config } from '../../src/config/load-config.js';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type AuthenticateResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * The SDK's connector clients retry 429 and 5xx on their own (up to 3 times); the messenger has its own policy
 * (with 412 and Retry-After caps), and two layers would multiply the tries. So the SDK's retry phase is removed.
 * It sits in a private field: if a later SDK version moves it, this does nothing and both layers run — still safe.
 */
function withoutSdkRetries<T>(client: T): T {
  const pipeline = (client as { client?: { pipeline?: { removePolicy?(o: { phase: string }): unknown } } }).client
    ?.pipeline;
  pipeline?.removePolicy?.({ phase: 'Retry' });
  return client;
}

function wrapFactory(factory: ConnectorFactory | undefined): ConnectorFactory | undefined {
  if (!factory) return factory;
  return { create: async (url: string, audience?: string) => withoutSdkRetries(await factory.create(url, audience)) };
}

class TeamsAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    result.connectorFactory = wrapFactory(result.connectorFactory)!;
    return result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return wrapFactory(super.createConnectorFactory(claimsIdentity))!;
  }
}

export function createAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  const { appId, appPassword, tenantId, appType } = config.teams;
  const settings = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: tenantId,
    MicrosoftAppType: appId ? appType : undefined,
  };
  return new TeamsAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
