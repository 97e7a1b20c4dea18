// Validates a submitted "new takeover" form into case fields, with one message per invalid input.
import { z } from 'zod';
import { messages } from '../i18n/messages.js';
import { FEATURES, type Feature, type FeatureUse, LINK_MANAGERS, type LinkManager, type Role } from './case.js';

/**
 * Roles that may be someone outside the workspace, deciding on the approval page. Not the new environment's admin:
 * that person confirms the move and runs the checklist in the conversation.
 */
export const EXTERNAL_ROLES = ['oldEnvironmentAdmin', 'client'] as const satisfies readonly Role[];
export type ExternalRole = (typeof EXTERNAL_ROLES)[number];
export const externalNameInput = (role: ExternalRole) => `${role}ExternalName`;
export const externalEmailInput = (role: ExternalRole) => `${role}ExternalEmail`;

export interface ExternalPerson {
  name: string;
  email?: string;
}

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
  /** Member ids; empty for a role in `external`. */
  approvers: { oldEnvironmentAdmin: string; client: string; newEnvironmentAdmin: string };
  /** Roles given to someone outside the workspace instead of a member. */
  external?: Partial<Record<ExternalRole, ExternalPerson>>;
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

export type ParseResult = { ok: true; input: CaseInput } | { ok: false; errors: Partial<Record<string, string>> };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** `external`: whether outside approvers can be reached (PUBLIC_URL is set). */
export function parseStartForm(
  values: FormValues,
  language: 'nl' | 'en',
  options: { external?: boolean } = {},
): ParseResult {
  const m = messages(language).errors;
  const mx = messages(language).external.errors;
  const errors: Partial<Record<string, string>> = {};
  const external: CaseInput['external'] = {};
  for (const role of EXTERNAL_ROLES) {
    const name = text(values, externalNameInput(role));
    const email = text(values, externalEmailInput(role));
    if (!name && !email) continue;
    if (!name) errors[externalNameInput(role)] = m.required;
    else if (name.length > 200) errors[externalNameInput(role)] = m.tooLong(200);
    // On the member field: without PUBLIC_URL the form has no name field to show an error under.
    else if (!options.external) errors[role] = mx.needsPublicUrl;
    else if (text(values, role)) errors[role] = mx.memberOrExternal;
    if (email && (email.length > 254 || !EMAIL.test(email))) errors[externalEmailInput(role)] = mx.email;
    external[role] = { name, ...(email ? { email } : {}) };
  }
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
  const member = (role: Role) => (role in external ? text(values, role) : required(role, 200));
  const people = {
    oldEnvironmentAdmin: member('oldEnvironmentAdmin'),
    client: member('client'),
    newEnvironmentAdmin: member('newEnvironmentAdmin'),
  };
  // Two external roles may well be one person (a client who kept their own books); members must differ.
  const chosen = Object.entries(people)
    .filter(([role, id]) => id && !(role in external))
    .map(([, id]) => id);
  const members = 3 - Object.keys(external).length;
  if (chosen.length === members && new Set(chosen).size < members) {
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
      external,
      features,
      bankLinksManagedBy: manager.success ? manager.data : 'unknown',
    },
  };
}
