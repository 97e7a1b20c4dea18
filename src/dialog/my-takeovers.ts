// "My takeovers" as a platform-neutral view: what waits on one person, what they requested, what finished lately.
import { type CaseSnapshot, ROLES, sameUser, type UserRef } from '../domain/case.js';
import { followUpPeople } from '../domain/case-service.js';
import { formatDateTime } from '../i18n/format.js';
import { type Messages, messages } from '../i18n/messages.js';
import { caseStatusText } from './chat-views.js';
import { escapeMarkup, link } from './markup.js';
import type { ButtonView, CardView, SectionView, TakeoverGroupId, TakeoversView } from './view.js';

/** Cases per list; the rest is counted ("en nog 3…"), so a Home view stays inside Slack's 100 blocks. */
export const LIST_CAP = 10;
/** How far back "recently completed" looks. */
export const RECENT_DAYS = 30;

/** The person's cases sorted into the three lists, newest first, uncapped: the caller links only what is shown. */
export interface Sorted {
  waiting: CaseSnapshot[];
  requested: CaseSnapshot[];
  recent: CaseSnapshot[];
}

const FINISHED = new Set(['completed', 'rejected', 'cancelled']);

export function sortTakeovers(user: UserRef, cases: CaseSnapshot[], now: Date): Sorted {
  const since = now.getTime() - RECENT_DAYS * 86_400_000;
  const byCreated = [...cases].sort((a, b) => b.data.createdAt.localeCompare(a.data.createdAt));
  const recent = byCreated
    .filter((s) => FINISHED.has(s.status) && Date.parse(lastChange(s)) >= since)
    .sort((a, b) => lastChange(b).localeCompare(lastChange(a)));
  return {
    waiting: byCreated.filter((s) => tasks(s, user).length > 0),
    requested: byCreated.filter((s) => !FINISHED.has(s.status) && sameUser(s.data.requester, user)),
    recent,
  };
}

/** The cases each list shows (the first LIST_CAP): only these need a link looked up. */
export function shownCases(sorted: Sorted): CaseSnapshot[] {
  return [...sorted.waiting, ...sorted.requested, ...sorted.recent].filter((s, i, all) => {
    const inList = (list: CaseSnapshot[]) => list.indexOf(s) >= 0 && list.indexOf(s) < LIST_CAP;
    return all.indexOf(s) === i && (inList(sorted.waiting) || inList(sorted.requested) || inList(sorted.recent));
  });
}

export interface TakeoversOptions {
  language: 'nl' | 'en';
  now: Date;
  timeZone: string;
  /** Case id → link to its case message, where the platform gave one. */
  links: ReadonlyMap<string, string>;
  notice?: string;
}

export function takeoversView(user: UserRef, sorted: Sorted, o: TakeoversOptions): TakeoversView {
  const m = messages(o.language);
  const group = (id: TakeoverGroupId, title: string, empty: string, list: CaseSnapshot[], entry: Entry) => ({
    id,
    title,
    entries: list.slice(0, LIST_CAP).map((s) => entry(s, user, o)),
    more: Math.max(0, list.length - LIST_CAP),
    empty,
  });
  return {
    kind: 'takeovers',
    language: o.language,
    user,
    title: m.mine.title,
    intro: m.mine.intro,
    notice: o.notice,
    groups: [
      group('waiting', m.mine.waiting, m.mine.noneWaiting, sorted.waiting, waitingEntry),
      group('requested', m.mine.requested, m.mine.noneRequested, sorted.requested, requestedEntry),
      group('recent', m.mine.recent, m.mine.noneRecent, sorted.recent, recentEntry),
    ],
  };
}

/** The same view as one card, for a chat ("mijn overnames" in Teams): a heading per list, then its cases. */
export function takeoversCard(v: TakeoversView): CardView {
  const m = messages(v.language);
  const sections: SectionView[] = [];
  for (const g of v.groups) {
    sections.push({ text: `**${g.title}**` });
    if (g.entries.length === 0) sections.push({ text: `_${g.empty}_` });
    for (const entry of g.entries) sections.push(...entry);
    if (g.more > 0) sections.push({ text: m.mine.more(g.more) });
  }
  return {
    kind: 'card',
    language: v.language,
    purpose: 'mine',
    title: v.title,
    subtitle: v.notice,
    facts: [],
    sections,
    buttons: [],
    actors: [v.user],
  };
}

type Entry = (s: CaseSnapshot, user: UserRef, o: TakeoversOptions) => SectionView[];

/** "**Client** — status — since 3 days", what it waits for (`withWaiting`), and the link to the case message. */
function headline(s: CaseSnapshot, o: TakeoversOptions, withWaiting: boolean): SectionView {
  return { text: caseStatusText(s, o.now, o.links.get(s.data.id), withWaiting), caseId: s.data.id };
}

function waitingEntry(s: CaseSnapshot, user: UserRef, o: TakeoversOptions): SectionView[] {
  return [headline(s, o, false), ...tasks(s, user)];
}

function requestedEntry(s: CaseSnapshot, _user: UserRef, o: TakeoversOptions): SectionView[] {
  return [headline(s, o, true)];
}

function recentEntry(s: CaseSnapshot, _user: UserRef, o: TakeoversOptions): SectionView[] {
  const cm = messages(s.data.language);
  const url = o.links.get(s.data.id);
  const at = formatDateTime(lastChange(s), s.data.language, o.timeZone);
  const line = `**${escapeMarkup(s.data.clientName)}** — ${cm.mine.finishedAt(cm.status[s.status], at)}`;
  return [{ text: url ? `${line}\n${link(cm.statusView.link, url)}` : line, caseId: s.data.id }];
}

/**
 * What this person can press on the case right now, with the very buttons of the case message (same actions, same
 * allowed people): the rules that refuse a press stay the case rules, wherever the button sits.
 */
function tasks(s: CaseSnapshot, user: UserRef): SectionView[] {
  const m = messages(s.data.language);
  const id = s.data.id;
  const out: SectionView[] = [];
  if (s.status === 'awaiting_approvals') {
    for (const role of ROLES) {
      const r = s.roles.find((x) => x.role === role)!;
      if (r.decision || !sameUser(r.approver, user)) continue;
      const allowedUsers = [r.approver];
      out.push({
        text: m.mine.decideAs(m.roleInText[role]),
        buttons: [
          { action: 'approve', label: m.buttons.approve, style: 'primary', caseId: id, role, allowedUsers },
          { action: 'reject', label: m.buttons.reject, style: 'danger', caseId: id, role, allowedUsers },
        ],
      });
    }
  }
  const admin = s.data.approvers.newEnvironmentAdmin;
  if (s.status === 'approved' && sameUser(admin, user)) {
    const button: ButtonView = {
      action: 'confirm_transfer',
      label: m.buttons.confirm_transfer,
      style: 'primary',
      caseId: id,
      allowedUsers: [admin],
    };
    out.push({ text: m.mine.confirmTransfer, buttons: [button] });
  }
  const runners = followUpPeople(s.data);
  if (s.status === 'transferred' && runners.some((u) => sameUser(u, user))) out.push(...openItemTasks(s, m, runners));
  return out;
}

function openItemTasks(s: CaseSnapshot, m: Messages, runners: UserRef[]): SectionView[] {
  return s.checklist
    .filter((c) => c.state === 'open')
    .map((c) => {
      const button = (action: ButtonView['action'], label: string, style?: ButtonView['style']): ButtonView => ({
        action,
        label,
        ...(style ? { style } : {}),
        caseId: s.data.id,
        item: c.item,
        allowedUsers: runners,
      });
      return {
        text: `⏳ ${m.items[c.item]}`,
        buttons: [
          button('checklist_done', m.buttons.checklist_done, 'primary'),
          button('checklist_na', m.buttons.checklist_na),
        ],
      };
    });
}

/** When the case last changed: its newest fact. */
function lastChange(s: CaseSnapshot): string {
  return s.audit.at(-1)?.at ?? s.data.createdAt;
}
