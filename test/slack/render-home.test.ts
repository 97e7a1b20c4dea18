// The Home tab renderer: whatever "my takeovers" holds, the page fits Slack's limits and says what it left out.
import { describe, expect, it } from 'vitest';
import { checkHome } from '../../adapters/slack/limits.js';
import { renderHome } from '../../adapters/slack/render-home.js';
import type { SectionView, TakeoverGroupId, TakeoversView } from '../../src/dialog/view.js';
import { blockText, buttonsOf } from '../helpers/slack-app.js';
import { nasty } from '../helpers/slack-worst-case.js';

const user = { platform: 'slack' as const, id: 'UCLIENT', name: 'Karin' };

/** A case entry as the core builds it at its largest: a headline and six checklist items with two buttons each. */
function entry(n: number): SectionView[] {
  const id = `case${String(n).padStart(8, '0')}`;
  const item = (i: number): SectionView => ({
    text: nasty(4000),
    buttons: [
      {
        action: 'checklist_done',
        label: nasty(100),
        style: 'primary',
        caseId: id,
        item: 'rabobank',
        allowedUsers: [user],
      },
      { action: 'checklist_na', label: nasty(100), caseId: id, item: i % 2 ? 'knab' : 'newUser', allowedUsers: [user] },
    ],
  });
  return [{ text: nasty(5000), caseId: id }, ...Array.from({ length: 6 }, (_, i) => item(i))];
}

function view(entries: number, more = 0): TakeoversView {
  const group = (id: TakeoverGroupId) => ({
    id,
    title: nasty(300),
    entries: Array.from({ length: entries }, (_, i) => entry(i)),
    more,
    empty: nasty(4000),
  });
  return {
    kind: 'takeovers',
    language: 'nl',
    user,
    title: nasty(300),
    intro: nasty(4000),
    notice: nasty(4000),
    groups: [group('waiting'), group('requested'), group('recent')],
  };
}

describe('Slack Home tab renderer', () => {
  it('fits the 100 blocks and every text limit with the largest lists, counting what it leaves out', () => {
    const home = renderHome(view(10, 5));
    expect(checkHome(home)).toEqual([]);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    // Every list keeps a share: none is pushed off the page by the one before it.
    const text = blockText(home.blocks);
    expect(text.match(/en nog \d+…/g)).toHaveLength(3);
    const shown = buttonsOf(home.blocks).length / 12;
    const left = [...text.matchAll(/en nog (\d+)…/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(shown + left).toBe(3 * 15);
  });

  it('says a list is empty, and shows a small page whole', () => {
    const home = renderHome(view(0));
    expect(checkHome(home)).toEqual([]);
    expect(buttonsOf(home.blocks)).toEqual([]);
    const small = renderHome(view(1));
    expect(buttonsOf(small.blocks)).toHaveLength(36);
    expect(blockText(small.blocks)).not.toMatch(/en nog/);
  });
});
