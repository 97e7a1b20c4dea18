// The "new takeover" form and the rejection-reason form, as platform-neutral form views.
import { FEATURES, LINK_MANAGERS, type Role, type UserRef } from '../domain/case.js';
import {
  EXTERNAL_ROLES,
  type ExternalRole,
  externalEmailInput,
  externalNameInput,
  LIMITS,
} from '../domain/case-input.js';
import { messages } from '../i18n/messages.js';
import type { FormView, InputView } from './view.js';

/**
 * `external`: PUBLIC_URL is set, so the client and the old environment's admin may be people outside the workspace
 * (a name and an e-mail address instead of a member). Without it the form says what is missing.
 */
export function startForm(
  language: 'nl' | 'en',
  requester: UserRef,
  context: Record<string, string> = {},
  options: { external?: boolean } = {},
): FormView {
  const m = messages(language);
  const person = (role: ExternalRole): InputView[] => {
    const member: InputView = { id: role, kind: 'user', label: m.roles[role], required: true };
    if (!options.external) return [role === 'client' ? { ...member, hint: m.external.unavailable } : member];
    const inText = m.roleInText[role];
    return [
      { ...member, required: false },
      {
        id: externalNameInput(role),
        kind: 'text',
        label: m.external.nameLabel(inText),
        hint: m.external.nameHint,
        required: false,
        maxLength: 200,
      },
      {
        id: externalEmailInput(role),
        kind: 'text',
        label: m.external.emailLabel(inText),
        required: false,
        maxLength: 254,
      },
    ];
  };
  return {
    kind: 'form',
    language,
    form: 'startCase',
    title: m.form.title,
    submitLabel: m.form.submit,
    context,
    inputs: [
      { id: 'clientName', kind: 'text', label: m.form.clientName, required: true, maxLength: LIMITS.clientName },
      {
        id: 'administrations',
        kind: 'multiline',
        label: m.form.administrations,
        hint: m.form.administrationsHint,
        required: true,
        maxLength: 2000,
      },
      {
        id: 'oldEnvironment',
        kind: 'text',
        label: m.form.oldEnvironment,
        required: true,
        maxLength: LIMITS.environment,
      },
      {
        id: 'newEnvironment',
        kind: 'text',
        label: m.form.newEnvironment,
        required: true,
        maxLength: LIMITS.environment,
      },
      ...EXTERNAL_ROLES.flatMap(person),
      {
        id: 'newEnvironmentAdmin',
        kind: 'user',
        label: m.roles.newEnvironmentAdmin,
        required: true,
        value: requester.id,
      },
      {
        id: 'features',
        kind: 'multiChoice',
        label: m.form.features,
        required: false,
        options: [
          ...FEATURES.map((f) => ({ value: f, label: m.features[f] })),
          { value: 'unknown', label: m.form.featuresUnknown },
        ],
      },
      {
        id: 'bankLinksManagedBy',
        kind: 'choice',
        label: m.form.bankLinksManagedBy,
        required: false,
        value: 'unknown',
        options: LINK_MANAGERS.map((v) => ({
          value: v,
          label: m.linkManager[v],
        })),
      },
    ],
  };
}

/** A rejection's reason is kept in full in the audit trail; longer than this belongs in an e-mail. */
export const REASON_MAX = 1000;

/** The reason card names the client and the role, so nobody rejects the wrong case or in the wrong capacity. */
export function rejectForm(language: 'nl' | 'en', caseId: string, role: Role, clientName: string): FormView {
  const m = messages(language);
  return {
    kind: 'form',
    language,
    form: 'rejectReason',
    title: m.form.rejectTitle,
    intro: m.form.rejectIntro(clientName, m.roleInText[role]),
    submitLabel: m.form.rejectSubmit,
    context: { caseId, role },
    inputs: [{ id: 'reason', kind: 'multiline', label: m.form.reason, required: true, maxLength: REASON_MAX }],
  };
}
