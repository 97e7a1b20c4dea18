// Maps OPENAI_* / AZURE_OPENAI_* variables to engine options; the caller passes the environment in.
import type { OpenAIOptions } from './options.js';

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => env[name]?.trim() || undefined;

/**
 * Azure when AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT are set (key from AZURE_OPENAI_API_KEY or
 * OPENAI_API_KEY, version from OPENAI_API_VERSION); plain OpenAI when OPENAI_API_KEY is set; otherwise offline.
 */
export function openAIOptionsFromEnv(env: Env): OpenAIOptions | undefined {
  const timeout = Number(value(env, 'OPENAI_TIMEOUT_MS'));
  const timeoutMs = Number.isFinite(timeout) && timeout > 0 ? timeout : undefined;
  const endpoint = value(env, 'AZURE_OPENAI_ENDPOINT');
  const deployment = value(env, 'AZURE_OPENAI_DEPLOYMENT');
  const azureKey = value(env, 'AZURE_OPENAI_API_KEY') ?? value(env, 'OPENAI_API_KEY');
  if (endpoint && deployment && azureKey) {
    return {
      apiKey: azureKey,
      timeoutMs,
      azure: { endpoint, deployment, apiVersion: value(env, 'OPENAI_API_VERSION') },
    };
  }
  const apiKey = value(env, 'OPENAI_API_KEY');
  if (!apiKey) return undefined;
  return { apiKey, baseURL: value(env, 'OPENAI_BASE_URL'), model: value(env, 'OPENAI_MODEL'), timeoutMs };
}
