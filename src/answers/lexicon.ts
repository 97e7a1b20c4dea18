// The domain's concepts and the words Dutch and English users have for them: how the engine recognises what a
// question is about. Which section answers a concept is not written here; it is learnt from the articles.
//
// Term syntax: "a+b" is a phrase (in order, up to two words between); "a~b" are words near each other in either
// order (Dutch separable verbs: "nodig de klant uit", "gaat dat mee"); a leading "?" marks a weak term that counts
// at most as a topic word ("tell" in "can you tell me"), "??" one that counts only as context, whatever the
// concept's tier ("admin" may mean administrator or administration); a leading "="
// matches the word only as written, not by its stem ("rights", whose stem is also the stem of "right").
//
// Tiers say how much a concept tells about the subject of a question:
// - anchor: names a subject the article states something about (bank links, approvals, invitations) — one is
//   enough to put a question in scope;
// - topic: narrows a question down but is too common to carry it alone (settings, copy, again, create);
// - context: the setting every question shares (client, administration, environment): ranks, never decides.

export type Tier = 'anchor' | 'topic' | 'context';

export interface ConceptDef {
  id: string;
  tier: Tier;
  /**
   * A thing that exists in Twinfield apart from any move (a bank link, a certificate, VAT rights). The article only
   * says what happens to it in a move, so a question about it must be about the move ("hoe vernieuw ik mijn
   * certificaat?" is not).
   */
  thing?: boolean;
  /** Concepts a hit of this one also stands for ("niet meegekopieerd" is about copying too). */
  implies?: readonly string[];
  terms: readonly string[];
}

export const CONCEPTS: readonly ConceptDef[] = [
  // --- the move and its approvals ---
  {
    id: 'approve',
    tier: 'anchor',
    terms:
      `akkoord akoord accoord akkoordverklaring toestemming toestemmen goedkeuring goedkeuringen goedkeuren goedgekeurd
      goedkeurt keurt~goed keuren~goed goed+te+keuren =keur~goed instemmen instemming fiat fiatteren gefiatteerd aftekenen afgetekend tekent~af teken~af accorderen geaccordeerd ondertekenen handtekening tekenen
      groen+licht approve approves approved approving approval approvals consent consents permission sign+off signoff
      green+light greenlight go+ahead agree agrees authorise authorize authorisation authorization accept accepts
      signature`.split(/\s+/),
  },
  {
    id: 'parties',
    tier: 'anchor',
    terms: `partijen partij betrokkenen betrokken alle+partijen parties party everyone everybody involved stakeholders
      all+sides`.split(/\s+/),
  },
  {
    id: 'administrator',
    tier: 'anchor',
    thing: true,
    terms: `beheerder beheerders omgevingsbeheerder applicatiebeheerder hoofdgebruiker administrator administrators
      superuser ??admin ??admins ??beheer`.split(/\s+/),
  },
  {
    id: 'request',
    tier: 'anchor',
    terms: `aanvraag aanvragen aangevraagd verzoek verzoeken opdracht opdrachten request requests requested requesting
      aanvraagt`.split(/\s+/),
  },
  {
    id: 'start',
    tier: 'topic',
    terms: `beginnen begint begin start starten gestart opstarten eerste+stap first+step kick+off initiate begins
      starts eerst first`.split(/\s+/),
  },
  {
    id: 'inform',
    tier: 'anchor',
    terms: `communiceren gecommuniceerd informeren geinformeerd inlichten ingelicht laten+weten op+de+hoogte aankondigen
      in+te+lichten lichten~in ?melden ?vertellen inform informed ?tell notify notified let+know heads+up communicate aware announce warn
      waarschuwen verwittigen verwittigd verwittig`.split(/\s+/),
  },
  {
    id: 'beforehand',
    tier: 'topic',
    terms: `vooraf van+tevoren tevoren vantevoren op+voorhand voorafgaand voordat voorbereiden voorbereiding beforehand
      in+advance upfront up+front ahead prior before prepare preparation`.split(/\s+/),
  },
  {
    id: 'multiple',
    tier: 'topic',
    terms: `meerdere verschillende meer+dan+een een+of+meer twee drie beide allebei several multiple
      more+than+one one+or+more two three both various`.split(/\s+/),
  },
  {
    id: 'client-side',
    tier: 'anchor',
    terms: `perspectief perspective klantkant kant+van+de+klant client+side point+of+view viewpoint
      standpunt gezichtspunt over+laten+zetten vanuit+klant from+client hun+kant their+side
      written+for+the+client for+the+client+s+side klantversie client+version klant+kant client+s+side`.split(/\s+/),
  },
  // --- users and invitations ---
  {
    id: 'user',
    thing: true,
    tier: 'anchor',
    terms: `gebruiker gebruikers gebr gebruikersaccount gebruikersaccounts user users usr useraccount
      ??login ??logins ??inlog ??account ??accounts`.split(/\s+/),
  },
  {
    id: 'create',
    tier: 'topic',
    terms: `aanmaken aangemaakt maken gemaakt maak maakt toevoegen toegevoegd voeg~toe create created creating creates
      add added make made`.split(/\s+/),
  },
  {
    id: 'invite',
    tier: 'anchor',
    terms: `uitnodigen uitnodiging uitnodigingen uitgenodigd nodig~uit uitnodigingsmail invite invites invited inviting
      invitation invitations`.split(/\s+/),
  },
  {
    id: 'wk-account',
    tier: 'anchor',
    terms: `wolters+kluwer+account ??wolters+kluwer wk+account wk+acc wk+acct wkaccount wk+login wk+id
      wolterskluwer`.split(/\s+/),
  },
  {
    id: 'email',
    thing: true,
    tier: 'anchor',
    terms: `emailadres emailadressen ??email ??emails mailadres mailadressen mail+adres email+address
      ??mail`.split(/\s+/),
  },
  {
    id: 'access',
    tier: 'anchor',
    terms: `toegang toegang~krijgen toegang~krijgt toegang~krijg erbij~kan erbij~kunnen inloggen
      ingelogd log+in login inlog logon sign+in access bij~kunnen erin er~in~kan er~in~kunnen get+into gets+into`.split(
      /\s+/,
    ),
  },
  // --- what is not copied ---
  {
    id: 'bank',
    tier: 'anchor',
    thing: true,
    terms: `bank bankkoppeling bankkoppelingen bankverbinding bankverbindingen bankconnectie bankfeed
      bankfeeds bank+feed banklink banklinks bankintegratie ??bankrekening ??bankrekeningen banking
      bank+connection bank+connections bank+link bank+links bank+feeds psd2`.split(/\s+/),
  },
  { id: 'rabobank', tier: 'anchor', thing: true, terms: ['rabobank', 'rabo'] },
  { id: 'knab', tier: 'anchor', thing: true, terms: ['knab'] },
  {
    id: 'connection',
    tier: 'topic',
    terms: `koppeling koppelingen koppelen gekoppeld koppel connectie connecties verbinding verbindingen integratie
      integraties link links linked linking feed feeds connection connections connect connected integration
      integrations`.split(/\s+/),
  },
  { id: 'ports', tier: 'anchor', thing: true, terms: `poort poorten port ports digipoort`.split(/\s+/) },
  {
    id: 'certificates',
    tier: 'anchor',
    thing: true,
    terms: `certificaat certificaten certificate certificates cert certs pkioverheid pki pkio
      servercertificaat`.split(/\s+/),
  },
  {
    id: 'vat',
    tier: 'anchor',
    thing: true,
    terms: `btw vat omzetbelasting value+added+tax sales+tax ??aangifte ??aangiftes ??aangiften`.split(/\s+/),
  },
  {
    id: 'rights',
    tier: 'anchor',
    thing: true,
    terms: `toegangsrechten rechten autorisaties autorisatie bevoegdheden bevoegdheid permissies rollen access+rights
      permissions =rights authorisations authorizations privileges user+rights`.split(/\s+/),
  },
  {
    id: 'report',
    thing: true,
    tier: 'topic',
    terms: `rapport rapporten rapportage rapportages rapportering report reports reporting`.split(/\s+/),
  },
  {
    id: 'structure',
    thing: true,
    tier: 'topic',
    terms: `structuur structuren structure structures indeling opbouw layout hierarchy hierarchie`.split(/\s+/),
  },
  {
    id: 'design',
    tier: 'topic',
    terms: `ontwerpen ontwerp ontworpen opmaak opmaken rapporten~maken rapport~maken design designing
      designed make~reports create~reports build~reports`.split(/\s+/),
  },
  {
    id: 'settings',
    thing: true,
    tier: 'topic',
    terms: `instellingen instelling omgevingsinstellingen settings setting configuratie configuration config
      voorkeuren preferences`.split(/\s+/),
  },
  {
    id: 'features',
    tier: 'topic',
    terms: `functionaliteiten functionaliteit functies functie onderdelen features feature functionality
      functionalities modules`.split(/\s+/),
  },
  {
    id: 'copy',
    tier: 'topic',
    terms: `kopie kopieren gekopieerd gekopieerde meegekopieerd meekopieren meenemen meegenomen neem~mee neemt~mee
      nemen~mee gaat~mee gaan~mee ga~mee meegaan meegaat komt~mee komen~mee meekomen meeverhuizen behouden blijft~werken
      blijven~werken verhuist~mee copy copied copies copying carry+over carried+over
      carries+over come+along comes+along come+across comes+across come+with comes+with transfer+over kept keep
      retained preserved survive survives carry`.split(/\s+/),
  },
  {
    id: 'not-copied',
    tier: 'anchor',
    implies: ['copy'],
    terms: `niet~mee niet~meegekopieerd niet~gekopieerd niet~meegenomen niet~overgenomen niet~behouden
      not~copied not~carried not~transferred not~kept not~included not~come not~moved not~preserved
      stops~working stop~working werkt~niet~meer`.split(/\s+/),
  },
  {
    id: 'again',
    tier: 'topic',
    terms: `opnieuw nogmaals ??weer wederom again anew once+more redo re+enter reenter reconnect reconnected relink
      reconfigure rebuild recreate re+establish reestablish`.split(/\s+/),
  },
  {
    id: 'setup',
    tier: 'topic',
    terms: `instellen ingesteld inrichten ingericht configureren geconfigureerd vormgeven vormgegeven leggen gelegd
      opzetten aanzetten activeren set+up setup configure configured establish hook+up enable
      activate`.split(/\s+/),
  },
  {
    id: 'discuss',
    tier: 'anchor',
    terms: `bespreken besproken bespreek doornemen doorspreken overleggen overleg afstemmen afspreken
      discuss discussed discussing go+through walk+through talk+through talk+to consult go+over`.split(/\s+/),
  },
  {
    // The article gives one piece of advice ("Het algemene advies is om vooraf met de klant te bespreken …").
    id: 'advice',
    tier: 'topic',
    terms: `advies adviezen adviseren adviseert aanbeveling aanbevelingen aanbevolen advice advise advised recommend
      recommended recommendation recommendations`.split(/\s+/),
  },
  {
    id: 'check',
    tier: 'topic',
    terms: `controleer controleren gecontroleerd checken check nagaan verify verifieer uitzoeken find+out
      navragen`.split(/\s+/),
  },
  {
    id: 'managed',
    tier: 'topic',
    terms: `beheerde beheerd beheren beheert =managed =manage =manages =managing maintained maintain
      looked+after handled ran runs verzorgde verzorgd regelde wij+of+de+klant ons+of+de+klant wij+of+klant us+or+the+client me+or+the+client on+me+or who+set+that+up who+set+it+up them+or+the+old+firm`.split(
      /\s+/,
    ),
  },
  { id: 'different', tier: 'context', terms: `andere ander anders different other another alternative`.split(/\s+/) },
  {
    id: 'different-connection',
    tier: 'anchor',
    terms: `andere~koppeling andere~koppelingen ander~koppeling andere~bankkoppeling eigen~koppeling andere~verbinding
      andere~connectie diff~connection diff~bank different~connection other~connection another~connection different~link different~feed
      different~integration own~connection`.split(/\s+/),
  },
  {
    id: 'options',
    tier: 'topic',
    terms:
      `opties optie =mogelijkheden =mogelijkheid alternatieven options option =possibilities =possibility choices`.split(
        /\s+/,
      ),
  },
  { id: 'available', tier: 'topic', terms: `beschikbaar available aanwezig present`.split(/\s+/) },
  // --- further reading ---
  {
    id: 'billing',
    tier: 'anchor',
    terms:
      `gefactureerd factureren facturatie facturering =billed =billing bill~client bill~directly bill~user bill~customer invoiced
      doorbelasten doorbelast rekening~krijgt rekening~krijgen zelf~rekening rechtstreeks~betalen gebruiker~betalen user~pay pay~user direct~betalen pay~directly paid~directly invoiced~straight
      invoiced~directly billed~straight factuur~gebruiker factuur~abonnement factuur~licentie facturen~gebruiker invoice~user
      invoice~subscription invoice~licence invoice~license`.split(/\s+/),
  },
  { id: 'direct', tier: 'topic', terms: `rechtstreeks direct directly straight`.split(/\s+/) },
  {
    id: 'further-reading',
    tier: 'anchor',
    terms: `verder+lezen verder+te+lezen further+reading read+further andere+artikelen
      gerelateerde+artikelen other+articles related+articles linked+articles`.split(/\s+/),
  },
  {
    id: 'article',
    tier: 'topic',
    terms: `kennisartikel kennisartikelen artikel artikelen handleiding documentatie article articles guide guides
      documentation manual verder+lezen meer+lezen read+more further+reading more+information meer+informatie
      meer+info zie+ook see+also waar~lees waar~lezen waar~vind where~read where~find read+up beschreven omschreven uitgelegd toegelicht described explained explains`.split(
      /\s+/,
    ),
  },
  // --- the shared setting: ranks, never decides ---
  {
    id: 'move',
    tier: 'context',
    terms: `verhuizen verhuizing verhuist verhuisd verhuis overzetten overzetting overgezet overgezette zet~over
      zetten~over oude+omgeving vorige+omgeving old+environment previous+environment bring~over brengen~over overbrengen come~over comes~over wisselt wisselen verplaatsen verplaatst migreren migratie gemigreerd overhevelen overgeheveld overdragen overdracht
      overgedragen overboeken is+over naar+nieuwe+accountant naar+een+ander+kantoor naar+ander+kantoor overstappen overstap overgestapt naar+ons naar+onze+omgeving naar+de+omgeving naar+mijn+omgeving naar+ons+kantoor landed arrived
      aangekomen binnengekomen to+us into+ours over+to+us into+our+environment to+the+new+firm to+a+new+accountant switching+accountants switch+accountants move moves moved moving transfer transfers transferred transferring migrate
      migrating migration migrated relocate switch switching`.split(/\s+/),
  },
  {
    id: 'takeover',
    tier: 'context',
    terms: `overnemen overname overnames overnamen overgenomen neem~over neemt~over nemen~over namen~over overpakken
      take+over takes+over taking+over took+over taken+over take+on takes+on taking+on took+on taken+on takeover onboard
      onboarding acquire`.split(/\s+/),
  },
  {
    id: 'client',
    tier: 'context',
    terms: `klant klanten client clients customer customers relatie relaties ondernemer`.split(/\s+/),
  },
  {
    id: 'administration',
    tier: 'context',
    terms: `administratie administraties administration administrations boekhouding boekhoudingen boeken books
      ledger ledgers dossier dossiers adm company companies bedrijf bedrijven bv bvs onderneming entiteit entity
      office offices`.split(/\s+/),
  },
  {
    id: 'environment',
    tier: 'context',
    terms: `omgeving omgevingen environment environments env organisatie organisation organization tenant
      klantomgeving`.split(/\s+/),
  },
  {
    id: 'firm',
    tier: 'context',
    terms: `kantoor kantoren accountantskantoor administratiekantoor boekhoudkantoor accountant accountants boekhouder
      firm firms practice bookkeeper accountancy`.split(/\s+/),
  },
  {
    id: 'old',
    tier: 'context',
    terms: `oude oud vorige vorig huidige voormalige previous former old prior`.split(/\s+/),
  },
  { id: 'new', tier: 'context', terms: `nieuwe nieuw new`.split(/\s+/) },
  { id: 'twinfield', tier: 'context', terms: ['twinfield'] },
  {
    id: 'after',
    tier: 'context',
    terms: `nadat daarna erna achteraf vervolgens zodra afterwards after afterward once na+de na+het`.split(/\s+/),
  },
  {
    // A client who never was in another environment: no move, whatever else the words say.
    id: 'no-move',
    tier: 'context',
    terms: `nooit~andere~omgeving nooit~gezeten never~another~environment never~been~another never~been~in
      nooit~eerder~twinfield never~used~twinfield`.split(/\s+/),
  },
  {
    // What the article is about as a whole ("wat staat er in dit artikel?", "summarise it"): the outline.
    id: 'summary',
    tier: 'context',
    terms: `samenvatting samenvatten samengevat overzicht waar+gaat+dit+artikel+over waar+gaat+het+artikel+over
      wat+staat+er+in+dit+artikel what+does+this+article+cover what+does+the+article+cover what+is+this+article+about
      summary summarise summarize overview`.split(/\s+/),
  },
  {
    // The move has happened ("de administratie staat bij ons", "landed in our environment"): asks what comes after.
    id: 'arrived',
    tier: 'context',
    terms: `staat+bij+ons staat~bij~ons staat+nu+bij+ons staat+in+onze+omgeving staat+nu+in+onze+omgeving is+bij+ons
      is+over is+done is+binnen net+binnen nu+binnen binnengekomen binnenkomt aangekomen aankomt landed arrived arrives
      arrive lands went+through has+been+moved have+been+moved is+moved`.split(/\s+/),
  },
  {
    // Instructions to the assistant itself, not questions about the article: refused whatever else they name.
    id: 'instruction',
    tier: 'context',
    terms: `negeer~instructies negeer~regels vergeet~instructies systeemprompt system+prompt
      systemprompt ignore~instructions ignore~rules ignore~previous disregard~instructions
      developer+mode debug+mode jailbreak =keur+goed approve+case approve+request
      approve+it+for approve+this+for accepteer+verzoek`.split(/\s+/),
  },
  {
    id: 'procedure',
    tier: 'context',
    terms: `stappen stap stappenplan proces procedure werkwijze checklist todo to+do steps step process
      rekening~houden letten~op aandachtspunten aandachtspunt in+zijn+werk hoe+werkt how+does+work consider
      involved watch+out take+into+account pay+attention moet+ik+doen moeten+we+doen wat+nu what+do+i+do
      what+should+i+do what+do+we+do what+now to+do+list`.split(/\s+/),
  },
];

export const CONCEPT_BY_ID: ReadonlyMap<string, ConceptDef> = new Map(CONCEPTS.map((c) => [c.id, c]));
