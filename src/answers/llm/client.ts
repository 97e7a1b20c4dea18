// Creates the OpenAI or Azure OpenAI client from explicit options only: never from the process environment.
import OpenAI, { AzureOpenAI } from 'openai';
import { DEFAULT_AZURE_API_VERSION, DEFAULT_MODEL, DEFAULT_TIMEOUT_MS, type OpenAIOptions } from './options.js';

export interface ModelClient {
  client: OpenAI;
  /** The model name, or the deployment name on Azure. */
  model: string;
}

export function createModelClient(options: OpenAIOptions): ModelClient {
  // Retries would multiply the wait in a chat; a failure falls back to the offline answer instead.
  const common = {
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 0,
    logLevel: 'off' as const,
  };
  if (options.azure) {
    const client = new AzureOpenAI({
      ...common,
      endpoint: options.azure.endpoint,
      deployment: options.azure.deployment,
      apiVersion: options.azure.apiVersion ?? DEFAULT_AZURE_API_VERSION,
    });
    return { client, model: options.azure.deployment };
  }
  // Explicit values stop the client from reading OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID itself.
  const client = new OpenAI({
    ...common,
    baseURL: options.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
  });
  return { client, model: options.model ?? DEFAULT_MODEL };
}
