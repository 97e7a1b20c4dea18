// Block Kit's documented limits and a checker that lists every violation in a message or modal payload.
//
// Slack rejects a whole message (invalid_blocks) when one field is too long; the renderers truncate so this never
// happens, and the tests run every rendered view through this checker with worst-case input.

export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  homeBlocks: 100,
  /** Slack cuts `text` after 40,000 characters; it advises staying under 4,000 for notifications. */
  messageText: 4000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  callbackId: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInputMaxLength: 3000,
  optionText: 75,
  optionValue: 150,
  checkboxOptions: 10,
  radioOptions: 10,
  selectOptions: 100,
} as const;

export interface Violation {
  /** JSON path, e.g. blocks[3].elements[0].text.text */
  path: string;
  problem: string;
}

type Json = Record<string, unknown>;
const L = SLACK_LIMITS;

/** Checks a chat.postMessage / chat.update / chat.postEphemeral payload: { text, blocks }. */
export function checkMessage(message: { text?: unknown; blocks?: unknown }): Violation[] {
  const v = new Checker();
  if (typeof message.text !== 'string' || message.text.trim() === '') v.add('text', 'missing text fallback');
  else v.max('text', message.text, L.messageText);
  v.blocks('blocks', message.blocks, L.messageBlocks, false);
  return v.out;
}

/** Checks a views.open / views.update modal payload. */
export function checkModal(view: unknown): Violation[] {
  const v = new Checker();
  if (!isObj(view)) return [{ path: 'view', problem: 'not an object' }];
  if (view.type !== 'modal') v.add('type', 'expected "modal"');
  v.plain('title', view.title, L.modalTitle, true);
  const hasInputs = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
  v.plain('submit', view.submit, L.modalSubmit, hasInputs);
  v.plain('close', view.close, L.modalClose, false);
  if (view.callback_id !== undefined) v.max('callback_id', view.callback_id, L.callbackId);
  if (view.private_metadata !== undefined) v.max('private_metadata', view.private_metadata, L.privateMetadata);
  v.blocks('blocks', view.blocks, L.modalBlocks, true);
  return v.out;
}

/** Checks a views.publish Home tab payload. */
export function checkHome(view: unknown): Violation[] {
  const v = new Checker();
  if (!isObj(view)) return [{ path: 'view', problem: 'not an object' }];
  if (view.type !== 'home') v.add('type', 'expected "home"');
  if (view.private_metadata !== undefined) v.max('private_metadata', view.private_metadata, L.privateMetadata);
  v.blocks('blocks', view.blocks, L.homeBlocks, false);
  return v.out;
}

class Checker {
  readonly out: Violation[] = [];

  add(path: string, problem: string) {
    this.out.push({ path, problem });
  }

  max(path: string, value: unknown, max: number, min = 0) {
    if (typeof value !== 'string') return this.add(path, 'expected a string');
    if (value.length > max) this.add(path, `${value.length} characters, limit ${max}`);
    if (value.trim().length < min) this.add(path, `at least ${min} visible character(s) required`);
  }

  text(path: string, t: unknown, max: number, required: boolean, plainOnly = false) {
    if (t === undefined) return required ? this.add(path, 'missing') : undefined;
    if (!isObj(t)) return this.add(path, 'expected a text object');
    if (t.type !== 'plain_text' && t.type !== 'mrkdwn') this.add(`${path}.type`, 'expected plain_text or mrkdwn');
    if (plainOnly && t.type !== 'plain_text') this.add(`${path}.type`, 'must be plain_text');
    this.max(`${path}.text`, t.text, max, 1);
  }

  plain(path: string, t: unknown, max: number, required: boolean) {
    this.text(path, t, max, required, true);
  }

  blocks(path: string, blocks: unknown, max: number, modal: boolean) {
    if (blocks === undefined) return;
    if (!Array.isArray(blocks)) return this.add(path, 'expected an array');
    if (blocks.length > max) this.add(path, `${blocks.length} blocks, limit ${max}`);
    const ids = new Set<string>();
    for (const [i, b] of blocks.entries()) {
      const p = `${path}[${i}]`;
      if (!isObj(b)) {
        this.add(p, 'expected an object');
        continue;
      }
      if (b.block_id !== undefined) {
        this.max(`${p}.block_id`, b.block_id, L.blockId, 1);
        if (ids.has(String(b.block_id))) this.add(`${p}.block_id`, 'duplicate block_id');
        ids.add(String(b.block_id));
      }
      this.block(p, b, modal);
    }
  }

  block(p: string, b: Json, modal: boolean) {
    switch (b.type) {
      case 'header':
        return this.plain(`${p}.text`, b.text, L.headerText, true);
      case 'section': {
        if (b.text === undefined && b.fields === undefined) this.add(p, 'section needs text or fields');
        this.text(`${p}.text`, b.text, L.sectionText, false);
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields)) return this.add(`${p}.fields`, 'expected an array');
          if (b.fields.length > L.sectionFields) this.add(`${p}.fields`, `${b.fields.length} fields, limit 10`);
          for (const [i, f] of b.fields.entries()) this.text(`${p}.fields[${i}]`, f, L.fieldText, true);
        }
        if (b.accessory !== undefined) this.element(`${p}.accessory`, b.accessory);
        return;
      }
      case 'context': {
        if (!Array.isArray(b.elements) || b.elements.length === 0) return this.add(`${p}.elements`, 'required');
        if (b.elements.length > L.contextElements) this.add(`${p}.elements`, `${b.elements.length} elements, limit 10`);
        for (const [i, e] of b.elements.entries()) {
          if (!(isObj(e) && e.type === 'image')) this.text(`${p}.elements[${i}]`, e, L.contextText, true);
        }
        return;
      }
      case 'actions': {
        if (!Array.isArray(b.elements) || b.elements.length === 0) return this.add(`${p}.elements`, 'required');
        if (b.elements.length > L.actionsElements) this.add(`${p}.elements`, `${b.elements.length} elements, limit 25`);
        const seen = new Set<string>();
        for (const [i, e] of b.elements.entries()) {
          this.element(`${p}.elements[${i}]`, e);
          const id = isObj(e) ? e.action_id : undefined;
          if (typeof id === 'string' && seen.has(id)) this.add(`${p}.elements[${i}].action_id`, 'duplicate in block');
          if (typeof id === 'string') seen.add(id);
        }
        return;
      }
      case 'input':
        if (!modal) this.add(p, 'input blocks belong in modals');
        this.plain(`${p}.label`, b.label, L.inputLabel, true);
        this.plain(`${p}.hint`, b.hint, L.inputHint, false);
        return this.element(`${p}.element`, b.element);
      case 'divider':
        return;
      default:
        this.add(`${p}.type`, `unexpected block type ${String(b.type)}`);
    }
  }

  element(p: string, e: unknown) {
    if (!isObj(e)) return this.add(p, 'expected an object');
    if (e.action_id !== undefined) this.max(`${p}.action_id`, e.action_id, L.actionId, 1);
    this.plain(`${p}.placeholder`, e.placeholder, L.placeholder, false);
    switch (e.type) {
      case 'button':
        this.plain(`${p}.text`, e.text, L.buttonText, true);
        if (e.value !== undefined) this.max(`${p}.value`, e.value, L.buttonValue);
        if (e.url !== undefined) this.max(`${p}.url`, e.url, L.buttonUrl);
        if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') this.add(`${p}.style`, 'invalid');
        return;
      case 'plain_text_input': {
        const limit = typeof e.max_length === 'number' ? e.max_length : L.plainTextInputMaxLength;
        if (limit > L.plainTextInputMaxLength || limit < 1) this.add(`${p}.max_length`, 'must be 1–3000');
        if (e.initial_value !== undefined) this.max(`${p}.initial_value`, e.initial_value, limit);
        return;
      }
      case 'users_select':
        if (e.initial_user !== undefined && typeof e.initial_user !== 'string') this.add(`${p}.initial_user`, 'string');
        return;
      case 'checkboxes':
        return this.options(p, e, L.checkboxOptions);
      case 'radio_buttons':
        return this.options(p, e, L.radioOptions);
      case 'static_select':
      case 'multi_static_select':
        return this.options(p, e, L.selectOptions);
      default:
        this.add(`${p}.type`, `unexpected element type ${String(e.type)}`);
    }
  }

  options(p: string, e: Json, max: number) {
    if (!Array.isArray(e.options) || e.options.length === 0) return this.add(`${p}.options`, 'required');
    if (e.options.length > max) this.add(`${p}.options`, `${e.options.length} options, limit ${max}`);
    const values = new Set<string>();
    for (const [i, o] of e.options.entries()) {
      if (!isObj(o)) {
        this.add(`${p}.options[${i}]`, 'expected an object');
        continue;
      }
      this.text(`${p}.options[${i}].text`, o.text, L.optionText, true);
      this.max(`${p}.options[${i}].value`, o.value, L.optionValue, 1);
      values.add(String(o.value));
    }
    const initial = [...(Array.isArray(e.initial_options) ? e.initial_options : []), e.initial_option];
    for (const o of initial) {
      if (o !== undefined && !(isObj(o) && values.has(String(o.value)))) {
        this.add(`${p}.initial_option(s)`, 'must be one of the options');
      }
    }
  }
}

function isObj(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
