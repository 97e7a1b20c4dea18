// Every view the Slack adapter can render, built by the real engine from worst-case user input (longest, nastiest).
import type { Answer } from '../../src/answers/types.js';
import { answerCard, helpCard, statusCard } from '../../src/dialog/chat-views.js';
import { rejectForm, startForm } from '../../src/dialog/forms.js';
import { escapeMarkup } from '../../src/dialog/markup.js';
import type { FormView, View } from '../../src/dialog/view.js';
import { LIMITS } from '../../src/domain/case-input.js';
import { engineHarness } from './engine.js';

/** Text that tries everything: pings, links, markup, escapes, entities, emoji, and it is long. */
export function nasty(length: number): string {
  const unit = '<!channel> & <@U123|boss> *b* _i_ [x](https://evil.example) \\ | > 👍🏽 ';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const longName = nasty(400);
const people = {
  requester: { platform: 'slack' as const, id: 'UREQ0001', name: longName },
  oldAdmin: { platform: 'slack' as const, id: 'UOLD0001', name: longName },
  client: { platform: 'slack' as const, id: 'UCLI0001', name: longName },
  admin: { platform: 'slack' as const, id: 'UNEW0001', name: longName },
};
const names = Object.fromEntries(Object.values(people).map((p) => [p.id, p.name]));

export const worstForm = {
  clientName: nasty(LIMITS.clientName),
  administrations: Array.from({ length: LIMITS.administrations }, (_, i) => `${i}${nasty(LIMITS.administration - 2)}`)
    .map((a) => a.replace(/[\n,;]/g, ' ').slice(0, LIMITS.administration))
    .join('\n'),
  oldEnvironment: nasty(LIMITS.environment),
  newEnvironment: `N${nasty(LIMITS.environment - 1)}`,
  oldEnvironmentAdmin: people.oldAdmin.id,
  client: people.client.id,
  newEnvironmentAdmin: people.admin.id,
  features: ['rabobank', 'knab', 'portsCertificates', 'vatAccessRights', 'reportingStructure'],
  bankLinksManagedBy: 'previousAccountant',
};

export interface NamedView {
  name: string;
  view: View;
}

export async function worstCaseViews(): Promise<{ messages: NamedView[]; forms: FormView[] }> {
  const h = await engineHarness();
  const out: NamedView[] = [];
  const snap = async (name: string, id: string) => {
    const v = (await h.engine.views(id))!;
    out.push({ name: `${name}: case`, view: v.case });
    if (v.checklist) out.push({ name: `${name}: checklist`, view: v.checklist });
  };
  const act = (id: string, user: (typeof people)[keyof typeof people], action: string, payload = {}) =>
    h.engine.handleAction({ platform: 'slack', user, caseId: id, action, payload });
  const create = async (language = 'nl-NL') => {
    const r = await h.engine.submitStart({
      platform: 'slack',
      workspace: 'T1',
      conversation: 'C1',
      user: people.requester,
      locale: language,
      values: worstForm,
      names,
    });
    if (!r.ok) throw new Error(`worst-case form rejected: ${JSON.stringify(r.errors)}`);
    return r.caseId;
  };
  try {
    for (const locale of ['nl-NL', 'en-US']) {
      const id = await create(locale);
      await snap(`${locale} new`, id);
      await act(id, people.oldAdmin, 'approve', { role: 'oldEnvironmentAdmin' });
      await act(id, people.client, 'reject', { role: 'client', reason: `${'&'.repeat(600)}${nasty(400)}` });
      await snap(`${locale} rejected`, id);
      await act(id, people.requester, 'rerequest');
      for (const [who, role] of [
        [people.oldAdmin, 'oldEnvironmentAdmin'],
        [people.client, 'client'],
        [people.admin, 'newEnvironmentAdmin'],
      ] as const) {
        await act(id, who, 'approve', { role });
      }
      await snap(`${locale} approved`, id);
      await act(id, people.admin, 'confirm_transfer');
      await snap(`${locale} transferred`, id);
      await act(id, people.admin, 'checklist_done', { item: 'newUser' });
      await act(id, people.admin, 'checklist_na', { item: 'knab' });
      await snap(`${locale} checklist half done`, id);
      for (const item of ['rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure']) {
        await act(id, people.admin, 'checklist_done', { item });
      }
      await snap(`${locale} completed`, id);
      const cancelled = await create(locale);
      await act(cancelled, people.requester, 'cancel', { reason: nasty(1000) });
      await snap(`${locale} cancelled`, cancelled);
    }
    // Sixty open cases in one channel: more than 50 blocks' worth of status lines.
    const ids = [];
    for (let i = 0; i < 60; i++) ids.push(await create());
    // Each with the longest link a platform gives: a Teams channel deep link with every parameter.
    const link = `https://teams.microsoft.com/l/message/${encodeURIComponent(`19:${'c'.repeat(32)}@thread.tacv2`)}/1700000000000?tenantId=${'t'.repeat(36)}&groupId=${'g'.repeat(36)}&parentMessageId=1700000000000&createdTime=1700000000000`;
    const entries = (await Promise.all(ids.map((id) => h.engine.repo.load(id)))).map((s) => ({ snapshot: s!, link }));
    const now = new Date('2027-02-01T10:00:00Z');
    out.push({ name: 'status list', view: statusCard(entries, 'nl', false, now) });
    out.push({ name: 'status list with cancel buttons', view: statusCard(entries, 'en', true, now) });
  } finally {
    await h.close();
  }
  out.push(
    { name: 'help nl', view: helpCard('nl') },
    { name: 'help en', view: helpCard('en') },
    { name: 'help nl direct', view: helpCard('nl', { direct: true }) },
  );
  out.push({ name: 'huge answer', view: answerCard(hugeAnswer(), true) });
  out.push({ name: 'long reminder', view: { kind: 'text', text: `Herinnering: ${escapeMarkup(nasty(9000))}` } });
  out.push({ name: 'empty text', view: { kind: 'text', text: '' } });
  const forms = [
    startForm('nl', people.requester),
    startForm('en', people.requester),
    rejectForm('nl', 'abcdefghijkl', 'client', 'Bakkerij *De Korst* <@U1>'),
    rejectForm('en', 'abcdefghijkl', 'newEnvironmentAdmin', 'X'.repeat(150)),
  ];
  for (const f of forms) out.push({ name: `form prompt ${f.form} ${f.title}`, view: f });
  return { messages: out, forms };
}

function hugeAnswer(): Answer {
  return {
    answer: Array.from({ length: 400 }, (_, i) => `- punt ${i}: ${escapeMarkup(nasty(150))}`).join('\n'),
    language: 'nl',
    found: true,
    suggestTakeover: true,
    citations: Array.from({ length: 40 }, (_, i) => ({
      article: `a${i}`,
      section: `s${i}`,
      title: nasty(300),
      url: `https://community.wolterskluwer.nl/s/article/${'x'.repeat(200)}?q=${i}&r=<>`,
    })),
  };
}
