// Renders the core's FormView (start a takeover, reason for a rejection) as an Adaptive Card, and reads it back.
//
// Errors come from the server (engine.submitStart): the card is re-sent in the invoke response with the entered
// values kept and an error line under each rejected input. Approvers are chosen from the conversation's members
// (Input.ChoiceSet, "filtered" = type-ahead). Where supported, a people picker (`choices.data` with Data.Query
// dataset "graph.microsoft.com/users") could search the whole organisation; it is left out because it returns
// Entra object ids, and an approver must be a member of this conversation to see and press the case card anyway.
import type { FormView, InputView } from '../../src/dialog/view.js';
import type { FormValues } from '../../src/domain/case-input.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import {
  type AdaptiveCardJson,
  CARD_SCHEMA,
  CARD_VERSION,
  compact,
  type Json,
  REFRESH_VERB,
  subtle,
  textBlock,
} from './cards.js';
import { escapeText, renderMarkdown } from './markdown.js';
import { teamsTexts } from './texts.js';

/** With more members than this, approvers are picked with type-ahead instead of a dropdown. */
const TYPE_AHEAD_ABOVE = 15;

export interface Member {
  id: string;
  name: string;
  aadObjectId?: string;
}

export const START_SUBMIT_VERB = 'start_submit';
/** Bytes the three approver lists may take together; Teams refuses messages over ~28 KB. */
export const CHOICES_BUDGET = 15_000;

export interface FormOptions {
  /** What the user entered, kept on a card that is sent back with errors. */
  values?: Record<string, unknown>;
  /** One id per rendered start form: a second submit of the same card creates no second case. */
  formId?: string;
}

export function renderForm(form: FormView, members: Member[], options: FormOptions = {}): AdaptiveCardJson {
  const language = form.language;
  const texts = teamsTexts(language);
  const required = MESSAGES[language].errors.required;
  const values = options.values ?? {};
  const errors = form.errors ?? {};
  const selectedUsers = form.inputs
    .filter((i) => i.kind === 'user')
    .map((i) => str(values[i.id]) ?? i.value)
    .filter((v): v is string => !!v);
  const { shown, cut } = fitMembers(members, selectedUsers);

  const body: Json[] = [
    textBlock(escapeText(form.title, 'card'), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
  ];
  if (form.intro) body.push(textBlock(renderMarkdown(form.intro, 'card'), { spacing: 'Small' }));
  if (Object.keys(errors).length > 0) {
    body.push({ type: 'Container', style: 'attention', items: [textBlock(texts.checkFields)] });
  }
  for (const input of form.inputs) {
    const error = errors[input.id];
    body.push(...renderInput(input, shown, values, error ?? (input.required ? required : undefined)));
    if (input.kind === 'user' && cut && input === form.inputs.find((i) => i.kind === 'user')) {
      body.push(textBlock(texts.membersCut(shown.length, members.length), { ...subtle, spacing: 'None' }));
    }
    if (input.hint) body.push(textBlock(escapeText(input.hint, 'card'), { ...subtle, spacing: 'None' }));
    if (error) body.push(textBlock(escapeText(error, 'card'), { color: 'Attention', size: 'Small', spacing: 'None' }));
  }
  const card: AdaptiveCardJson = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    actions: formActions(form, options.formId, texts.back, language),
    msteams: { width: 'Full' },
  };
  return card;
}

function formActions(form: FormView, formId: string | undefined, back: string, lang: string): Json[] {
  if (form.form === 'rejectReason') {
    const data = compact({ caseId: form.context.caseId, role: form.context.role, card: 'case' });
    return [
      submitAction('reject', form.submitLabel, data, 'destructive'),
      // Back to the case card without validating (or sending) the reason field.
      {
        ...submitAction(REFRESH_VERB, back, compact({ caseId: form.context.caseId, card: 'case' })),
        associatedInputs: 'none',
      },
    ];
  }
  return [
    submitAction(
      START_SUBMIT_VERB,
      form.submitLabel,
      compact({ form: form.form, formId, lang, ...form.context }),
      'positive',
    ),
  ];
}

function submitAction(verb: string, title: string, data: Json, style?: 'positive' | 'destructive'): Json {
  const action: Json = { type: 'Action.Execute', verb, title, data };
  if (style) action.style = style;
  action.fallback = { type: 'Action.Submit', title, data: { verb, ...data } };
  return action;
}

function renderInput(
  input: InputView,
  members: Member[],
  values: Record<string, unknown>,
  errorMessage?: string,
): Json[] {
  const base = compact({ id: input.id, label: input.label, isRequired: input.required || undefined, errorMessage });
  const entered = str(values[input.id]) ?? input.value;
  switch (input.kind) {
    case 'text':
    case 'multiline':
      return [
        compact({
          type: 'Input.Text',
          ...base,
          isMultiline: input.kind === 'multiline' || undefined,
          maxLength: input.maxLength,
          placeholder: input.placeholder,
          value: entered,
        }),
      ];
    case 'user':
      // Never without the sender in practice (members.ts adds them); an empty choice list would be an invalid card.
      if (members.length === 0) return [compact({ type: 'Input.Text', ...base, value: entered })];
      return [
        compact({
          type: 'Input.ChoiceSet',
          ...base,
          // A short list is easiest as a plain dropdown; a long one needs type-ahead ("filtered").
          style: members.length > TYPE_AHEAD_ABOVE ? 'filtered' : undefined,
          choices: members.map((m) => ({ title: m.name, value: m.id })),
          value: entered && members.some((m) => m.id === entered) ? entered : undefined,
        }),
      ];
    case 'choice':
      return [
        compact({
          type: 'Input.ChoiceSet',
          ...base,
          choices: (input.options ?? []).map((o) => ({ title: o.label, value: o.value })),
          value: entered,
        }),
      ];
    case 'multiChoice': {
      // One toggle per feature: the list of what the move does not copy reads as a checklist.
      const chosen = new Set(selectedOptions(input, values) ?? (input.value ?? '').split(',').filter(Boolean));
      return [
        textBlock(escapeText(input.label, 'card'), { weight: 'Bolder', spacing: 'Medium' }),
        ...(input.options ?? []).map((o) =>
          compact({
            type: 'Input.Toggle',
            id: toggleId(input.id, o.value),
            title: o.label,
            value: chosen.has(o.value) ? 'true' : 'false',
            spacing: 'Small',
          }),
        ),
      ];
    }
  }
}

const toggleId = (inputId: string, option: string) => `${inputId}.${option}`;

/** The submitted card data → the core's form values (toggles back into one list per multiChoice input). */
export function readFormValues(form: FormView, data: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const input of form.inputs) {
    if (input.kind === 'multiChoice') out[input.id] = selectedOptions(input, data) ?? [];
    else out[input.id] = str(data[input.id]);
  }
  return out;
}

function selectedOptions(input: InputView, data: Record<string, unknown>): string[] | undefined {
  const direct = data[input.id];
  if (Array.isArray(direct)) return direct.map(String);
  if (typeof direct === 'string') return direct.split(',').filter(Boolean);
  const toggles = (input.options ?? []).filter((o) => toggleId(input.id, o.value) in data);
  if (toggles.length === 0) return undefined;
  return toggles.filter((o) => String(data[toggleId(input.id, o.value)]) === 'true').map((o) => o.value);
}

/** Members sorted by name, the chosen ones first, as many as fit the card-size budget. */
export function fitMembers(members: Member[], selected: string[]): { shown: Member[]; cut: boolean } {
  const sorted = [...members].sort((a, b) => {
    const sa = selected.includes(a.id) ? 0 : 1;
    const sb = selected.includes(b.id) ? 0 : 1;
    return sa - sb || a.name.localeCompare(b.name, 'nl');
  });
  const shown: Member[] = [];
  let size = 0;
  for (const m of sorted) {
    // Three approver lists repeat the same choices.
    size += 3 * (JSON.stringify({ title: m.name, value: m.id }).length + 1);
    if (size > CHOICES_BUDGET) break;
    shown.push(m);
  }
  return { shown, cut: shown.length < members.length };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
