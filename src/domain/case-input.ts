// Validates a submitted "new takeover" form into case fields, with one message per invalid input.
import { z } from 'zod';
import { messages } from '../i18n/messages.js';
import { FEATURES, type Feature, type FeatureUse, LINK_MANAGERS, type LinkManager } from './case.js';

export const START_INPUTS = [
  'clientName',
  'administrations',
  'oldEnvironment',
  'newEnvironment',
  'oldEnvironmentAdmin',
  'client',
  'newEnvironmentAdmin',
  'features',
  'bankLinksManagedBy',
] as const;
export type StartInput = (typeof START_INPUTS)[number];

export type FormValues = Partial<Record<string, string | string[] | undefined>>;

export interface CaseInput {
  clientName: string;
  administrations: string[];
  oldEnvironment: string;
  newEnvironment: string;
  approvers: { oldEnvironmentAdmin: string; client: string; newEnvironmentAdmin: string };
  features: Record<Feature, FeatureUse>;
  bankLinksManagedBy: LinkManager;
}

export const LIMITS = { clientName: 150, administration: 100, administrations: 20, environment: 150 } as const;

function text(values: FormValues, id: string): string {
  const v = values[id];
  return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim();
}

function list(values: FormValues, id: string): string[] {
  const v = values[id];
  const raw = Array.isArray(v) ? v : (v ?? '').split(',');
  return raw.map((s) => s.trim()).filter(Boolean);
}

export type ParseResult = { ok: true; input: CaseInput } | { ok: false; errors: Partial<Record<StartInput, string>> };

export function parseStartForm(values: FormValues, language: 'nl' | 'en'): ParseResult {
  const m = messages(language).errors;
  const errors: Partial<Record<StartInput, string>> = {};
  const required = (id: StartInput, max: number) => {
    const v = text(values, id);
    if (!v) errors[id] = m.required;
    else if (v.length > max) errors[id] = m.tooLong(max);
    return v;
  };
  const clientName = required('clientName', LIMITS.clientName);
  const administrations = text(values, 'administrations')
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (administrations.length === 0) errors.administrations = m.administrations;
  else if (
    administrations.length > LIMITS.administrations ||
    administrations.some((a) => a.length > LIMITS.administration)
  )
    errors.administrations = m.tooLong(LIMITS.administration);
  const oldEnvironment = required('oldEnvironment', LIMITS.environment);
  const newEnvironment = required('newEnvironment', LIMITS.environment);
  if (oldEnvironment && newEnvironment && oldEnvironment.toLowerCase() === newEnvironment.toLowerCase())
    errors.newEnvironment = m.sameEnvironment;
  const people = {
    oldEnvironmentAdmin: required('oldEnvironmentAdmin', 200),
    client: required('client', 200),
    newEnvironmentAdmin: required('newEnvironmentAdmin', 200),
  };
  const chosen = Object.values(people).filter(Boolean);
  if (chosen.length === 3 && new Set(chosen).size < 3) {
    const dup = people.client === people.oldEnvironmentAdmin || people.client === people.newEnvironmentAdmin;
    errors[dup ? 'client' : 'newEnvironmentAdmin'] = m.distinctPeople;
  }
  const used = new Set(list(values, 'features'));
  const unknown = used.has('unknown');
  const features = Object.fromEntries(
    FEATURES.map((f) => [f, used.has(f) ? 'yes' : unknown ? 'unknown' : 'no']),
  ) as Record<Feature, FeatureUse>;
  const manager = z.enum(LINK_MANAGERS).safeParse(text(values, 'bankLinksManagedBy') || 'unknown');
  if (!manager.success) errors.bankLinksManagedBy = m.required;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      clientName,
      administrations,
      oldEnvironment,
      newEnvironment,
      approvers: people,
      features,
      bankLinksManagedBy: manager.success ? manager.data : 'unknown',
    },
  };
}
