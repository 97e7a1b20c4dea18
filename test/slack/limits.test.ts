// Block Kit limits: the checker finds every kind of violation, and nothing the adapter renders ever has one.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMessage, checkModal, SLACK_LIMITS } from '../../adapters/slack/limits.js';
import { renderMessage } from '../../adapters/slack/render-blocks.js';
import { renderModal } from '../../adapters/slack/render-modal.js';
import { withSlackHelp } from '../../adapters/slack/texts.js';
import type { FormView } from '../../src/dialog/view.js';
import { type NamedView, worstCaseViews } from '../helpers/slack-worst-case.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (over: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'approve:client',
  text: { type: 'plain_text', text: 'Akkoord' },
  value: 'case',
  ...over,
});

describe('Block Kit limits checker', () => {
  it('accepts a small valid message and modal', () => {
    expect(checkMessage({ text: 'hoi', blocks: [section('hoi'), { type: 'actions', elements: [button()] }] })).toEqual(
      [],
    );
  });

  it.each([
    ['missing text fallback', { blocks: [section('x')] }, 'text'],
    ['51 blocks', { text: 't', blocks: Array.from({ length: 51 }, () => section('x')) }, 'blocks'],
    ['section text 3001', { text: 't', blocks: [section('x'.repeat(3001))] }, 'blocks[0].text.text'],
    ['empty section text', { text: 't', blocks: [section('  ')] }, 'blocks[0].text.text'],
    [
      'header 151, or mrkdwn',
      { text: 't', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x'.repeat(151) } }] },
      'blocks[0].text',
    ],
    [
      '11 fields',
      { text: 't', blocks: [{ type: 'section', fields: Array(11).fill({ type: 'mrkdwn', text: 'f' }) }] },
      'fields',
    ],
    [
      'button text 76',
      {
        text: 't',
        blocks: [{ type: 'actions', elements: [button({ text: { type: 'plain_text', text: 'x'.repeat(76) } })] }],
      },
      'elements[0].text',
    ],
    [
      'action_id 256',
      { text: 't', blocks: [{ type: 'actions', elements: [button({ action_id: 'a'.repeat(256) })] }] },
      'action_id',
    ],
    [
      'value 2001',
      { text: 't', blocks: [{ type: 'actions', elements: [button({ value: 'v'.repeat(2001) })] }] },
      'value',
    ],
    [
      '26 elements',
      {
        text: 't',
        blocks: [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })) }],
      },
      'elements',
    ],
    ['duplicate action_id', { text: 't', blocks: [{ type: 'actions', elements: [button(), button()] }] }, 'action_id'],
    [
      'duplicate block_id',
      {
        text: 't',
        blocks: [
          { ...section('a'), block_id: 'b' },
          { ...section('b'), block_id: 'b' },
        ],
      },
      'block_id',
    ],
    [
      'input in a message',
      {
        text: 't',
        blocks: [{ type: 'input', label: { type: 'plain_text', text: 'l' }, element: { type: 'plain_text_input' } }],
      },
      'blocks[0]',
    ],
    ['unknown block', { text: 't', blocks: [{ type: 'marquee' }] }, 'type'],
  ])('finds %s', (_name, message, path) => {
    const problems = checkMessage(message);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.path).join(' ')).toContain(path);
  });

  it('finds modal violations: title, buttons, metadata, options', () => {
    const options = Array.from({ length: 11 }, (_, i) => ({
      text: { type: 'plain_text', text: `o${i}` },
      value: `${i}`,
    }));
    const problems = checkModal({
      type: 'modal',
      title: { type: 'plain_text', text: 'x'.repeat(25) },
      close: { type: 'plain_text', text: 'x'.repeat(25) },
      private_metadata: 'm'.repeat(3001),
      blocks: [
        {
          type: 'input',
          block_id: 'a',
          label: { type: 'plain_text', text: 'l' },
          element: { type: 'checkboxes', action_id: 'a', options },
        },
        {
          type: 'input',
          block_id: 'b',
          label: { type: 'plain_text', text: 'l' },
          element: {
            type: 'radio_buttons',
            action_id: 'b',
            options: options.slice(0, 2),
            initial_option: { value: 'zz' },
          },
        },
        {
          type: 'input',
          block_id: 'c',
          label: { type: 'plain_text', text: 'l' },
          element: { type: 'plain_text_input', action_id: 'c', max_length: 5000 },
        },
      ],
    }).map((p) => p.path);
    expect(problems).toEqual(
      expect.arrayContaining([
        'title.text',
        'submit',
        'close.text',
        'private_metadata',
        'blocks[0].element.options',
        'blocks[1].element.initial_option(s)',
        'blocks[2].element.max_length',
      ]),
    );
  });
});

describe('every rendered view stays within Block Kit limits, with worst-case input', () => {
  let messages: NamedView[];
  let forms: FormView[];
  beforeAll(async () => {
    ({ messages, forms } = await worstCaseViews());
  }, 60_000);

  it('renders every message view without a violation', () => {
    expect(messages.length).toBeGreaterThan(25);
    for (const { name, view } of messages) {
      for (const v of [view, withSlackHelp(view)]) {
        const rendered = renderMessage(v);
        expect({ name, problems: checkMessage(rendered) }).toEqual({ name, problems: [] });
        // The same payload must also be valid as JSON Slack receives it.
        expect(JSON.parse(JSON.stringify(rendered))).toEqual(rendered);
      }
    }
  });

  it('renders every form as a modal without a violation', () => {
    for (const form of forms) {
      const modal = renderModal(form, { channel: 'C1', team: 'T1', locale: 'nl', thread: '1790000000.000001' });
      expect(checkModal(modal)).toEqual([]);
    }
  });

  it('truncates with an ellipsis instead of dropping the message', () => {
    const byName = (n: string) => renderMessage(messages.find((m) => m.name === n)!.view);
    const created = byName('nl-NL new: case');
    const header = created.blocks[0] as { type: string; text: { text: string } };
    expect(header.type).toBe('header');
    expect(header.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(header.text.text.endsWith('…')).toBe(true);
    const rejected = JSON.stringify(byName('nl-NL rejected: case').blocks);
    expect(rejected).toContain('…');
    // The status list keeps to 50 blocks and says how many cases did not fit.
    const status = byName('status list');
    expect(status.blocks).toHaveLength(SLACK_LIMITS.messageBlocks);
    expect(JSON.stringify(status.blocks)).toMatch(/… \(\+\d+\)/);
    // A huge answer keeps its start button and its source footer.
    const answer = byName('huge answer');
    expect(answer.blocks.some((b) => b.type === 'actions')).toBe(true);
    expect(answer.blocks.at(-1)!.type).toBe('context');
  });

  it('never lets user text ping a channel or forge a link or mention', () => {
    for (const { name, view } of messages) {
      // Slack parses the fallback and mrkdwn objects; plain_text (headers, buttons) is shown as typed.
      const rendered = renderMessage(view);
      const json = [rendered.text, ...mrkdwnTexts(rendered.blocks)].join('\n');
      expect({ name, ping: json.includes('<!channel>') }).toEqual({ name, ping: false });
      expect({ name, fake: json.includes('<https://evil.example') }).toEqual({ name, fake: false });
      expect({ name, mention: json.includes('<@U123>') }).toEqual({ name, mention: false });
    }
  });
});

function mrkdwnTexts(x: unknown): string[] {
  if (Array.isArray(x)) return x.flatMap(mrkdwnTexts);
  if (!x || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  if (o.type === 'mrkdwn' && typeof o.text === 'string') return [o.text];
  return Object.values(o).flatMap(mrkdwnTexts);
}

describe('SLACK_LIMITS', () => {
  it('are the limits Slack documents for Block Kit (the checker, the renderers and the fake all use them)', () => {
    // Written out by hand from api.slack.com/reference/block-kit, not from SLACK_LIMITS: a wrong entry there would
    // otherwise be wrong in the renderer and in the fake that checks it alike. messageText is our own choice.
    expect(SLACK_LIMITS).toEqual({
      messageBlocks: 50,
      modalBlocks: 100,
      homeBlocks: 100,
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
    });
  });
});
