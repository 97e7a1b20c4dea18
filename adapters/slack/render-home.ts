// Renders "my takeovers" as the Slack Home tab: a header per list, each case with the buttons of its case message.
import type { types } from '@slack/bolt';
import type { SectionView, TakeoversView } from '../../src/dialog/view.js';
import { messages } from '../../src/i18n/messages.js';
import { SLACK_LIMITS as L } from './limits.js';
import { toMrkdwn } from './mrkdwn.js';
import { actionBlocks } from './render-blocks.js';
import { truncateMrkdwn, truncatePlain } from './truncate.js';

type Block = types.KnownBlock;

export function renderHome(view: TakeoversView): types.HomeView {
  const m = messages(view.language);
  const head: Block[] = [header(view.title), context(view.intro)];
  if (view.notice) head.push(section(`⚠️ ${view.notice}`));
  // Each list has a divider, its header and one line (empty, or "… more"): fixed; cases share what is left.
  const fixed = head.length + view.groups.length * 3;
  let budget = L.homeBlocks - fixed;
  const blocks: Block[] = [...head];
  view.groups.forEach((group, n) => {
    // A fair share per list, so a long "waiting" list cannot push the others off the page; unused share carries on.
    const share = Math.floor(budget / (view.groups.length - n));
    const body: Block[] = [];
    let shown = 0;
    for (const entry of group.entries) {
      const rendered = entry.flatMap(sectionBlocks);
      if (body.length + rendered.length > share) break;
      body.push(...rendered);
      shown++;
    }
    budget -= body.length;
    const more = group.more + group.entries.length - shown;
    blocks.push({ type: 'divider' }, header(group.title), ...body);
    if (group.entries.length === 0) blocks.push(context(`_${group.empty}_`));
    else if (more > 0) blocks.push(context(m.mine.more(more)));
  });
  return { type: 'home', blocks };
}

function sectionBlocks(s: SectionView): Block[] {
  return [section(s.text), ...actionBlocks(s.buttons ?? [])];
}

function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncatePlain(text, L.headerText), emoji: true } };
}

function section(markup: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(toMrkdwn(markup) || '…', L.sectionText) } };
}

function context(markup: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateMrkdwn(toMrkdwn(markup), L.contextText) }] };
}
