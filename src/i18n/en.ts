// Every sentence the assistant says in English, for users who write English: the same keys as nl.ts, one term
// per concept matching the Dutch (takeover = overname, move = overzetten, follow-up item = nazorgpunt).

import { md } from '../dialog/markup.js';
import type { Messages } from './nl.js';

const failed = 'Something went wrong; possibly nothing was recorded. Please try again in a minute.';

export const en: Messages = {
  roles: {
    oldEnvironmentAdmin: 'Old environment admin',
    client: 'Client',
    newEnvironmentAdmin: 'New environment admin',
  },
  roleInText: {
    oldEnvironmentAdmin: 'old environment admin',
    client: 'client',
    newEnvironmentAdmin: 'new environment admin',
  },
  status: {
    awaiting_approvals: 'Awaiting approvals',
    approved: 'Approved — ready to move',
    transferred: 'Moved — follow-up in progress',
    completed: 'Completed',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
  },
  items: {
    newUser: 'Create the new user and invite the client',
    rabobank: 'Set up the Rabobank bank connection again',
    knab: 'Set up the Knab bank connection again',
    portsCertificates: 'Set up ports and certificates',
    vatAccessRights: 'Set up VAT access rights',
    reportingStructure: 'Set up the reporting structure',
  },
  features: {
    rabobank: 'Rabobank bank connection',
    knab: 'Knab bank connection',
    portsCertificates: 'Ports and certificates (e.g. Digipoort, PKIoverheid)',
    vatAccessRights: 'VAT access rights',
    reportingStructure: 'Reporting structure',
  },
  advice: {
    newUser:
      'Create a new user and link it to the moved administrations. Invite the client through their **existing** Wolters Kluwer Account; ask the client which e-mail address it uses.',
    rabobank: 'The Rabobank connection is not copied and must be linked again.',
    knab: 'The Knab connection is not copied and must be linked again.',
    portsCertificates:
      'Ports and certificates are not copied. Discuss with the client what is needed, for example the Digipoort port and the PKIoverheid certificate for VAT filing.',
    vatAccessRights: 'Environment settings such as access rights for VAT are not copied: set them up again.',
    reportingStructure:
      'Environment settings such as access rights for the reporting structure are not copied: set them up again.',
  },
  linkManager: { client: 'the client', previousAccountant: 'the previous accountant', unknown: 'unknown' },
  featureUse: { yes: 'used', no: 'not used', unknown: 'unknown' },
  buttons: {
    approve: 'Approve',
    reject: 'Reject',
    confirm_transfer: 'Administration has been moved',
    checklist_done: 'Done',
    checklist_na: 'Not applicable',
    checklist_undo: 'Undo',
    checklist_needed: 'Needed after all',
    rerequest: 'Request again',
    cancel: 'Cancel',
    snooze: 'Pause reminders for 1 week',
    start: 'Start a takeover',
    history: 'History',
    history_export: 'Export',
  },
  form: {
    title: 'New takeover',
    submit: 'Request',
    clientName: 'Client name',
    administrations: 'Administrations',
    administrationsHint: 'Code and/or name, one per line or separated by commas',
    oldEnvironment: 'Old environment',
    newEnvironment: 'New environment',
    features: 'Which features does the client use? (they are not copied)',
    featuresUnknown: 'Not known yet',
    bankLinksManagedBy: 'Who managed the bank connections?',
    rejectTitle: 'Reject takeover',
    rejectIntro: (client: string, role: string) =>
      md`You are rejecting the takeover of **${client}** as **${role}**. Everyone in the conversation sees the reason.`,
    rejectSubmit: 'Reject',
    reason: 'Reason',
  },
  errors: {
    failed,
    required: 'Please fill in this field.',
    tooLong: (max: number) => `At most ${max} characters.`,
    administrations: 'Name at least one administration.',
    sameEnvironment: 'The new environment must differ from the old one.',
    distinctPeople: 'Choose three different people for the three approvals.',
    unknownCase: 'This takeover does not exist, or no longer exists.',
    malformed: 'I do not understand this action; nothing was changed.',
    notInChannel: 'Start a takeover in the channel where the people involved can see it, not in a direct message.',
    notPosted:
      'The takeover message could not be posted in the conversation (is the assistant a member of the channel?).',
  },
  refused: {
    notYourRole: (role: string, who: string) => `Only ${who} can approve or reject as ${role}. Nothing was changed.`,
    onlyNewAdmin: (who: string) => `Only ${who} (new environment admin) can do this. Nothing was changed.`,
    onlyRequester: (who: string) => `Only ${who} (requester) can do this. Nothing was changed.`,
    onlyParticipants: 'Only the requester or the new environment admin can do this. Nothing was changed.',
  },
  notices: {
    approved: (role: string) => `Your approval as ${role} has been recorded.`,
    rejected: (role: string) => `Your rejection as ${role} has been recorded.`,
    alreadyDecided: 'This decision was already recorded; nothing was changed.',
    stale: 'This button is out of date; the message has been refreshed.',
    needReason: 'Please give a reason for the rejection.',
    transferred: (threads: boolean) =>
      `Recorded that the administration has been moved. The follow-up checklist is ${threads ? 'in the thread' : 'below'}.`,
    itemDone: 'Updated.',
    rerequested: 'A new approval round has started.',
    cancelled: 'The takeover has been cancelled.',
    snoozed: (until: string) => `Reminders paused until ${until}.`,
  },
  card: {
    title: (client: string) => md`Takeover ${client}`,
    administrations: (n: number) => (n === 1 ? 'Administration' : 'Administrations'),
    move: 'From → to',
    requester: 'Requested by',
    status: 'Status',
    round: 'Approval round',
    waiting: 'waiting for approval',
    noLongerNeeded: 'no decision needed any more',
    approvedBy: (who: string, at: string) => `approved by ${who} on ${at}`,
    rejectedBy: (who: string, at: string, reason: string) => `rejected by ${who} on ${at}: ${reason}`,
    allApproved: 'All three parties have approved. Move the administration, then confirm it here.',
    transferredAt: (who: string, at: string, threads: boolean) =>
      `Moved, confirmed by ${who} on ${at}. See the follow-up checklist ${threads ? 'in the thread' : 'below'}.`,
    rejectedNote: 'A party has rejected. After talking it over, the requester can request again.',
    cancelledNote: (who: string, at: string) => `Cancelled by ${who} on ${at}.`,
    completedNote: 'All follow-up items are done.',
    checklistTitle: (client: string) => md`Follow-up after the move — ${client}`,
    checklistIntro:
      'These features and steps were not copied. Mark each item done or not applicable; a mistake can be undone.',
    itemDoneBy: (who: string, at: string) => `done — ${who}, ${at}`,
    itemNaBy: (who: string, at: string) => `not applicable — ${who}, ${at}`,
    itemReopenedBy: (who: string, at: string) => `reopened — ${who}, ${at}`,
    itemNotUsed: 'not applicable — the client does not use this, according to the request',
    bankManagedBy: (who: string) => `This connection was managed by ${who}.`,
    bankManagerUnknown:
      'Not known who managed this connection: ask whether the client did so themselves or the previous accountant.',
    audit: 'Every decision is recorded with who, when and on which platform.',
  },
  reminders: {
    approvals: (people: string, client: string) =>
      `Reminder: ${people}, please approve or reject the takeover of ${client}. The takeover can only go ahead once all three parties have approved.`,
    escalate: (requester: string, count: number) =>
      `${requester}, not everyone has responded after ${count === 1 ? '1 reminder' : `${count} reminders`}. You may want to contact them yourself.`,
    checklist: (who: string, items: string, count: number) =>
      `Reminder: ${who}, ${count === 1 ? 'this follow-up item is' : 'these follow-up items are'} still open:\n${items}`,
  },
  help: {
    title: 'Overname-assistent — what I can do',
    questions:
      '- **Questions** about taking over a client from another Twinfield environment; I answer from the knowledge article, with its source.',
    start:
      '- **start** (or "new takeover"): request a takeover. I ask the old environment admin, the client and the new environment admin to approve — only that person can press their own button.',
    startElsewhere:
      '- **Request a takeover** in the channel or group chat where the three people involved can read along: mention me there and type **start**. Not in this private chat, where they cannot see it.',
    status:
      '- **status**: the open takeovers in this conversation, how long they have been open, what they wait for and a link to each takeover message.',
    mine: '- **my takeovers**: what waits for you (with your buttons), what you requested and what was recently completed, across channels.',
    history:
      '- **history <client>**: who did what when in a takeover, with a CSV export; only for the people involved.',
    followUp:
      '- After the move I keep a follow-up checklist (user and invitation, Rabobank, Knab, ports and certificates, VAT access rights, reporting structure) and remind on working days until everything is done. An item ticked by mistake can be undone.',
  },
  statusView: {
    title: 'Open takeovers in this conversation',
    none: 'There are no open takeovers here.',
    line: (client: string, status: string, age: string) => `**${client}** — ${status} — ${age}`,
    ageHours: (n: number) =>
      n < 1 ? 'open for less than an hour' : n === 1 ? 'open for 1 hour' : `open for ${n} hours`,
    ageDays: (n: number) => (n === 1 ? 'open for 1 day' : `open for ${n} days`),
    pendingPeople: (people: string) => `Waiting for approval from ${people}.`,
    awaitingTransfer: (admin: string) => `Waiting for ${admin} to confirm that the administration has been moved.`,
    awaitingRerequest: (requester: string) => `Waiting for ${requester} to request again or cancel.`,
    openItems: (n: number, people: string) =>
      `${n === 1 ? '1 follow-up item' : `${n} follow-up items`} open, for ${people} to complete.`,
    link: 'Go to the takeover message',
  },
  /** "My takeovers": the Slack Home tab and the card for "my takeovers" in a chat. */
  mine: {
    title: 'My takeovers',
    waiting: 'Waiting for you',
    requested: 'You requested',
    recent: 'Recently completed',
    noneWaiting: 'Nothing is waiting for you.',
    noneRequested: 'You have no open requests.',
    noneRecent: 'Nothing was completed in the last 30 days.',
    more: (n: number) => `and ${n} more…`,
    decideAs: (role: string) => `Your approval as **${role}**:`,
    confirmTransfer: 'All three approved: confirm that the administration has been moved.',
    finishedAt: (status: string, at: string) => `${status} — ${at}`,
    intro: 'What waits for you and what you requested, across channels. This page updates when something changes.',
  },
  history: {
    title: (client: string) => md`History — ${client}`,
    modalTitle: 'History',
    summary: (caseId: string, status: string, timeZone: string) =>
      `Takeover ${caseId} · ${status}. Everything recorded, oldest first; times in ${timeZone} and UTC.`,
    count: (n: number) => (n === 1 ? '1 recorded action' : `${n} recorded actions`),
    created: 'Takeover requested',
    approved: (role: string) => `Approved as ${role}`,
    rejected: (role: string) => `Rejected as ${role}`,
    roundStarted: (round: number) => `Requested again: approval round ${round}`,
    transferConfirmed: 'Confirmed that the administration was moved',
    itemDone: (item: string) => `Follow-up item done: ${item}`,
    itemNotApplicable: (item: string) => `Follow-up item not applicable: ${item}`,
    itemUndone: (item: string) => `Follow-up item undone (open again): ${item}`,
    cancelled: 'Takeover cancelled',
    unknownFact: (type: string) => `Unknown action (${type})`,
    by: 'By',
    at: 'When',
    platform: 'Platform',
    round: 'Approval round',
    reason: 'Reason',
    fact: 'What',
    platforms: {
      slack: 'Slack',
      teams: 'Microsoft Teams',
      playground: 'Playground',
      external: 'Link (external)',
    } as Record<string, string>,
    more: (n: number) =>
      `${n === 1 ? '1 more action does' : `${n} more actions do`} not fit here; **Export** gives the whole history.`,
    others: (list: string) =>
      `This client has more takeovers you may see; this is the newest. Ask for another by its takeover number: ${list}.`,
    otherCase: (caseId: string, date: string, status: string) => `${caseId} (${date}, ${status})`,
    refused:
      'Only the requester, the three approvers and the audit admins can see or export the history of this takeover. Nothing was changed.',
    refusedClient: (client: string) =>
      `You are not involved in a takeover of ${client}; only the requester, the three approvers and the audit admins can see its history.`,
    notFound: (client: string) =>
      `I find no takeover of ${client}. Name the client as on the request, or the takeover number.`,
    usage: 'Name the client: **history** followed by the name as on the request, or the takeover number.',
    askedBy: (who: string, client: string) =>
      `${who} asked for the history of ${client}. Only people involved in the takeover can see it.`,
    show: 'Show history',
    back: 'Back to the takeover',
    exportSent: 'The export (CSV) is in your direct messages with the assistant.',
    exportComment: (client: string, caseId: string) =>
      `Export of the history of ${client} (takeover ${caseId}), as CSV.`,
    exportLink: (minutes: number) =>
      `Your export (CSV) is ready. The download link works for ${minutes} minutes, and only for you.`,
    download: 'Download CSV',
    exportTable: 'No download address is configured, so here is the export as a table.',
    linkInvalid: "This download link is not valid. Ask for a new one with Export in the takeover's history.",
    linkExpired: "This download link has expired. Ask for a new one with Export in the takeover's history.",
    linkRefused: 'You may no longer download this export.',
  },
  startPrompt: 'Press the button to request a takeover.',
  cancelHow: 'Use the **Cancel** button on the takeover message to cancel a takeover.',
  teams: {
    refresh: 'Refresh',
    back: 'Back',
    showCase: 'Show takeover card',
    onlySee: (names: string, labels: string, people: number, buttons: number) =>
      `Only ${names} ${people === 1 ? 'sees' : 'see'} the ${buttons === 1 ? 'button' : 'buttons'} ${labels}.`,
    onlyPress: (names: string, labels: string, _people: number, buttons: number) =>
      `Only ${names} can use the ${buttons === 1 ? 'button' : 'buttons'} ${labels}.`,
    onlyPressOwn: (names: string, labels: string, people: number, buttons: number) =>
      `The ${buttons === 1 ? 'button' : 'buttons'} ${labels} ${buttons === 1 ? 'works' : 'work'} only for ${people === 1 ? names : `${names}, each next to their own name`}.`,
    checkFields: 'Please check the marked fields.',
    membersCut: (shown: number, total: number) =>
      `The lists show ${shown} of the ${total} members of this conversation.`,
    submittedBy: (client: string, who: string) =>
      `Request for **${client}** sent by ${who}. The takeover card is now in the conversation.`,
    alreadySubmitted: 'This form was already sent; no second takeover was created.',
    busy: 'This form is already being processed.',
    failed,
    slow: 'Your choice was received; the card will be updated shortly.',
  },
  slack: {
    close: 'Close',
    botNotAllowed: 'A bot cannot approve; choose a person.',
    userUnknown: 'I cannot find this person in Slack; choose someone else.',
    userCheckFailed: 'I could not check this person with Slack just now; please try again in a moment.',
    failed,
    startFailed: (errors: string) => `The takeover was not created:\n${errors}`,
    help: '**In Slack:** `/overname start` starts a takeover, `/overname status` lists the open takeovers in the channel, `/overname geschiedenis <client>` shows who did what when, `/overname <question>` or an @mention of me in a channel asks a question; you can also send me a direct message. On a takeover message only the named person can press **Approve** or **Reject**.',
    notPosted:
      'I could not post the takeover message in the channel, so the request was withdrawn. Invite me to the channel (`/invite @Overname-assistent`) and start the takeover again.',
  },
  external: {
    tag: 'external',
    waiting: 'waiting for approval via link',
    nameLabel: (role: string) => `Or: ${role} outside this workspace — name`,
    nameHint: 'Then leave the choice above empty; you get a link to pass on.',
    emailLabel: (role: string) => `E-mail address of the ${role} outside this workspace (optional)`,
    unavailable:
      "Someone outside this workspace can only take part once the assistant's administrator sets PUBLIC_URL; choose a member for now.",
    errors: {
      memberOrExternal: 'Choose a member or enter a name from outside, not both.',
      needsPublicUrl:
        "Someone outside this workspace can only take part once the assistant's administrator sets PUBLIC_URL. Choose a member.",
      email: 'This is not a valid e-mail address.',
      notForRole: "The new environment's admin confirms the move in the conversation, so must be a member.",
    },
    linkFor: (name: string, role: string, until: string) =>
      `Link for **${name}** (${role}), valid until ${until}. Send it to that person only; a new link makes this one invalid.`,
    message: (name: string, client: string, role: string, requester: string, url: string, until: string) =>
      `Dear ${name},\n\n${requester} asks for your approval as ${role} for moving the Twinfield administration of ${client} to another environment. Open this personal link to read what is asked and to approve or reject:\n\n${url}\n\nThe link is valid until ${until} and works once.`,
    newLink: 'New link',
    newLinkSent: 'New link made and sent to you only; the previous link no longer works.',
    newLinkNotSent:
      'New link made (the previous one no longer works), but I could not send it to you privately. Try again in a minute.',
    onlyRequester: (requester: string) => `Only the requester (${requester}) can create a new link.`,
    sendEmail: 'Send by e-mail',
    mailSubject: (client: string) => `Approval requested: moving the administration of ${client}`,
    emailSent: (name: string, to: string) => `The link was e-mailed to ${name} (${to}).`,
    emailFailed: 'The e-mail could not be sent; nothing changed. Try again later or send the text yourself.',
    noEmail: 'No e-mail address is known for this person, or e-mail is not set up; send the text yourself.',
    noLink: 'No link can be made now: this role does not need to decide (any more).',
    toldApproved: (requester: string, name: string, role: string) =>
      `${requester}: ${name} approved as ${role} via the link.`,
    toldRejected: (requester: string, name: string, role: string, reason: string) =>
      `${requester}: ${name} rejected as ${role} via the link: ${reason}`,
    page: {
      title: 'Approval for moving an administration',
      intro: (requester: string, client: string, role: string) =>
        `${requester} asks for your approval as ${role} for moving the administration of ${client}.`,
      client: 'Client',
      meaning: 'What does your approval mean?',
      notCopied: 'What is not copied',
      name: 'Your name, to confirm',
      reason: 'Reason (required to reject)',
      approve: 'Approve',
      reject: 'Reject',
      otherLanguage: 'Nederlands',
      recorded: 'Recorded: the name you enter, the time, your IP address and your browser.',
      needName: 'Enter your name.',
      needReason: 'Give a reason for the rejection.',
      tooLong: (max: number) => `At most ${max} characters.`,
      approved: 'Your approval is recorded. Thank you; you can close this window.',
      rejected: 'Your rejection is recorded. The requester will contact you.',
      doneTitle: 'Recorded',
      problemTitle: 'This link does not work (any more)',
      problems: {
        tampered: 'This link is not valid. Check that you copied all of it.',
        expired: 'This link has expired. Ask the requester for a new one.',
        superseded: 'A newer link was made for you; this one no longer works. Use the newest.',
        used: 'This link has been used: your decision is recorded.',
        wrongRound:
          'The request was made again; this link belongs to the previous one. Ask the requester for a new one.',
        cancelled: 'This takeover was cancelled; no decision is needed any more.',
        rejected: 'Another party rejected; no decision of yours is needed now.',
        decided: 'This role has already decided; nothing was changed.',
        unknownCase: 'This takeover does not exist (any more).',
      },
      forged: 'This page has expired or does not come from us. Open the link again; nothing was changed.',
      tooMany: 'Too many requests. Please try again in a minute.',
      failed,
    },
  },
  answers: {
    instruction:
      "I only answer questions about the knowledge article; I don't carry out instructions such as approving something or changing my rules. Approvals are given with the buttons on the takeover card.",
    vague:
      'Could you make your question a bit more specific? I answer questions from the knowledge base, for example about taking over a client from another Twinfield environment.',
    gap: (title: string, topic: string) =>
      `The knowledge article “${title}” does not say ${topic}, so I can't give you a reliable answer. Please contact Twinfield Support about this.`,
    notInArticle: (title: string) =>
      `The knowledge base does not cover this: the knowledge article “${title}” does not answer this question. Please contact Twinfield Support about this.`,
    notFound:
      "I can't answer that: the knowledge base does not cover this question. Please contact Twinfield Support about this.",
    otherLanguage: 'This is only described in a Dutch article:',
    seeArticle: (reference: string) => `See the knowledge article ${reference}.`,
    source: 'Source',
    gapNote: (topic: string) => `The knowledge article does not say ${topic}; Twinfield Support can help with that.`,
  },
};
