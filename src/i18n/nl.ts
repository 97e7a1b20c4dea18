// Every sentence the assistant says in Dutch, the default: the core's, the adapters' and the answer engine's.
// Markup as in dialog/markup.ts. Written as a Dutch accountant writes: "Twinfield-omgeving", role names in lower
// case inside a sentence, numbers with their noun ("1 herinnering", "2 herinneringen"), never "(en)".

import { md } from '../dialog/markup.js';
import type { CaseStatus, ChecklistItem, Feature, Role } from '../domain/case.js';
import type { LinkProblem } from '../external/approval-link.js';

const failed = 'Er ging iets mis; er is mogelijk niets vastgelegd. Probeer het over een minuut opnieuw.';

export const nl = {
  roles: {
    oldEnvironmentAdmin: 'Beheerder oude omgeving',
    client: 'Klant',
    newEnvironmentAdmin: 'Beheerder nieuwe omgeving',
  } satisfies Record<Role, string>,
  /** The roles inside a sentence ("je akkoord als beheerder oude omgeving"). */
  roleInText: {
    oldEnvironmentAdmin: 'beheerder oude omgeving',
    client: 'klant',
    newEnvironmentAdmin: 'beheerder nieuwe omgeving',
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
      'Maak een nieuwe gebruiker aan en koppel die aan de overgezette administraties. Nodig de klant uit via het **bestaande** Wolters Kluwer Account van de klant; vraag de klant welk e-mailadres daarvoor wordt gebruikt.',
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
    history: 'Geschiedenis',
    history_export: 'Exporteren',
  },
  form: {
    title: 'Nieuwe overname',
    submit: 'Aanvragen',
    clientName: 'Naam van de klant',
    administrations: 'Administraties',
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
    failed,
    required: 'Vul dit veld in.',
    tooLong: (max: number) => `Maximaal ${max} tekens.`,
    administrations: 'Noem minstens één administratie.',
    sameEnvironment: 'De nieuwe omgeving moet een andere zijn dan de oude.',
    distinctPeople: 'Kies drie verschillende personen voor de drie akkoorden.',
    unknownCase: 'Deze overname bestaat niet of niet meer.',
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
    administrations: (n: number): string => (n === 1 ? 'Administratie' : 'Administraties'),
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
      `${requester}, na ${count === 1 ? '1 herinnering' : `${count} herinneringen`} heeft nog niet iedereen gereageerd. Neem eventueel zelf contact op.`,
    checklist: (who: string, items: string, count: number) =>
      `Herinnering: ${who}, ${count === 1 ? 'dit nazorgpunt staat' : 'deze nazorgpunten staan'} nog open:\n${items}`,
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
    mine: '- **mijn overnames**: wat op jou wacht (met je knoppen), wat je hebt aangevraagd en wat kort geleden is afgerond, in alle kanalen.',
    history:
      '- **geschiedenis <klant>**: wie wat wanneer deed bij een overname, met export als CSV; alleen voor wie erbij betrokken is.',
    followUp:
      '- Na het overzetten houd ik een nazorglijst bij (gebruiker en uitnodiging, Rabobank, Knab, poorten en certificaten, toegangsrechten voor btw, rapportagestructuur) en herinner ik op werkdagen tot alles gereed is. Een punt dat per vergissing is afgevinkt, maak je ongedaan.',
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
  /** "Mijn overnames": the Slack Home tab and the card for "mijn overnames" in a chat. */
  mine: {
    title: 'Mijn overnames',
    waiting: 'Wacht op jou',
    requested: 'Door jou aangevraagd',
    recent: 'Recent afgerond',
    noneWaiting: 'Er wacht nu niets op jou.',
    noneRequested: 'Je hebt geen lopende aanvragen.',
    noneRecent: 'De afgelopen 30 dagen is er niets afgerond.',
    more: (n: number) => `en nog ${n}…`,
    decideAs: (role: string) => `Jouw akkoord als **${role}**:`,
    confirmTransfer: 'Alle drie akkoord: bevestig dat de administratie is overgezet.',
    finishedAt: (status: string, at: string) => `${status} — ${at}`,
    intro:
      'Wat op jou wacht en wat je hebt aangevraagd, in alle kanalen. Deze pagina wordt bijgewerkt als er iets verandert.',
  },
  /** The history of a case (the audit trail in chat) and its export. Arguments are markup, user text escaped. */
  history: {
    title: (client: string) => md`Geschiedenis — ${client}`,
    modalTitle: 'Geschiedenis',
    summary: (caseId: string, status: string, timeZone: string) =>
      `Overname ${caseId} · ${status}. Elke handeling die is vastgelegd, oudste eerst; tijden in ${timeZone} en UTC.`,
    count: (n: number) => (n === 1 ? '1 vastgelegde handeling' : `${n} vastgelegde handelingen`),
    created: 'Overname aangevraagd',
    approved: (role: string) => `Akkoord gegeven als ${role}`,
    rejected: (role: string) => `Afgewezen als ${role}`,
    roundStarted: (round: number) => `Opnieuw aangevraagd: akkoordronde ${round}`,
    transferConfirmed: 'Bevestigd dat de administratie is overgezet',
    itemDone: (item: string) => `Nazorgpunt gereed: ${item}`,
    itemNotApplicable: (item: string) => `Nazorgpunt niet van toepassing: ${item}`,
    itemUndone: (item: string) => `Nazorgpunt ongedaan gemaakt (weer open): ${item}`,
    cancelled: 'Overname geannuleerd',
    unknownFact: (type: string) => `Onbekende handeling (${type})`,
    by: 'Door',
    at: 'Wanneer',
    platform: 'Platform',
    round: 'Akkoordronde',
    reason: 'Reden',
    fact: 'Wat',
    platforms: {
      slack: 'Slack',
      teams: 'Microsoft Teams',
      playground: 'Speeltuin',
      external: 'Link (extern)',
    } as Record<string, string>,
    more: (n: number) =>
      `Nog ${n === 1 ? '1 handeling' : `${n} handelingen`} past hier niet; **Exporteren** geeft de volledige geschiedenis.`,
    others: (list: string) =>
      `Voor deze klant zijn er meer overnames die je mag zien; dit is de nieuwste. Vraag een andere op met het overnamenummer: ${list}.`,
    otherCase: (caseId: string, date: string, status: string) => `${caseId} (${date}, ${status})`,
    refused:
      'Alleen de aanvrager, de drie goedkeurders en de auditbeheerders kunnen de geschiedenis van deze overname zien of exporteren. Er is niets gewijzigd.',
    refusedClient: (client: string) =>
      `Je bent niet betrokken bij een overname van ${client}; alleen de aanvrager, de drie goedkeurders en de auditbeheerders kunnen de geschiedenis zien.`,
    notFound: (client: string) =>
      `Ik vind geen overname van ${client}. Noem de klant zoals op de aanvraag, of het overnamenummer.`,
    usage: 'Noem de klant: **geschiedenis** gevolgd door de naam zoals op de aanvraag, of het overnamenummer.',
    askedBy: (who: string, client: string) =>
      `${who} vroeg de geschiedenis op van ${client}. Alleen wie bij de overname betrokken is, kan die zien.`,
    show: 'Geschiedenis tonen',
    back: 'Terug naar de overname',
    exportSent: 'De export (CSV) staat in je privéberichten met de assistent.',
    exportComment: (client: string, caseId: string) =>
      `Export van de geschiedenis van ${client} (overname ${caseId}), als CSV.`,
    exportLink: (minutes: number) =>
      `Je export (CSV) staat klaar. De downloadlink werkt ${minutes} minuten en alleen voor jou.`,
    download: 'CSV downloaden',
    exportTable: 'Er is geen downloadadres ingesteld, dus hier is de export als tabel.',
    linkInvalid:
      'Deze downloadlink is ongeldig. Vraag een nieuwe op met Exporteren bij de geschiedenis van de overname.',
    linkExpired:
      'Deze downloadlink is verlopen. Vraag een nieuwe op met Exporteren bij de geschiedenis van de overname.',
    linkRefused: 'Je mag deze export niet meer downloaden.',
  },
  startPrompt: 'Klik op de knop om een overname aan te vragen.',
  cancelHow: 'Gebruik de knop **Annuleren** op het overnamebericht om een overname te annuleren.',
  /** Words only the Teams adapter says (around the core's cards). */
  teams: {
    refresh: 'Vernieuwen',
    back: 'Terug',
    showCase: 'Overnamekaart tonen',
    onlySee: (names: string, labels: string, people: number, buttons: number) =>
      `Alleen ${names} ${people === 1 ? 'ziet' : 'zien'} ${buttons === 1 ? 'de knop' : 'de knoppen'} ${labels}.`,
    onlyPress: (names: string, labels: string, people: number, buttons: number) =>
      `Alleen ${names} ${people === 1 ? 'kan' : 'kunnen'} ${buttons === 1 ? 'de knop' : 'de knoppen'} ${labels} gebruiken.`,
    onlyPressOwn: (names: string, labels: string, people: number, buttons: number) =>
      `${buttons === 1 ? 'De knop' : 'De knoppen'} ${labels} ${buttons === 1 ? 'werkt' : 'werken'} alleen voor ${people === 1 ? names : `${names}, elk bij de eigen naam`}.`,
    checkFields: 'Controleer de gemarkeerde velden.',
    membersCut: (shown: number, total: number) =>
      `De keuzelijsten tonen ${shown} van de ${total} leden van dit gesprek.`,
    submittedBy: (client: string, who: string) =>
      `Aanvraag voor **${client}** verstuurd door ${who}. De overnamekaart staat nu in het gesprek.`,
    alreadySubmitted: 'Dit formulier is al verstuurd; er is geen tweede overname aangemaakt.',
    busy: 'Dit formulier wordt al verwerkt.',
    failed,
    slow: 'Je keuze is ontvangen; de kaart wordt zo bijgewerkt.',
  },
  /** Words only the Slack adapter says. */
  slack: {
    close: 'Sluiten',
    botNotAllowed: 'Een bot kan geen akkoord geven; kies een persoon.',
    userUnknown: 'Deze persoon kan ik niet vinden in Slack; kies een ander.',
    userCheckFailed: 'Ik kon deze persoon nu niet controleren bij Slack; probeer het zo opnieuw.',
    failed,
    startFailed: (errors: string) => `De overname is niet aangemaakt:\n${errors}`,
    help: '**In Slack:** `/overname start` start een overname, `/overname status` toont de lopende overnames in het kanaal, `/overname geschiedenis <klant>` toont wie wat wanneer deed, `/overname <vraag>` of een @vermelding van mij in een kanaal stelt een vraag; je kunt me ook een privébericht sturen. Op een overnamebericht kan alleen de genoemde persoon op **Akkoord** of **Afwijzen** drukken.',
    notPosted:
      'Ik kon het overnamebericht niet in het kanaal plaatsen, dus de aanvraag is ingetrokken. Nodig mij uit in het kanaal (`/invite @Overname-assistent`) en start de overname opnieuw.',
  },
  /** Approvers outside the workspace: the start form's extra fields, the link for the requester, the approval page. */
  external: {
    tag: 'extern',
    waiting: 'wacht op akkoord via link',
    nameLabel: (role: string) => `Of: ${role} buiten deze werkruimte — naam`,
    nameHint: 'Laat de keuze hierboven dan leeg; je krijgt een link om door te sturen.',
    emailLabel: (role: string) => `E-mailadres ${role} buiten deze werkruimte (optioneel)`,
    unavailable:
      'Iemand buiten deze werkruimte kan pas meedoen als de beheerder van de assistent PUBLIC_URL instelt; kies nu een lid.',
    errors: {
      memberOrExternal: 'Kies een lid óf vul een naam van buiten in, niet allebei.',
      needsPublicUrl:
        'Iemand buiten deze werkruimte kan pas meedoen als de beheerder van de assistent PUBLIC_URL instelt. Kies een lid.',
      email: 'Dit is geen geldig e-mailadres.',
      notForRole:
        'De beheerder van de nieuwe omgeving bevestigt het overzetten in het gesprek en moet daarom lid zijn.',
    },
    /** For the requester only: the link and a text ready to send. */
    linkFor: (name: string, role: string, until: string) =>
      `Link voor **${name}** (${role}), geldig tot ${until}. Stuur hem alleen aan die persoon; een nieuwe link maakt deze ongeldig.`,
    message: (name: string, client: string, role: string, requester: string, url: string, until: string) =>
      `Beste ${name},\n\n${requester} vraagt je akkoord als ${role} voor het overzetten van de Twinfield-administratie van ${client} naar een andere omgeving. Open deze persoonlijke link om te lezen wat er wordt gevraagd en akkoord te geven of af te wijzen:\n\n${url}\n\nDe link is geldig tot ${until} en werkt één keer.`,
    newLink: 'Nieuwe link',
    newLinkSent: 'Nieuwe link gemaakt en alleen naar jou gestuurd; de vorige link werkt niet meer.',
    newLinkNotSent:
      'Nieuwe link gemaakt (de vorige werkt niet meer), maar ik kon hem je niet privé sturen. Probeer het over een minuut opnieuw.',
    onlyRequester: (requester: string) => `Alleen de aanvrager (${requester}) kan een nieuwe link maken.`,
    sendEmail: 'Verstuur per e-mail',
    mailSubject: (client: string) => `Verzoek om akkoord: overzetten administratie ${client}`,
    emailSent: (name: string, to: string) => `De link is per e-mail naar ${name} (${to}) gestuurd.`,
    emailFailed:
      'De e-mail kon niet worden verstuurd; er is niets gewijzigd. Probeer het later opnieuw of stuur de tekst zelf.',
    noEmail: 'Voor deze persoon is geen e-mailadres bekend, of e-mail is niet ingesteld; stuur de tekst zelf.',
    noLink: 'Er kan nu geen link worden gemaakt: deze rol hoeft niet (meer) te beslissen.',
    toldApproved: (requester: string, name: string, role: string) =>
      `${requester}: ${name} heeft via de link akkoord gegeven als ${role}.`,
    toldRejected: (requester: string, name: string, role: string, reason: string) =>
      `${requester}: ${name} heeft via de link afgewezen als ${role}: ${reason}`,
    page: {
      title: 'Akkoord op het overzetten van een administratie',
      intro: (requester: string, client: string, role: string) =>
        `${requester} vraagt je akkoord als ${role} voor het overzetten van de administratie van ${client}.`,
      client: 'Klant',
      meaning: 'Wat betekent je akkoord?',
      notCopied: 'Wat wordt niet mee gekopieerd',
      name: 'Je naam, ter bevestiging',
      reason: 'Reden (verplicht bij afwijzen)',
      approve: 'Akkoord',
      reject: 'Afwijzen',
      otherLanguage: 'English',
      recorded: 'Vastgelegd wordt: de naam die je invult, het tijdstip, je IP-adres en je browser.',
      needName: 'Vul je naam in.',
      needReason: 'Geef een reden voor de afwijzing.',
      tooLong: (max: number) => `Maximaal ${max} tekens.`,
      approved: 'Je akkoord is vastgelegd. Dank je wel; je kunt dit venster sluiten.',
      rejected: 'Je afwijzing is vastgelegd. De aanvrager neemt contact met je op.',
      doneTitle: 'Vastgelegd',
      problemTitle: 'Deze link werkt niet (meer)',
      problems: {
        tampered: 'Deze link is niet geldig. Controleer of je hem helemaal hebt gekopieerd.',
        expired: 'Deze link is verlopen. Vraag de aanvrager om een nieuwe.',
        superseded: 'Er is een nieuwere link voor je gemaakt; deze werkt niet meer. Gebruik de nieuwste.',
        used: 'Deze link is al gebruikt: je besluit is vastgelegd.',
        wrongRound:
          'Het verzoek is opnieuw ingediend; deze link hoort bij het vorige. Vraag de aanvrager om een nieuwe.',
        cancelled: 'Deze overname is geannuleerd; er is geen besluit meer nodig.',
        rejected: 'Een andere partij heeft afgewezen; er is nu geen besluit van je nodig.',
        decided: 'Voor deze rol is al besloten; er is niets gewijzigd.',
        unknownCase: 'Deze overname bestaat niet (meer).',
      } satisfies Record<LinkProblem, string>,
      forged: 'Deze pagina is verlopen of komt niet van ons. Open de link opnieuw; er is niets gewijzigd.',
      tooMany: 'Te veel verzoeken. Probeer het over een minuut opnieuw.',
      failed,
    },
  },
  /** The answer engine's own sentences; refusals always point to Twinfield Support. */
  answers: {
    instruction:
      'Ik beantwoord alleen vragen over het kennisartikel; opdrachten aan mij, zoals iets goedkeuren of mijn instructies veranderen, voer ik niet uit. Akkoord geven doe je met de knoppen op de overnamekaart.',
    vague:
      'Kun je je vraag iets specifieker stellen? Ik beantwoord vragen uit de kennisbank, bijvoorbeeld over het overnemen van een klant uit een andere Twinfield-omgeving.',
    gap: (title: string, topic: string) =>
      `Het kennisartikel “${title}” zegt niet ${topic}, dus daar kan ik geen betrouwbaar antwoord op geven. Neem hiervoor contact op met Twinfield Support.`,
    notInArticle: (title: string) =>
      `Dat staat niet in de kennisbank: het kennisartikel “${title}” beantwoordt deze vraag niet. Neem hiervoor contact op met Twinfield Support.`,
    notFound:
      'Daar kan ik geen antwoord op geven: de kennisbank behandelt deze vraag niet. Neem hiervoor contact op met Twinfield Support.',
    otherLanguage: 'Dit staat alleen in een Engelstalig artikel:',
    seeArticle: (reference: string) => `Zie het kennisartikel ${reference}.`,
    source: 'Bron',
    gapNote: (topic: string) =>
      `Het kennisartikel zegt niet ${topic}; daarvoor kun je contact opnemen met Twinfield Support.`,
  },
};

export type Messages = typeof nl;
