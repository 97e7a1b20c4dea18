// The "new takeover" form and the rejection-reason form, as platform-neutral form views.
import { FEATURES, LINK_MANAGERS, type Role, type UserRef } from '../domain/case.js';
import { LIMITS } from '../domain/case-input.js';
import { messages } from '../i18n/messages.js';
import type { FormView } from './view.js';

export function startForm(language: 'nl' | 'en', requester: UserRef, context: Record<string, string> = {}): FormView {
  const m = messages(language);
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
      { id: 'oldEnvironmentAdmin', kind: 'user', label: m.roles.oldEnvironmentAdmin, required: true },
      { id: 'client', kind: 'user', label: m.roles.client, required: true },
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
