// Renders the core's forms as Slack modals, and reads a submitted modal back into the core's form values. Pure.
import type { types } from '@slack/bolt';
import type { FormView, InputView } from '../../src/dialog/view.js';
import type { FormValues } from '../../src/domain/case-input.js';
import { SLACK_LIMITS as L } from './limits.js';
import { toMrkdwn } from './mrkdwn.js';
import { slackTexts } from './texts.js';
import { truncateMrkdwn, truncatePlain } from './truncate.js';

/** What a modal carries back on submit (channel, team, locale; case id and role for a rejection). */
export type ModalMetadata = Record<string, string>;

export function renderModal(form: FormView, metadata: Record<string, string | undefined> = {}): types.ModalView {
  const t = slackTexts(form.language);
  return {
    type: 'modal',
    callback_id: form.form,
    title: plain(form.title, L.modalTitle),
    submit: plain(form.submitLabel, L.modalSubmit),
    close: plain(t.close, L.modalClose),
    private_metadata: encodeMetadata({ ...form.context, ...metadata }),
    blocks: [...(form.intro ? [introBlock(form.intro)] : []), ...form.inputs.map(inputBlock)],
  };
}

function introBlock(markup: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(toMrkdwn(markup), L.sectionText) } };
}

function inputBlock(input: InputView): types.InputBlock {
  const block: types.InputBlock = {
    type: 'input',
    // block_id and action_id are the core's input id: submitted state and response_action errors are keyed by it.
    block_id: input.id,
    label: plain(input.label, L.inputLabel),
    optional: !input.required,
    element: element(input),
  };
  if (input.hint) block.hint = plain(input.hint, L.inputHint);
  return block;
}

function element(input: InputView): types.InputBlockElement {
  const action_id = input.id;
  const placeholder = input.placeholder ? plain(input.placeholder, L.placeholder) : undefined;
  switch (input.kind) {
    case 'text':
    case 'multiline':
      return {
        type: 'plain_text_input',
        action_id,
        multiline: input.kind === 'multiline',
        max_length: Math.min(input.maxLength ?? L.plainTextInputMaxLength, L.plainTextInputMaxLength),
        ...(input.value ? { initial_value: input.value } : {}),
        ...(placeholder ? { placeholder } : {}),
      };
    case 'user':
      return { type: 'users_select', action_id, ...(input.value ? { initial_user: input.value } : {}) };
    case 'choice': {
      const options = (input.options ?? []).map(option);
      const initial = options.find((o) => o.value === input.value);
      return options.length <= L.radioOptions
        ? { type: 'radio_buttons', action_id, options, ...(initial ? { initial_option: initial } : {}) }
        : { type: 'static_select', action_id, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'multiChoice': {
      const options = (input.options ?? []).map(option);
      const chosen = new Set((input.value ?? '').split(',').filter(Boolean));
      const initial = options.filter((o) => chosen.has(o.value ?? ''));
      return options.length <= L.checkboxOptions
        ? { type: 'checkboxes', action_id, options, ...(initial.length ? { initial_options: initial } : {}) }
        : { type: 'multi_static_select', action_id, options, ...(initial.length ? { initial_options: initial } : {}) };
    }
  }
}

function option(o: { value: string; label: string }): types.PlainTextOption {
  return { text: plain(o.label, L.optionText), value: o.value };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncatePlain(text, max) || '…', emoji: true };
}

/** The parts of Slack's view state this adapter reads; loose on purpose, the payload is untrusted. */
export interface ModalStateValue {
  type?: string;
  value?: string | null;
  selected_user?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[] | null;
}

/** view.state.values (block_id → action_id → value) → the core's form values (input id → string or list). */
export function readModalValues(values: Record<string, Record<string, ModalStateValue>> | undefined): FormValues {
  const out: FormValues = {};
  for (const [blockId, actions] of Object.entries(values ?? {})) {
    const a = actions?.[blockId] ?? Object.values(actions ?? {})[0];
    if (a) out[blockId] = stateValue(a);
  }
  return out;
}

function stateValue(a: ModalStateValue): string | string[] {
  switch (a.type) {
    case 'users_select':
      return a.selected_user ?? '';
    case 'checkboxes':
    case 'multi_static_select':
      return (a.selected_options ?? []).map((o) => o.value ?? '').filter(Boolean);
    case 'radio_buttons':
    case 'static_select':
      return a.selected_option?.value ?? '';
    default:
      return a.value ?? '';
  }
}

export function encodeMetadata(meta: Record<string, string | undefined>): string {
  const clean = Object.fromEntries(Object.entries(meta).filter(([, v]) => typeof v === 'string' && v !== ''));
  return JSON.stringify(clean);
}

/** Never throws: a tampered or foreign private_metadata reads as empty, and the caller refuses politely. */
export function decodeMetadata(raw: unknown): ModalMetadata {
  if (typeof raw !== 'string' || !raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}
