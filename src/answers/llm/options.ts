// Settings for answering through an OpenAI-compatible model; the core fills them from its own configuration.

export interface AzureOptions {
  /** e.g. https://my-resource.openai.azure.com */
  endpoint: string;
  deployment: string;
  apiVersion?: string;
}

export interface OpenAIOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
  azure?: AzureOptions;
}

/** The part of a pino logger the engine uses. */
export interface WarnLogger {
  warn: (obj: object, msg?: string) => void;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';
