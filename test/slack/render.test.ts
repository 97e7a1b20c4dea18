// The pure renderers: core views → Slack messages and modals, and a submitted modal → the core's form values.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/slack/render-blocks.js';
import { decodeMetadata, readModalValues, renderModal } from '../../adapters/slack/render-modal.js';
import { withSlackHelp } from '../../adapters/slack/texts.js';
import { helpCard } from '../../src/dialog/chat-views.js';
import { rejectForm, startForm } from '../../src/dialog/forms.js';
import { md } from '../../src/dialog/markup.js';
import type { CardView } from '../../src/dialog/view.js';
import { parseStartForm } from '../../src/domain/case-input.js';
import { fillModal, VALID_START } from '../helpers/slack-app.js';

const requester = { platform: 'slack' as const, id: 'UREQ', name: 'Rianne' };

describe('renderModal', () => {
  const modal = renderModal(startForm('nl', requester), { channel: 'C1', team: 'T1', locale: 'nl' });
  const inputs = modal.blocks as unknown as {
    block_id: string;
    optional: boolean;
    label: { text: string };
    element: Record<string, unknown>;
  }[];

  it('builds the start modal with one input block per form input, ids kept', () => {
    expect(modal).toMatchObject({
      type: 'modal',
      callback_id: 'startCase',
      title: { type: 'plain_text', text: 'Nieuwe overname' },
      submit: { type: 'plain_text', text: 'Aanvragen' },
      close: { type: 'plain_text', text: 'Sluiten' },
    });
    expect(inputs.map((b) => [b.block_id, b.element.action_id, b.element.type])).toEqual([
      ['clientName', 'clientName', 'plain_text_input'],
      ['administrations', 'administrations', 'plain_text_input'],
      ['oldEnvironment', 'oldEnvironment', 'plain_text_input'],
      ['newEnvironment', 'newEnvironment', 'plain_text_input'],
      ['oldEnvironmentAdmin', 'oldEnvironmentAdmin', 'users_select'],
      ['client', 'client', 'users_select'],
      ['newEnvironmentAdmin', 'newEnvironmentAdmin', 'users_select'],
      ['features', 'features', 'checkboxes'],
      ['bankLinksManagedBy', 'bankLinksManagedBy', 'radio_buttons'],
    ]);
    expect(inputs[0]!.element.max_length).toBe(150);
    expect(inputs[1]!.element.multiline).toBe(true);
    expect(inputs[6]!.element.initial_user).toBe('UREQ');
    expect((inputs[7]!.element.options as unknown[]).length).toBe(6);
    expect(inputs[7]!.optional).toBe(true);
    expect(inputs[8]!.element.initial_option).toMatchObject({ value: 'unknown' });
    expect(JSON.parse(modal.private_metadata!)).toEqual({ channel: 'C1', team: 'T1', locale: 'nl' });
  });

  it('reads a submission back into values the core accepts', () => {
    const values = readModalValues(fillModal(modal as never, VALID_START) as never);
    expect(values).toMatchObject({
      clientName: VALID_START.clientName,
      oldEnvironmentAdmin: VALID_START.oldEnvironmentAdmin,
      newEnvironmentAdmin: 'UREQ',
      features: VALID_START.features,
      bankLinksManagedBy: 'unknown',
    });
    expect(parseStartForm(values, 'nl').ok).toBe(true);
    const blank = readModalValues(fillModal(modal as never, { clientName: undefined, features: [] }) as never);
    expect(blank.clientName).toBe('');
    expect(blank.features).toEqual([]);
  });

  it('carries case and role for a rejection, in the form’s language', () => {
    const reject = renderModal(rejectForm('en', 'case123', 'client', 'Bakkerij De Korst'), { channel: 'C1' });
    expect(reject).toMatchObject({ callback_id: 'rejectReason', title: { text: 'Reject takeover' } });
    expect(reject.close!.text).toBe('Close');
    expect(decodeMetadata(reject.private_metadata)).toEqual({ caseId: 'case123', role: 'client', channel: 'C1' });
    expect(renderModal(startForm('nl', requester), {}).close!.text).toBe('Sluiten');
  });

  it('reads tampered metadata as empty', () => {
    for (const raw of [undefined, '', 'not json', '[1,2]', 'null', '42']) expect(decodeMetadata(raw)).toEqual({});
    expect(decodeMetadata('{"caseId":"x","n":1}')).toEqual({ caseId: 'x' });
  });
});

describe('renderMessage', () => {
  const card: CardView = {
    kind: 'card',
    language: 'nl',
    purpose: 'case',
    caseId: 'case123',
    title: md`Overname ${'Jansen (Holding) & Zn'}`,
    facts: [{ label: 'Status', value: 'Wacht op akkoord' }],
    sections: [
      {
        text: '⏳ **Klant**: <@UCLIENT|Karin> — wacht',
        buttons: [
          { action: 'approve', label: 'Akkoord', style: 'primary', caseId: 'case123', role: 'client' },
          { action: 'reject', label: 'Afwijzen', style: 'danger', caseId: 'case123', role: 'client' },
        ],
      },
    ],
    buttons: [{ action: 'cancel', label: 'Annuleren', style: 'danger', caseId: 'case123' }],
    footer: '_Vastgelegd_',
    actors: [],
  };

  it('renders a card as header, fields, sections with their buttons, card buttons and a footer', () => {
    const { text, blocks } = renderMessage(card);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions', 'actions', 'context']);
    expect(blocks[0]).toMatchObject({ text: { type: 'plain_text', text: 'Overname Jansen (Holding) & Zn' } });
    expect(blocks[1]).toMatchObject({ fields: [{ type: 'mrkdwn', text: '*Status*\nWacht op akkoord' }] });
    expect(blocks[2]).toMatchObject({ text: { type: 'mrkdwn', text: '⏳ *Klant*: <@UCLIENT> — wacht' } });
    expect(blocks[3]).toMatchObject({
      elements: [
        { type: 'button', action_id: 'approve:client', value: 'case123', style: 'primary' },
        { type: 'button', action_id: 'reject:client', value: 'case123', style: 'danger' },
      ],
    });
    expect(text).toBe('Overname Jansen (Holding) &amp; Zn — Wacht op akkoord');
  });

  it('renders a reminder text with mentions, and a fallback without markup', () => {
    const { text, blocks } = renderMessage({ kind: 'text', text: 'Herinnering: <@UOLD|Otto Oud>, **graag**' });
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Herinnering: <@UOLD>, *graag*' } }]);
    expect(text).toBe('Herinnering: @Otto Oud, graag');
  });

  it('renders a start form as a prompt with the start button (an event cannot open a modal)', () => {
    const { blocks } = renderMessage(startForm('en', requester));
    expect(JSON.stringify(blocks)).toContain('Press the button');
    expect(blocks[1]).toMatchObject({ type: 'actions', elements: [{ action_id: 'start', style: 'primary' }] });
  });

  it('adds how to use it in Slack to the help card only', () => {
    const help = renderMessage(withSlackHelp(helpCard('en')));
    expect(JSON.stringify(help.blocks)).toContain('/overname start');
    expect(JSON.stringify(help.blocks)).toContain('/overname &lt;question&gt;');
    expect(withSlackHelp(card)).toBe(card);
  });
});
