// Every sentence the assistant says, in Dutch (the default) and English; markup as in dialog/markup.ts.

import { md } from '../dialog/markup.js';
import type { CaseStatus, ChecklistItem, Feature, Role } from '../domain/case.js';

const nl = {
  roles: {
    oldEnvironmentAdmin: 'Beheerder oude omgeving',
    client: 'Klant',
    newEnvironmentAdmin: 'Beheerder nieuwe omgeving',
  } satisfies Record<Role, string>,
  status: {
    awaiting_approvals: 'Wacht op akkoord',
    approved: 'Akkoord — klaar om over te zetten',
    transferred: 'Overgezet — nazorg loopt',
    completed: 'Afgerond',
    rejected: 'Afgewezen',
    cancelled: 'Geannuleerd',
  } satisfies Record<CaseStatus, string>,
  items: {
    newUser: 'Nieuwe gebruiker aanmaken en de klant uitnodigen',
    rabobank: 'Rabobank-bankkoppeling opnieuw leggen',
    knab: 'Knab-bankkoppeling opnieuw leggen',
    portsCertificates: 'Poorten en certificaten instellen',
    vatAccessRights: 'Toegangsrechten voor btw instellen',
    reportingStructure: 'Rapportagestructuur instellen',
  } satisfies Record<ChecklistItem, string>,
  features: {
    rabobank: 'Rabobank-bankkoppeling',
    knab: 'Knab-bankkoppeling',
    portsCertificates: 'Poorten en certificaten (bijv. Digipoort, PKIoverheid)',
    vatAccessRights: 'Toegangsrechten voor btw',
    reportingStructure: 'Rapportagestructuur',
  } satisfies Record<Feature, string>,
  advice: {
    newUser:
      'Maak een nieuwe gebruiker aan en koppel die aan de overgezette administratie(s). Nodig de klant uit via het **bestaande** Wolters Kluwer Account van de klant; vraag de klant welk e-mailadres daarvoor wordt gebruikt.',
    rabobank: 'De Rabobank-koppeling wordt niet mee gekopieerd en moet opnieuw worden gelegd.',
    knab: 'De Knab-koppeling wordt niet mee gekopieerd en moet opnieuw worden gelegd.',
    portsCertificates:
      'Poorten en certificaten worden niet mee gekopieerd. Bespreek met de klant wat nodig is, bijvoorbeeld de Digipoort-poort en het PKIoverheid-certificaat voor de btw-aangifte.',
    vatAccessRights:
      'Omgevingsinstellingen zoals de toegangsrechten voor btw worden niet mee gekopieerd: stel ze opnieuw in.',
    reportingStructure:
      'Omgevingsinstellingen zoals de toegangsrechten voor de rapportagestructuur worden niet mee gekopieerd: stel ze opnieuw in.',
  } satisfies Record<ChecklistItem, string>,
  linkManager: { client: 'de klant', previousAccountant: 'de vorige accountant', unknown: 'onbekend' },
  featureUse: { yes: 'gebruikt', no: 'niet gebruikt', unknown: 'onbekend' },
  buttons: {
    approve: 'Akkoord',
    reject: 'Afwijzen',
    confirm_transfer: 'Administratie is overgezet',
    checklist_done: 'Gereed',
    checklist_na: 'Niet van toepassing',
    checklist_undo: 'Ongedaan maken',
    /** Undo of an item the request marked not applicable. */
    checklist_needed: 'Toch nodig',
    rerequest: 'Opnieuw aanvragen',
    cancel: 'Annuleren',
    snooze: 'Herinneringen 1 week pauzeren',
    start: 'Overname starten',
  },
  form: {
    title: 'Nieuwe overname',
    submit: 'Aanvragen',
    clientName: 'Naam van de klant',
    administrations: 'Administratie(s)',
    administrationsHint: 'Code en/of naam, één per regel of gescheiden door komma’s',
    oldEnvironment: 'Oude omgeving',
    newEnvironment: 'Nieuwe omgeving',
    features: 'Welke functies gebruikt de klant? (worden niet mee gekopieerd)',
    featuresUnknown: 'Weet ik nog niet',
    bankLinksManagedBy: 'Wie beheerde de bankkoppelingen?',
    rejectTitle: 'Overname afwijzen',
    rejectIntro: (client: string, role: string) =>
      md`Je wijst de overname van **${client}** af als **${role}**. Iedereen in het gesprek ziet de reden.`,
    rejectSubmit: 'Afwijzen',
    reason: 'Reden',
  },
  errors: {
    failed: 'Er ging iets mis; er is mogelijk niets vastgelegd. Probeer het over een minuut opnieuw.',
    required: 'Vul dit veld in.',
    tooLong: (max: number) => `Maximaal ${max} tekens.`,
    administrations: 'Noem minstens één administratie.',
    sameEnvironment: 'De nieuwe omgeving moet een andere zijn dan de oude.',
    distinctPeople: 'Kies drie verschillende personen voor de drie akkoorden.',
    unknownCase: 'Deze overname bestaat niet (meer).',
    malformed: 'Deze actie begrijp ik niet; er is niets gewijzigd.',
    notInChannel: 'Start een overname in het kanaal waar de betrokkenen meelezen, niet in een privégesprek.',
    notPosted: 'Het overnamebericht kon niet in het gesprek worden geplaatst (is de assistent lid van het kanaal?).',
  },
  refused: {
    notYourRole: (role: string, who: string) =>
      `Alleen ${who} kan akkoord geven of afwijzen als ${role}. Er is niets gewijzigd.`,
    onlyNewAdmin: (who: string) => `Alleen ${who} (beheerder nieuwe omgeving) kan dit doen. Er is niets gewijzigd.`,
    onlyRequester: (who: string) => `Alleen ${who} (aanvrager) kan dit doen. Er is niets gewijzigd.`,
    onlyParticipants: 'Alleen de aanvrager of de beheerder van de nieuwe omgeving kan dit doen. Er is niets gewijzigd.',
  },
  notices: {
    approved: (role: string) => `Je akkoord als ${role} is vastgelegd.`,
    rejected: (role: string) => `Je afwijzing als ${role} is vastgelegd.`,
    alreadyDecided: 'Dit besluit was al vastgelegd; er is niets gewijzigd.',
    stale: 'Deze knop is niet meer actueel; het bericht is bijgewerkt.',
    needReason: 'Geef een reden voor de afwijzing.',
    transferred: (threads: boolean) =>
      `Vastgelegd dat de administratie is overgezet. De nazorglijst staat ${threads ? 'in de thread' : 'hieronder'}.`,
    itemDone: 'Bijgewerkt.',
    rerequested: 'Nieuwe akkoordronde gestart.',
    cancelled: 'De overname is geannuleerd.',
    snoozed: (until: string) => `Herinneringen gepauzeerd tot ${until}.`,
  },
  card: {
    title: (client: string) => md`Overname ${client}`,
    administrations: 'Administratie(s)',
    move: 'Van → naar',
    requester: 'Aangevraagd door',
    status: 'Status',
    round: 'Akkoordronde',
    waiting: 'wacht op akkoord',
    noLongerNeeded: 'geen besluit meer nodig',
    approvedBy: (who: string, at: string) => `akkoord door ${who} op ${at}`,
    rejectedBy: (who: string, at: string, reason: string) => `afgewezen door ${who} op ${at}: ${reason}`,
    allApproved: 'Alle drie de partijen hebben akkoord gegeven. Zet de administratie over en bevestig het daarna hier.',
    transferredAt: (who: string, at: string, threads: boolean) =>
      `Overgezet, bevestigd door ${who} op ${at}. Zie de nazorglijst ${threads ? 'in de thread' : 'hieronder'}.`,
    rejectedNote: 'Een partij heeft afgewezen. De aanvrager kan na overleg opnieuw aanvragen.',
    cancelledNote: (who: string, at: string) => `Geannuleerd door ${who} op ${at}.`,
    completedNote: 'Alle nazorgpunten zijn afgerond.',
    checklistTitle: (client: string) => md`Nazorg na overzetten — ${client}`,
    checklistIntro:
      'Deze functies en stappen zijn niet mee gekopieerd. Markeer elk punt als gereed of niet van toepassing; een vergissing maak je ongedaan.',
    itemDoneBy: (who: string, at: string) => `gereed — ${who}, ${at}`,
    itemNaBy: (who: string, at: string) => `niet van toepassing — ${who}, ${at}`,
    itemReopenedBy: (who: string, at: string) => `heropend — ${who}, ${at}`,
    itemNotUsed: 'niet van toepassing — de klant gebruikt dit niet volgens de aanvraag',
    bankManagedBy: (who: string) => `Deze koppeling werd beheerd door ${who}.`,
    bankManagerUnknown:
      'Niet bekend wie deze koppeling beheerde: vraag na of de klant dat zelf deed of de vorige accountant.',
    audit: 'Elke beslissing wordt vastgelegd met wie, wanneer en via welk platform.',
  },
  reminders: {
    approvals: (people: string, client: string) =>
      `Herinnering: ${people}, wil je akkoord geven of afwijzen voor de overname van ${client}? De overname kan pas verder als alle drie de partijen akkoord zijn.`,
    escalate: (requester: string, count: number) =>
      `${requester}, er is na ${count} herinneringen nog niet door iedereen gereageerd. Neem eventueel zelf contact op.`,
    checklist: (who: string, items: string) => `Herinnering: ${who}, deze nazorgpunten staan nog open:\n${items}`,
  },
  help: {
    title: 'Overname-assistent — wat ik kan',
    questions:
      '- **Vragen** over het overnemen van een klant uit een andere Twinfield-omgeving; ik antwoord uit het kennisartikel, met bron.',
    start:
      '- **start** (of "nieuwe overname"): vraag een overname aan. Ik vraag akkoord aan de beheerder van de oude omgeving, de klant en de beheerder van de nieuwe omgeving — alleen die persoon kan op de eigen knop drukken.',
    startElsewhere:
      '- **Een overname aanvragen** doe je in het kanaal of groepsgesprek waar de drie betrokkenen meelezen: noem mij daar en typ **start**. In dit privégesprek kan dat niet, want zij zien het hier niet.',
    status:
      '- **status**: de lopende overnames in dit gesprek, hoe lang ze lopen, waarop ze wachten en een link naar elk overnamebericht.',
    followUp:
      '- Na het overzetten houd ik een nazorglijst bij (gebruiker en uitnodiging, Rabobank, Knab, poorten en certificaten, btw-rechten, rapportagestructuur) en herinner ik op werkdagen tot alles gereed is. Een punt dat per vergissing is afgevinkt, maak je ongedaan.',
  },
  statusView: {
    title: 'Lopende overnames in dit gesprek',
    none: 'Er lopen hier geen overnames.',
    line: (client: string, status: string, age: string) => `**${client}** — ${status} — ${age}`,
    ageHours: (n: number) => (n < 1 ? 'sinds minder dan een uur' : `sinds ${n} uur`),
    ageDays: (n: number) => (n === 1 ? 'sinds 1 dag' : `sinds ${n} dagen`),
    pendingPeople: (people: string) => `Wacht op akkoord van ${people}.`,
    awaitingTransfer: (admin: string) => `Wacht op ${admin} om te bevestigen dat de administratie is overgezet.`,
    awaitingRerequest: (requester: string) => `Wacht op ${requester}: opnieuw aanvragen of annuleren.`,
    openItems: (n: number, people: string) =>
      `${n === 1 ? '1 nazorgpunt' : `${n} nazorgpunten`} open, af te handelen door ${people}.`,
    link: 'Naar het overnamebericht',
  },
  startPrompt: 'Klik op de knop om een overname aan te vragen.',
  cancelHow: 'Gebruik de knop **Annuleren** op het overnamebericht om een overname te annuleren.',
};

export type Messages = typeof nl;

const en: Messages = {
  roles: {
    oldEnvironmentAdmin: 'Old environment admin',
    client: 'Client',
    newEnvironmentAdmin: 'New environment admin',
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
      'Create a new user and link it to the moved administration(s). Invite the client through their **existing** Wolters Kluwer Account; ask the client which e-mail address it uses.',
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
  },
  form: {
    title: 'New takeover',
    submit: 'Request',
    clientName: 'Client name',
    administrations: 'Administration(s)',
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
    failed: 'Something went wrong; possibly nothing was recorded. Please try again in a minute.',
    required: 'Please fill in this field.',
    tooLong: (max: number) => `At most ${max} characters.`,
    administrations: 'Name at least one administration.',
    sameEnvironment: 'The new environment must differ from the old one.',
    distinctPeople: 'Choose three different people for the three approvals.',
    unknownCase: 'This takeover does not exist (any more).',
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
    administrations: 'Administration(s)',
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
      `${requester}, not everyone has responded after ${count} reminders. You may want to contact them yourself.`,
    checklist: (who: string, items: string) => `Reminder: ${who}, these follow-up items are still open:\n${items}`,
  },
  help: {
    title: 'Takeover assistant — what I can do',
    questions:
      '- **Questions** about taking over a client from another Twinfield environment; I answer from the knowledge article, with its source.',
    start:
      '- **start** (or "new takeover"): request a takeover. I ask the old environment admin, the client and the new environment admin to approve — only that person can press their own button.',
    startElsewhere:
      '- **Request a takeover** in the channel or group chat where the three people involved can read along: mention me there and type **start**. Not in this private chat, where they cannot see it.',
    status:
      '- **status**: the open takeovers in this conversation, how long they have been open, what they wait for and a link to each takeover message.',
    followUp:
      '- After the move I keep a follow-up checklist (user and invitation, Rabobank, Knab, ports and certificates, VAT rights, reporting structure) and remind on working days until everything is done. An item ticked by mistake can be undone.',
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
  startPrompt: 'Press the button to request a takeover.',
  cancelHow: 'Use the **Cancel** button on the takeover message to cancel a takeover.',
};

export const MESSAGES: Record<'nl' | 'en', Messages> = { nl, en };

export function messages(language: 'nl' | 'en'): Messages {
  return MESSAGES[language];
}
