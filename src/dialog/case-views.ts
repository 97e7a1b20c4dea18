// Renders a case snapshot as platform-neutral views: the case message, the checklist, the status list.
import { type CaseSnapshot, CHECKLIST_ITEMS, type UserRef } from '../domain/case.js';
import { followUpPeople } from '../domain/case-service.js';
import { formatDateTime } from '../i18n/format.js';
import { type Messages, messages } from '../i18n/messages.js';
import { escapeMarkup, md, mention } from './markup.js';
import type { ButtonView, CardView, SectionView } from './view.js';

export interface ViewOptions {
  timeZone: string;
  /** SMTP_URL is set: an outside approver with an e-mail address can be sent their link by the assistant. */
  emailLinks?: boolean;
}

/** A person in markup: members are mentioned; someone outside the workspace is named, marked as external. */
export const who = (u: UserRef, language: 'nl' | 'en' = 'nl') =>
  u.platform === 'external'
    ? `${escapeMarkup(u.name ?? '')} (${messages(language).external.tag})`
    : mention(u.id, u.name);

export function caseCard(s: CaseSnapshot, o: ViewOptions): CardView {
  const { data } = s;
  const lang = data.language;
  const m = messages(lang);
  const at = (iso: string) => formatDateTime(iso, lang, o.timeZone);
  const id = data.id;
  const open = s.status === 'awaiting_approvals';
  const sections: SectionView[] = s.roles.map((r) => {
    const d = r.decision;
    // Once rejected or cancelled, nobody is waited for any more: say so rather than "waiting".
    const state = !d
      ? open
        ? r.approver.platform === 'external'
          ? m.external.waiting
          : m.card.waiting
        : m.card.noLongerNeeded
      : d.decision === 'approved'
        ? m.card.approvedBy(escapeMarkup(d.by.name ?? d.by.id), at(d.at))
        : m.card.rejectedBy(escapeMarkup(d.by.name ?? d.by.id), at(d.at), escapeMarkup(d.reason ?? ''));
    const icon = !d ? (open ? '⏳' : '➖') : d.decision === 'approved' ? '✅' : '❌';
    // An outside approver decides on the page; in the chat only the requester may replace that person's link.
    const forRequester = (action: 'new_link' | 'send_email', label: string): ButtonView => ({
      action,
      label,
      caseId: id,
      role: r.role,
      allowedUsers: [data.requester],
    });
    const external = [
      forRequester('new_link', m.external.newLink),
      ...(o.emailLinks && r.approver.email ? [forRequester('send_email', m.external.sendEmail)] : []),
    ];
    const buttons: ButtonView[] =
      open && !d && r.approver.platform === 'external'
        ? external
        : open && !d
          ? [
              {
                action: 'approve',
                label: m.buttons.approve,
                style: 'primary',
                caseId: id,
                role: r.role,
                allowedUsers: [r.approver],
              },
              {
                action: 'reject',
                label: m.buttons.reject,
                style: 'danger',
                caseId: id,
                role: r.role,
                allowedUsers: [r.approver],
              },
            ]
          : [];
    return { text: `${icon} **${m.roles[r.role]}**: ${who(r.approver, lang)} — ${state}`, buttons };
  });
  const buttons: ButtonView[] = [];
  const runners = followUpPeople(data);
  if (s.status === 'approved') {
    sections.push({ text: m.card.allApproved });
    const admin = data.approvers.newEnvironmentAdmin;
    buttons.push({
      action: 'confirm_transfer',
      label: m.buttons.confirm_transfer,
      style: 'primary',
      caseId: id,
      allowedUsers: [admin],
    });
  }
  if (s.status === 'rejected') {
    sections.push({ text: m.card.rejectedNote });
    buttons.push({ action: 'rerequest', label: m.buttons.rerequest, caseId: id, allowedUsers: [data.requester] });
  }
  if (s.transfer)
    sections.push({
      text: m.card.transferredAt(
        escapeMarkup(s.transfer.by.name ?? ''),
        at(s.transfer.at),
        data.origin.threads !== false,
      ),
    });
  if (s.status === 'completed') sections.push({ text: `🎉 ${m.card.completedNote}` });
  if (s.cancelled)
    sections.push({ text: m.card.cancelledNote(escapeMarkup(s.cancelled.by.name ?? ''), at(s.cancelled.at)) });
  if (s.status === 'awaiting_approvals' || s.status === 'approved' || s.status === 'rejected') {
    buttons.push({ action: 'cancel', label: m.buttons.cancel, style: 'danger', caseId: id, allowedUsers: runners });
  }
  // For anyone to press: the press itself checks that the presser is in the case (dialog/history.ts).
  buttons.push({ action: 'history', label: m.buttons.history, caseId: id });
  return {
    kind: 'card',
    language: lang,
    purpose: 'case',
    caseId: id,
    title: m.card.title(data.clientName),
    facts: [
      { label: m.card.status, value: m.status[s.status] },
      {
        label: m.card.administrations(data.administrations.length),
        value: escapeMarkup(data.administrations.join(', ')),
      },
      { label: m.card.move, value: md`${data.oldEnvironment} → ${data.newEnvironment}` },
      { label: m.card.requester, value: who(data.requester, lang) },
      ...(s.round > 1 ? [{ label: m.card.round, value: String(s.round) }] : []),
    ],
    sections,
    buttons,
    footer: m.card.audit,
    actors: actorsOf(sections, buttons),
  };
}

export function checklistCard(s: CaseSnapshot, o: ViewOptions): CardView {
  const { data } = s;
  const lang = data.language;
  const m = messages(lang);
  const at = (iso: string) => formatDateTime(iso, lang, o.timeZone);
  const runners = followUpPeople(data);
  const active = s.status === 'transferred';
  // Items stay changeable once the case is completed: reopening one that was closed by mistake reopens the case.
  const changeable = !!s.transfer && !s.cancelled;
  const sections: SectionView[] = s.checklist.map((c) => {
    const f = c.fact;
    const by = f ? escapeMarkup(f.by.name ?? f.by.id) : '';
    const state =
      c.state === 'done'
        ? `✅ ${m.card.itemDoneBy(by, at(f!.at))}`
        : c.state === 'notApplicable'
          ? `➖ ${f ? m.card.itemNaBy(by, at(f.at)) : m.card.itemNotUsed}`
          : f
            ? `⏳ ${m.card.itemReopenedBy(by, at(f.at))}`
            : '⏳';
    const button = (action: ButtonView['action'], label: string, style?: ButtonView['style']): ButtonView => ({
      action,
      label,
      ...(style ? { style } : {}),
      caseId: data.id,
      item: c.item,
      allowedUsers: runners,
    });
    const buttons: ButtonView[] = !changeable
      ? []
      : c.state === 'open'
        ? [
            button('checklist_done', m.buttons.checklist_done, 'primary'),
            button('checklist_na', m.buttons.checklist_na),
          ]
        : // Not applicable by the request alone: "needed after all" says better what the undo does there.
          [button('checklist_undo', f ? m.buttons.checklist_undo : m.buttons.checklist_needed)];
    const lines = [`**${m.items[c.item]}** — ${state}`, m.advice[c.item]];
    if ((c.item === 'rabobank' || c.item === 'knab') && (f || c.expected)) lines.push(bankManager(s, m));
    return { text: lines.join('\n'), buttons };
  });
  const buttons: ButtonView[] = active
    ? [{ action: 'snooze', label: m.buttons.snooze, caseId: data.id, allowedUsers: runners }]
    : [];
  return {
    kind: 'card',
    language: lang,
    purpose: 'checklist',
    caseId: data.id,
    title: m.card.checklistTitle(data.clientName),
    subtitle: m.card.checklistIntro,
    facts: [{ label: m.card.status, value: m.status[s.status] }],
    sections,
    buttons,
    actors: actorsOf(sections, buttons),
  };
}

/** Who managed the bank links, as the start form recorded it: it decides whom to ask about relinking. */
function bankManager(s: CaseSnapshot, m: Messages): string {
  const manager = s.data.bankLinksManagedBy;
  return manager === 'unknown' ? m.card.bankManagerUnknown : m.card.bankManagedBy(m.linkManager[manager]);
}

/** Open checklist items, in checklist order. */
export function openItems(s: CaseSnapshot) {
  return CHECKLIST_ITEMS.filter((item) => s.checklist.find((x) => x.item === item)?.state === 'open');
}

export function pendingApprovers(s: CaseSnapshot): UserRef[] {
  return s.status === 'awaiting_approvals' ? s.roles.filter((r) => !r.decision).map((r) => r.approver) : [];
}

function actorsOf(sections: SectionView[], buttons: ButtonView[]): UserRef[] {
  const all = [...sections.flatMap((s) => s.buttons ?? []), ...buttons].flatMap((b) => b.allowedUsers ?? []);
  const seen = new Map<string, UserRef>();
  for (const u of all) seen.set(`${u.platform}:${u.id}`, u);
  return [...seen.values()];
}
