// The built-in starter lexicon (docs/decisions/0008-moderation-pipeline.md), applied to every
// comment in addition to the site's own bannedTerms.
//
// It is generic on purpose: word families and phrase shapes, in English, French, Dutch and
// German, of the kinds of abuse a debate on migration draws, and of comment spam. It is not a
// list fitted to the labelled set; sites add their own terms through settings.
//
// Categories: dehumanising (people called vermin, animals, rabble: a lone ambiguous word weighs
// 0.5, the same word applied to people 1), generalisation (a whole group called criminals, or
// criminalised: "they are all…", "tous des…", "every migrant is…"), exclusion (blanket expulsion
// and "go back" slogans), conspiracy (replacement and invasion-as-a-plot vocabulary), violence
// (wishes and calls for violence: an imperative at the start of a sentence, a verb after a modal,
// "I hope they…"), threat (explicit death wishes and executions), slur, spam.
//
// Pattern syntax (compiled to banned-terms.ts patterns, matched after normalise.ts folding):
//   word        that word, in any case, with or without accents, de-obfuscated (the lists are
//               written folded: "auslander" matches "Ausländer", "etranger" "étranger")
//   word*       the word family: the word and every word starting with it
//   *word       every word ending with it (German and Dutch compounds)
//   a|b|{m}     any of them; {m} is a macro, a list of words below
//   #num        a number, possibly with a currency sign (€500, 3.000)
//   ~n          up to n words in between (never across the end of a sentence)
//   ~n!m        the same, but none of the skipped words may be in macro m ("are NOT criminals")
//   [a|b|{m}]   an optional word: one of them, or nothing ("should [just] shoot them")
//   ^           first step only, as an alternative ("^|should"): the match may also begin a
//               sentence, which is where an imperative stands ("Shoot them." but not "Smugglers
//               shoot them")
// A pattern may also name words that cancel it when they stand near it, as a macro or `a|b`:
//   notAfter    right before the match ("SOME migrants are criminals" is not about all of them);
//   unless      up to 4 words before it or 3 after it in its sentence: a negation or a question
//               ("NOBODY should drown", "I hope they do NOT drown", "WHY should they die?");
//   notAbout    up to 12 words before it, across sentences, or 6 after it, unless a group word
//               ({group}) comes first: the nearest referent decides whom "they" or "these
//               animals" means ("The SMUGGLERS? They are animals." is not about a group).
//
// Weights: 1 holds a comment on its own (the default holdScore); 0.5 marks a word or phrase that
// is often innocent on its own and only counts together with another signal; 0.4 marks a spam cue
// (three together hold); threats weigh 2.
// A match inside quotation marks, or ending on a quoted word, counts half: quoting a word to
// condemn it is not using it. Matches that overlap count once, at the highest weight (spam cues
// excepted): several entries often describe the same words.
import {
  PatternMatcher,
  wordTests,
  type Guard,
  type Pattern,
  type Slot,
  type Step,
} from './banned-terms.ts'
import { tokenStreams, type Token } from './normalise.ts'

export type LexiconCategory =
  | 'dehumanising'
  | 'generalisation'
  | 'exclusion'
  | 'conspiracy'
  | 'violence'
  | 'threat'
  | 'slur'
  | 'spam'

export interface LexiconEntry {
  /** The language the pattern is written in ('any': several). Every entry applies to every comment. */
  lang: 'en' | 'fr' | 'nl' | 'de' | 'any'
  category: LexiconCategory
  weight: number
  pattern: string
  /** A macro name or `a|b` list: words that may not stand right before the match. */
  notAfter?: string
  /** Words that cancel the match up to 4 words before it or 3 after it, in its sentence. */
  unless?: string
  /** Words that cancel the match when they are its nearest referent (see the header). */
  notAbout?: string
}

const words = (list: string): string[] => list.trim().split(/\s+/u)

// Words that cancel a wish, a call or a generalisation near it: negations, "nobody", "fewer",
// prevention, fear, threats reported ("they threatened to shoot them"), questions.
const NEGATIONS = words(`
  not never no nobody noone none nor t cannot cant dont wont hardly fewer less stop prevent avoid
  why how afraid fear fears risk without threatened threaten threatens too impossible
  ne n pas jamais personne aucun aucune moins eviter empecher pourquoi comment sans peur crainte
  risque menace menacent menacaient faim froid trop
  niet geen nooit niemand minder voorkomen waarom hoe zonder bang dreigde dreigden dreigen dreigt
  onmogelijk
  nicht kein keine keinen keiner keinem nie niemals niemand niemanden weniger verhindern vermeiden
  warum wieso ohne angst drohte drohten droht unmoglich`)

/** Word lists the patterns share, all four languages together (comments mix languages). */
export const LEXICON_MACROS: Record<string, readonly string[]> = {
  // Groups people generalise about in migration debates: migrants, religions, origins.
  group: [
    // en
    ...words(`migrant* immigrant* refugee* foreigner* seekers muslim* moslem* jew jews african*
      arab arabs blacks roma gypsies albanians pakistanis moroccans turks romanians
      nigerians syrians afghans somalis`),
    // fr
    ...words(`immigre* refugie* etranger* exile* musulman* juif* juive* arabe* africain* noirs
      roms maghrebin* clandestin* marocain* algerien*`),
    // nl
    ...words(`vluchteling* asielzoeker* allochto* buitenlander* moslim* joden jood marokkan*
      turken afrikan* zwarten nieuwkomer*`),
    // de
    ...words(`auslander* fluchtling* gefluchtete* asylant* asylbewerber* juden jude araber*
      afrikaner* turken zigeuner* sinti`),
  ],
  // What a dehumanising or criminalising generalisation calls a whole group.
  condemn: [
    // en
    ...words(`criminals rapist* terrorist* thieves thugs animals savages parasit* vermin scum
      trash invader* subhuman* filth plague disease cancer leeches scroungers barbarians
      cockroaches rats`),
    // fr
    ...words(`criminels delinquant* voleurs violeurs terroriste* animaux sauvages vermine
      racaille* envahisseur* barbares dechets profiteurs cafards rats fainéants`),
    // nl
    ...words(`criminelen crimineel verkrachters terroristen dieven tuig beesten dieren wilden
      parasiet* ongedierte uitvreters profiteurs barbaren indringers gelukszoekers
      kakkerlakken ratten`),
    // de
    ...words(`kriminelle* kriminell vergewaltiger* terroristen diebe verbrecher* tiere wilde
      barbaren ungeziefer schmarotzer* *schmarotzer abschaum gesindel pack invasoren
      eindringlinge ratten kakerlaken`),
  ],
  // The same, one of them: "every migrant is a criminal".
  condemn_one: [
    ...words(`criminal rapist terrorist thief thug animal savage parasite criminel delinquant
      voleur violeur terroriste sauvage crimineel verkrachter dief beest parasiet krimineller
      verbrecher vergewaltiger terrorist dieb tier parasit schmarotzer`),
  ],
  // Adjectives a generalisation pins on all of a group: "they are ALL violent".
  criminal_adj: [
    ...words(`criminal violent dangerous criminels violents dangereux crimineel gewelddadig
      gevaarlijk kriminell gewalttatig gefahrlich`),
  ],
  // People called animals, pests, savages or rabble: dehumanising when said of people.
  dehum: [
    // en
    ...words(`animals beasts savages vermin rats cockroaches roaches apes monkeys parasit* leeches
      scum rabble subhuman* invaders barbarians locusts maggots lice`),
    // fr
    ...words(`animaux sauvages vermine cafards singes macaques sangsues racaille* envahisseurs
      barbares nuisibles cloportes poux ordures`),
    // nl
    ...words(`beesten dieren wilden ongedierte ratten kakkerlakken apen parasiet* uitvreters tuig
      gespuis schorem uitschot addergebroed barbaren indringers luizen sprinkhanen`),
    // de
    ...words(`tiere bestien wilde ungeziefer kakerlaken affen schmarotzer* *schmarotzer abschaum
      gesindel pack geschmeiss gesocks untermensch* invasoren eindringlinge lause viecher
      heuschrecken`),
  ],
  // After a demonstrative ("these animals", "cette racaille", "dat tuig", "dieses Pack"), one list
  // per language, so that a German article is not read as a Dutch demonstrative.
  dehum_en: [
    ...words(`animals beasts savages vermin rats cockroaches roaches parasites leeches scum rabble
      subhumans invaders barbarians locusts maggots lice`),
  ],
  dehum_fr: [
    ...words(`animaux betes sauvages vermine rats cafards macaques parasites sangsues racaille
      racailles envahisseurs barbares nuisibles cloportes ordures`),
  ],
  dehum_nl: [
    ...words(`beesten ongedierte kakkerlakken apen parasieten uitvreters tuig gespuis schorem
      uitschot addergebroed indringers luizen sprinkhanen`),
  ],
  dehum_de: [
    ...words(`bestien ungeziefer ratten kakerlaken parasiten schmarotzer abschaum gesindel pack
      geschmeiss gesocks brut untermenschen barbaren invasoren eindringlinge viecher heuschrecken
      affen`),
  ],
  // Words only ever said of people, never of real animals ("the camps are full of rats" is not
  // about the people in them, "the streets are full of savages" is).
  rabble: [
    ...words(`savages barbarians invaders parasites subhumans rabble scum sauvages barbares
      envahisseurs racaille racailles wilden barbaren indringers tuig gespuis uitschot schorem
      invasoren eindringlinge gesindel gesocks pack geschmeiss`),
  ],
  // Words that make "these animals" literal or pitying rather than dehumanising.
  pity: [
    ...words(`poor innocent little pauvres pauvre innocents petits arme armen unschuldige
      unschuldigen kleine kleinen wehrlosen arme weerloze onschuldige zielige`),
  ],
  // "A bunch of …", "une bande de …", "een stelletje …", "ein Haufen …".
  bunch: [
    ...words(`bunch pack horde hordes swarm swarms load bande ramassis meute tas troupeau stelletje
      stel bende zooi troep kudde haufen horden herde rudel`),
  ],
  // Pronouns and demonstratives that point at people: "THEY are animals", "CE sont des rats",
  // "HET zijn beesten", "DAS ist Pack".
  they: [
    ...words(`they these those ils elles ce c ceux ces ze zij die deze dit dat het sie das es
      diese jene`),
  ],
  be: [...words(`are is were r re sont etaient est zijn waren sind seien ist`)],
  // "These PEOPLE are animals", "ces GENS sont des animaux", "diese LEUTE sind Tiere".
  people: [
    ...words(`people lot guys men folk types gens mecs individus mensen lui gasten types kerels
      leute menschen typen kerle manner`),
  ],
  // "They are ALL criminals", "ils sont TOUS des criminels", "das sind ALLES Verbrecher".
  all_of: [...words(`all tous toutes allemaal alle allesamt alles`)],
  // Words a generalisation's gaps may not skip: negations, prepositions, relative pronouns.
  nogap: [
    ...words(`not never no nor t hardly rarely seldom who that which of by from for with to than
      ne n pas jamais qui que par pour avec niet geen nooit dat van door voor met dan
      nicht kein* nie niemals welche von vom durch fur mit als`),
  ],
  // The same, and comparisons: "they are treated LIKE animals" is said against the treatment.
  nogap_like: [
    ...words(`not never no nor t hardly rarely seldom who that which of by from for with to than
      ne n pas jamais qui que par pour avec niet geen nooit dat van door voor met dan
      nicht kein* nie niemals welche von vom durch fur mit als like as treated comme traites
      traite zoals behandeld wie behandelt`),
  ],
  // Pests people are compared to: "they spread LIKE COCKROACHES".
  pests: [
    ...words(`locusts rats cockroaches roaches vermin parasites insects lice termites maggots
      sauterelles criquets rats cafards vermine parasites insectes poux sprinkhanen ratten
      kakkerlakken ongedierte parasieten insecten luizen heuschrecken ratten kakerlaken
      ungeziefer parasiten insekten lause`),
  ],
  // Words that say people are kept like animals, against the treatment: "TREATED like rats".
  treated: [
    ...words(`treated treat treats kept housed packed crammed stuffed caged hunted traites traite
      entasses parques chasses behandeld behandelen gehouden opgesloten gepropt behandelt
      behandeln gehalten eingepfercht gejagt`),
  ],
  // Words that cancel a wish, a call or a generalisation near it (NEGATIONS above).
  neg: NEGATIONS,
  // The gaps of a wish: the same, comparisons and time ("better they stay home THAN drown", "I
  // hope they find safety BEFORE they die").
  neg_wish: [
    ...NEGATIONS,
    ...words(`than instead before until plutot avant dan liever voordat statt anstatt bevor`),
  ],
  // The same, and "we": "we are all criminals in their eyes" speaks of everyone.
  neg_we: [
    ...words(`not never no nobody noone none nor t hardly why how
      ne n pas jamais personne aucun aucune pourquoi
      niet geen nooit niemand waarom
      nicht kein keine keinen keiner nie niemals niemand warum
      we us our nous wij ons onze wir uns unsere`),
  ],
  // Who a dehumanising word or a generalisation may be about without being hate against a group:
  // those in power, and the criminals of this debate ("the smugglers? they are animals").
  elite: [
    ...words(`politicians politician government governments minister ministers eu brussels
      commission commissioners elites elite ngo ngos banks bankers media journalists police cops
      officials bureaucrats mps parliament leaders parties smuggler* trafficker* gangs gang pimps
      mafia cartels networks
      politiciens politicien gouvernement ministres ministre elus ong medias journalistes
      banquiers flics dirigeants partis deputes passeur* trafiquant* proxenete* mafieux reseaux
      politici politicus regering kabinet bruxelles brussel journalisten bankiers politie
      bestuurders partijen kamerleden smokkelaar* mensenhandelaar* pooier* bendes netwerken
      politiker regierung bundesregierung ministerin kommission medien banker polizei behorden
      parteien abgeordnete schlepper* schleuser* menschenhandler* zuhalter* banden netzwerke
      kartelle`),
  ],
  // The criminals of this debate: calls for violence against them are held all the same.
  criminals: [
    ...words(`smugglers traffickers traitors passeurs trafiquants traitres smokkelaars
      mensenhandelaars verraders landverraders schlepper schleuser menschenhandler verrater
      volksverrater`),
  ],
  // Boats, for "sink the boats" and "I hope the boat sinks".
  boat: [
    ...words(`boat boats dinghy dinghies vessels ships bateau bateaux rafiot rafiots embarcation
      embarcations canot canots barque barques zodiac zodiacs navire navires boot boten bootje
      bootjes rubberboot rubberboten schip schepen boote schlauchboot* kahn kahne
      seelenverkaufer schiff schiffe`),
  ],
  // Where asylum seekers live or pray, for calls to burn them down.
  building: [
    ...words(`mosque mosques hotel hotels hostel hostels camp camps centre centres center centers
      shelter shelters mosquee mosquees foyer foyers azc azcs moskee moskeeen opvang
      opvangcentrum asielzoekerscentrum heim heime asylheim* asylbewerberheim*
      fluchtlingsheim* asylunterkunft* fluchtlingsunterkunft* unterkunft unterkunfte moschee
      moscheen`),
  ],
  // Crimes a generalisation says a group brings or is imported with.
  crime: [
    ...words(`crime crimes criminality terror terrorism rape rapes criminalite delinquance
      terrorisme terreur viols insecurite criminaliteit verkrachtingen onveiligheid
      kriminalitat vergewaltigungen messergewalt`),
  ],
  criminals_all: [
    ...words(`criminals rapists terrorists thugs criminels violeurs terroristes delinquants
      criminelen verkrachters terroristen kriminelle vergewaltiger messerstecher`),
  ],
  // Words that say a replacement or invasion slogan is being debunked or reported, not used.
  debunk: [
    ...words(`theory theories theorie theorieen theorien myth myths mythe mythes mythos fable
      fables fabel fabels conspiracy conspiracies complot* samenzwering* verschworung* hoax lie lies mensonge mensonges
      leugen leugens luge lugen debunked so called socalled soi disant pretendu pretendue
      zogenaamde zogenaamd sogenannte sogenannten sogenannter angebliche angeblichen narrative
      narratif narratief narrativ far extreme extreemrechts extremedroite rechtsextrem* rechtsradikal* racist racists raciste
      racistes racistische rassistisch* rassist* nonsense onzin unsinn quatsch fantasme fantasy
      fantasie propaganda trope tropes idea idee notion begriff concept term terme slogan slogans
      hetze kampfbegriff unwort rhetoric rhetorique retoriek rhetorik level levels rate fertility
      taux niveau robots robot ai machines automation`),
  ],
  // "Migrant invasion", "invasion migratoire": the word framed as a planned takeover.
  invasion_before: [
    ...words(`migrant migrants immigrant immigration migratory muslim islamic african arab asylum
      refugee planned organised organized orchestrated deliberate engineered silent stealth
      managed demographic geplande georganiseerde stille islamitische afrikaanse geplante
      gesteuerte organisierte gewollte stille islamische muslimische afrikanische`),
  ],
  invasion_after: [
    ...words(`migratoire migratoires musulmane islamique africaine arabe programmee organisee
      planifiee voulue silencieuse orchestree`),
  ],
  invaders: [
    ...words(`migrants immigrants refugees foreigners muslims africans arabs illegals
      migrants immigres etrangers clandestins musulmans africains arabes migranten
      asielzoekers vluchtelingen buitenlanders moslims afrikanen fluchtlingen auslandern
      muslimen afrikanern asylanten`),
  ],
  // Words that make "send them all back" about legal status, not about who people are.
  status: [
    ...words(`illegal* irregular* rejected failed criminal* undocumented illegaux irreguliers
      deboute* criminels delinquants illegale* uitgeprocedeerd* criminele* abgelehnte*
      kriminelle* illegalen straffallig* ausreisepflichtig* straftater* gefahrder*`),
  ],
  // Calls to expel: imperatives and infinitives (French also in -é, the common misspelling).
  expel: [
    ...words(`deport expel remove kick throw send ship renvoyer renvoyez renvoye expulser expulsez
      expulse virer virez vire chasser chassez chasse deporter deportez deporte uitzetten
      terugsturen wegsturen buitenzetten abschieben rauswerfen ausweisen deportieren
      rausschmeissen`),
  ],
  all: [
    ...words(`all every tous toutes totalite integralite alle allemaal allen samtliche allesamt`),
  ],
  dirty: [
    ...words(`dirty filthy stinking sale sales vuile vieze smerige dreckig* schmutzig* stinkende*`),
  ],
  modal_en: [...words(`should must ought need needs deserve deserves`)],
  violent_en: [
    ...words(`shot hanged hung killed gassed burned burnt lynched exterminated slaughtered
      beheaded drowned butchered`),
  ],
  modal_fr: [...words(`faudrait faut devrait devraient doit doivent merite*`)],
  // Not "éliminer", "abattre", "brûler", "noyer": "il faut éliminer la pauvreté", "noyer le poisson".
  violent_fr: [...words(`pendre fusiller tuer gazer exterminer lyncher egorger massacrer`)],
  modal_nl: [...words(`moet moeten zou zouden verdient verdienen mag mogen`)],
  // Not "uitgeroeid" or "afgemaakt": "mensenhandel moet uitgeroeid worden" is a fair demand.
  violent_nl: [
    ...words(`afgeschoten doodgeschoten opgehangen vergast verzopen geexecuteerd gelyncht
      afgeslacht kapotgeschoten`),
  ],
  modal_de: [
    ...words(`sollte sollten soll sollen muss mussen musste mussten gehort gehoren verdient
      verdienen`),
  ],
  // Not "ausgerottet" ("Menschenhandel muss ausgerottet werden") or "aufhängen" (posters).
  violent_de: [
    ...words(`erschossen vergast erhangt aufgeknupft abgeknallt hingerichtet ersauft
      abgeschlachtet gelyncht erschiessen vergasen abknallen aufknupfen`),
  ],
  // Calls for violence (the 'violence' entries): who calls, with which verbs, at whom.
  call_en: [...words(`should must ought need needs gotta better lets`)],
  // "I'd / I would / I'll": a first person who would do it.
  would_en: [...words(`d would ll will`)],
  // Adverbs that may stand before an imperative: "JUST shoot them".
  just_en: [...words(`just simply then so now`)],
  // Verbs of killing, in the base form (imperative or after a modal). Not "execute" (plans),
  // "burn" or "bomb" with "them" (the boats).
  kill_en: [
    ...words(`kill shoot hang gas drown lynch exterminate slaughter massacre butcher behead murder
      nuke annihilate`),
  ],
  call_fr: [...words(`faudrait faut faudra devrait devraient doit doivent merite meritent`)],
  just_fr: [...words(`alors donc bah ben simplement juste`)],
  // Infinitives, after "les": "il faut LES noyer". Not "éliminer", "abattre", "exécuter", "couler".
  kill_fr: [
    ...words(`tuer fusiller pendre gazer exterminer lyncher egorger massacrer noyer bruler cramer
      buter flinguer zigouiller`),
  ],
  kill_fr_imperative: [
    ...words(`noyez tuez fusillez pendez gazez butez flinguez brulez cramez exterminez massacrez
      lynchez egorgez`),
  ],
  kill_fr_subjunctive: [
    ...words(`fusille pende noie gaze brule crame bute flingue extermine massacre tue lynche
      egorge`),
  ],
  call_nl: [...words(`moet moeten zou zouden mag mogen moest moesten`)],
  just_nl: [...words(`gewoon gewoonweg maar lekker dan`)],
  kill_nl: [
    ...words(`afschieten doodschieten neerschieten kapotschieten ophangen opknopen vergassen
      verzuipen verbranden vermoorden executeren lynchen afslachten doodmaken`),
  ],
  // The same, unambiguous without an object ("die moeten we allemaal VERGASSEN").
  kill_nl_bare: [
    ...words(`afschieten doodschieten neerschieten vergassen verzuipen opknopen afslachten
      lynchen`),
  ],
  call_de: [
    ...words(`sollte sollten soll sollen muss mussen musste mussten gehort gehoren wurde
      wurden`),
  ],
  just_de: [...words(`einfach sofort dann gleich endlich`)],
  // Not "töten" (folds to "toten", the dead), "umlegen" (costs), "vernichten" (networks).
  kill_de: [
    ...words(`erschiessen vergasen abknallen aufknupfen ertranken ersaufen umbringen abschlachten
      totschlagen erschlagen hinrichten aufhangen erhangen niederschiessen lynchen kaltmachen
      abstechen verbrennen versenken`),
  ],
  // Extermination verbs, only with a group as object.
  erase_de: [...words(`ausrotten vernichten ausloschen ausmerzen vergasen`)],
  // "Some/many X are …" speaks of part of a group.
  partial: [
    ...words(`some many few certain several quelques certains certaines plusieurs sommige enkele
      veel weinig bepaalde manche einige viele wenige bestimmte gewisse`),
  ],
  earn: [...words(`earn* make making gagne* gagnez verdien*`)],
  per: [...words(`a an per each every par chaque pro im am in p`)],
  period: [
    ...words(`day days week weeks month hour jour semaine mois heure dag maand uur tag woche monat
      stunde daily weekly`),
  ],
  mine: [...words(`my our mes mon ma nos notre mijn onze mein meine meinen unsere`)],
  page: [
    ...words(`site sites website* channel profile page link links chaine profil kanaal profiel
      kanal seite seiten shop store blog bio`),
  ],
}

/** The built-in lexicon, one entry a line (a table: kept out of the formatter's way). */
// prettier-ignore
export const LEXICON: readonly LexiconEntry[] = [
  // Dehumanising nouns: people called pests, parasites or less than human.
  { lang: 'en', category: 'dehumanising', weight: 1, pattern: 'vermin|subhuman*|cockroaches|untermensch*' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: 'parasit*|parasiet*' },
  { lang: 'en', category: 'dehumanising', weight: 1, pattern: 'breed*|multiply ~1 like ~1 rats|rabbits|vermin|cockroaches|insects' },
  { lang: 'en', category: 'dehumanising', weight: 1, pattern: 'inferior|lesser|subhuman ~1 race|races|breed' },
  { lang: 'en', category: 'dehumanising', weight: 0.5, pattern: 'scum|filth|invader*|infest*|leeches|scroungers|rabble' },
  { lang: 'en', category: 'dehumanising', weight: 0.5, pattern: '{be} ~1 not ~1 human|humans' },
  { lang: 'fr', category: 'dehumanising', weight: 1, pattern: 'vermine|cafards' },
  { lang: 'fr', category: 'dehumanising', weight: 1, pattern: 'sous homme*|humain*' },
  { lang: 'fr', category: 'dehumanising', weight: 0.5, pattern: 'racaille*|envahisseur*|sangsue*' },
  { lang: 'fr', category: 'dehumanising', weight: 0.5, pattern: 'pas ~1 des ~1 humains|hommes|etres' },
  { lang: 'nl', category: 'dehumanising', weight: 1, pattern: 'ongedierte|kakkerlakken|untermensch*' },
  { lang: 'nl', category: 'dehumanising', weight: 0.5, pattern: 'uitvreter*|tuig|indringers|plaag|gespuis|schorem|uitschot|addergebroed' },
  { lang: 'nl', category: 'dehumanising', weight: 0.5, pattern: 'geen ~1 mensen' },
  { lang: 'de', category: 'dehumanising', weight: 1, pattern: 'ungeziefer|untermensch*|kakerlaken|schmarotzer*|*schmarotzer|geschmeiss' },
  { lang: 'de', category: 'dehumanising', weight: 1, pattern: 'asylantenpack|auslanderpack|fluchtlingspack|migrantenpack|kanakenpack|zigeunerpack|asylantengesindel|auslandergesindel|fluchtlingsgesindel|migrantengesindel|zigeunergesindel|asylantenbrut' },
  { lang: 'de', category: 'dehumanising', weight: 0.5, pattern: 'abschaum|gesindel|gesocks|invasoren|eindringlinge|plage' },
  { lang: 'de', category: 'dehumanising', weight: 0.5, pattern: 'keine ~1 menschen' },
  // Dehumanising words applied to people hold on their own: "they are animals", "ce sont des
  // rats", "het is tuig", "das ist Pack", "these savages", "une bande de sauvages". Not when the
  // nearest referent is those in power or the smugglers (notAbout), nor "treated like animals".
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: '{they} [{people}] {be} ~2!nogap_like {dehum}', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: 'they|these|those|ils|elles|ze|zij|sie|{group} [{people}] {be} ~2!nogap_like a|an|une|un|een|eine plague|cancer|disease|virus|tumour|infection|peste|maladie|plaag|kanker|ziekte|pest|seuche|krebsgeschwur|geschwur', notAbout: 'elite' },
  { lang: 'en', category: 'dehumanising', weight: 1, pattern: '{they}|{group} [{people}] {be} not|hardly|barely ~1 human|humans|people', notAbout: 'elite', unless: 'traffick*|smuggl*|rights|right|shields|who|that' },
  { lang: 'fr', category: 'dehumanising', weight: 1, pattern: 'ce|ils|elles|{group} ne sont pas des humains|hommes|etres|personnes', notAbout: 'elite', unless: 'politiques|parfaits|saints' },
  { lang: 'nl', category: 'dehumanising', weight: 1, pattern: 'het|ze|dat|die|zij|{group} zijn geen mensen', notAbout: 'elite' },
  { lang: 'de', category: 'dehumanising', weight: 1, pattern: 'das|sie|die|es|{group} sind keine menschen', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: 'reproduisent|multiplient|fokken|vermenigvuldigen|vermehren ~2 comme|als|zoals|wie ~1 des|die [de] lapins|rats|cafards|konijnen|ratten|kakkerlakken|karnickel|kaninchen|kakerlaken' },
  { lang: 'any', category: 'dehumanising', weight: 0.5, pattern: 'swarm|swarms|horde|hordes|zwerm|zwermen|horden ~2 of|de|d|van|von ~1 {invaders}', unless: 'debunk' },
  { lang: 'fr', category: 'dehumanising', weight: 1, pattern: 'ce|ils|elles ne sont que des|de {dehum}', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: 'nothing|rien|niets|nichts ~2 but|que|dan|als ~1 des|de {dehum}', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: 'nothing|niets|nichts ~2 but|dan|als {dehum}', notAbout: 'elite' },
  { lang: 'en', category: 'dehumanising', weight: 1, pattern: 'these|those|such ~1!pity {dehum_en}', notAbout: 'elite' },
  { lang: 'fr', category: 'dehumanising', weight: 1, pattern: 'ces|cette ~1!pity {dehum_fr}', notAbout: 'elite' },
  { lang: 'nl', category: 'dehumanising', weight: 1, pattern: 'deze|die|dat|dit|zulk|zulke ~1!pity {dehum_nl}', notAbout: 'elite' },
  { lang: 'de', category: 'dehumanising', weight: 1, pattern: 'diese|dieses|diesem|diesen|dieser|solche|solches|solchen|jene|jenes|ganze|ganzen ~1!pity {dehum_de}', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: '{bunch} [of|de|d|van|von] {dehum}', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: '{dirty} [{dirty}] {dehum}', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: '{they}|{group} ~3!treated like|comme|wie|zoals ~2!treated {pests}', notAbout: 'elite' },
  { lang: 'en', category: 'dehumanising', weight: 1, pattern: 'sub human|humans' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: '{group} [{dirty}] {dehum}|filth|trash|crapule|crapules|racailles|pack|gesindel|gesocks|geschmeiss|uitschot' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: 'scum|dregs|lie|rebut ~1 of|de ~1 the|la ~1 earth|humanity|world|terre|humanite', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: 'full|overrun ~1 of|with|de|van|von|mit ~2 {rabble}', notAbout: 'elite' },
  { lang: 'any', category: 'dehumanising', weight: 1, pattern: 'crawling|swarming|infested|teeming|infeste|infestee|grouille|grouillent|krioelt|wemelt|wimmelt|verseucht ~2 with|of|de|d|van|von|mit ~2 {invaders}|{rabble}', unless: '{debunk}|{neg}' },
  // Generalisations: a whole group called criminals, animals, a plague.
  { lang: 'any', category: 'generalisation', weight: 1, pattern: '{group} ~1!nogap {be} ~2!nogap_like {condemn}|{dehum}', notAfter: 'partial' },
  { lang: 'any', category: 'generalisation', weight: 1, pattern: '{dirty} {group}' },
  // Collective criminalisation: "they are all criminals", "tous des criminels", "allemaal
  // crimineel", "alles Verbrecher", "every migrant is a criminal", "they bring crime".
  { lang: 'any', category: 'generalisation', weight: 1, pattern: '{they} {be} ~1!nogap {all_of} ~2!nogap_like {condemn}|{dehum}|{criminal_adj}', notAbout: 'elite', unless: 'neg_we' },
  { lang: 'fr', category: 'generalisation', weight: 1, pattern: 'tous|toutes des|de {condemn}|{dehum}|{criminal_adj}', notAfter: 'est|sommes|etions|etes', notAbout: 'elite', unless: 'neg_we' },
  { lang: 'nl', category: 'generalisation', weight: 1, pattern: 'allemaal ~1 {condemn}|{dehum}|{criminal_adj}', notAbout: 'elite', unless: 'neg_we' },
  { lang: 'de', category: 'generalisation', weight: 1, pattern: 'alles|allesamt ~1 {condemn}|{dehum}|{criminal_adj}', notAbout: 'elite', unless: 'neg_we' },
  { lang: 'de', category: 'generalisation', weight: 1, pattern: 'alle kriminell|gewalttatig|gefahrlich|verbrecher|vergewaltiger', notAbout: 'elite', unless: 'neg_we' },
  { lang: 'en', category: 'generalisation', weight: 1, pattern: 'all|every|most ~1 of ~1 them|em ~3!nogap_like {condemn}|{dehum}|{criminal_adj}|{condemn_one}', notAbout: 'elite', unless: 'neg_we' },
  { lang: 'en', category: 'generalisation', weight: 1, pattern: '{they}|{group} ~2 commit|commits ~3 most|all|majority ~3 crimes|rapes|crime|stabbings', notAbout: 'elite', unless: 'neg' },
  { lang: 'any', category: 'generalisation', weight: 1, pattern: 'rape|grooming|sex|love jihad' },
  { lang: 'any', category: 'generalisation', weight: 1, pattern: 'every|each|jeder|jede|chaque|elke|iedere ~1 {group} ~1 {be} ~2!nogap_like {condemn_one}|{condemn}|{criminal_adj}', unless: 'neg' },
  { lang: 'any', category: 'generalisation', weight: 1, pattern: '{group} ~2!nogap bring|brings|apportent|amenent|ramenent|brengen|bringen ~2!nogap {crime}', unless: 'neg' },
  { lang: 'any', category: 'generalisation', weight: 1, pattern: 'import|imports|importing|imported|importons|importer|importe|importez|importeren|importeert|importieren|importiert|importierte|importierten ~2!nogap {crime}|{criminals_all}', unless: 'neg' },
  { lang: 'any', category: 'generalisation', weight: 1, pattern: '{crime}|{criminals_all} importeren|importieren|importiert|importe|importee|importes', unless: 'neg' },
  { lang: 'de', category: 'generalisation', weight: 1, pattern: 'messermigrant*|messermann*|messereinwander*|messerfachkraft*|messerfachkrafte' },
  { lang: 'any', category: 'generalisation', weight: 1, pattern: '{group} {be} [all|just|simply|inherently|naturally|genetically|always|tous|toutes|allemaal|gewoon|alle|alles|einfach] {criminal_adj}', notAfter: 'partial', unless: 'neg' },
  { lang: 'en', category: 'generalisation', weight: 1, pattern: 'rape|raping|rapes ~1 our ~1 women|daughters|girls|wives', unless: 'neg' },
  { lang: 'fr', category: 'generalisation', weight: 1, pattern: 'violer|violent|violeront nos ~1 femmes|filles', unless: 'neg' },
  { lang: 'nl', category: 'generalisation', weight: 1, pattern: 'onze ~1 vrouwen|dochters|meisjes ~2 verkrachten|verkrachten', unless: 'neg' },
  { lang: 'de', category: 'generalisation', weight: 1, pattern: 'unsere ~1 frauen|tochter|madchen ~2 vergewaltigen|vergewaltigt', unless: 'neg' },
  { lang: 'any', category: 'slur', weight: 1, pattern: 'rapefugee*' },
  // Exclusion: "go back where you came from", "X out", mass expulsion of a group, nativist slogans.
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'go|get|fuck|piss|sod ~1 back|home to ~1 own|country|countries|shithole*|africa|desert|jungle|caves' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'back ~2 where ~1 you|they|u ~1 came|come|belong' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'nobody|noone wants|want ~1 you|them|u here' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'no one wants|want ~1 you|them|u here' },
  { lang: 'en', category: 'exclusion', weight: 0.5, pattern: 'send|ship|kick them|em ~1 back|out|home' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: '{expel} them|em all|every', notAbout: 'status', unless: 'neg' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: '{expel} ~1 all|every|each ~3 of ~1 them|em', notAbout: 'status', unless: 'neg' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'they|them|{group} ~2 all ~1 be ~1 deported|expelled|removed|kicked|thrown|shipped|sent', notAbout: 'status', unless: 'neg' },
  { lang: 'any', category: 'exclusion', weight: 0.5, pattern: 'mass deportation|deportations', unless: 'neg' },
  { lang: 'any', category: 'exclusion', weight: 0.5, pattern: 'deportations|expulsions de masse|massale deportaties|uitzettingen|massenabschiebung*|massendeportation*', unless: 'neg' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'fuck|piss|sod|bugger off ~2 back|home' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: '^ [all|the] {group}|islam out', unless: '{neg}|of|from|into|in|onto|at' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: '^ [all|the] {group}|islam out of ~2 europe|britain|england|ireland|country|uk|west' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'they|{group} ~2 not|t|never ~1 belong ~2 here|europe|country|britain|england|ireland', unless: 'camps|camp|prison|prisons|detention|cages|jail|cells|tents|s' },
  { lang: 'en', category: 'exclusion', weight: 0.5, pattern: 'they|{group} {be} not|never ~1 welcome' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'they|you|{group} [{people}] {be} not|never ~1 welcome here', unless: 'neg' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'they|you|{group} [{people}] {be} not|never ~1 welcome in ~1 europe|britain|england|our|this', unless: 'neg' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: '^ [all|the] {group} go|get home|back|out', unless: '{neg}|when|if|after|once|voluntarily|safely|because|to' },
  { lang: 'any', category: 'exclusion', weight: 0.5, pattern: 'your|their|that ~1 kind|sort' },
  { lang: 'any', category: 'exclusion', weight: 1, pattern: 'our|notre|ons|onze|unser ~1 country|land|continent|pays|europe|europa ~2 not|pas|niet|nicht ~2 theirs|yours|leur|votre|hunne|jullie|hun|ihres|eures', notAbout: 'elite' },
  { lang: 'any', category: 'exclusion', weight: 1, pattern: '{group} not|pas|niet|nicht welcome|bienvenus|bienvenue|welkom|willkommen', unless: 'neg' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'we ~2 not|t ~1 want ~2 them|you|{group} ~3 here|europe|country|britain|england|towns|streets', unless: 'drown|die|dying|suffer|exploited|camps|to' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'they|them|{group} ~2 all ~1 go|get|fuck ~1 back|home', notAbout: 'status', unless: 'neg' },
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'put|send|ship ~2 them|em|{group} ~1 on ~2 next|first ~1 boat|plane|flight', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'rentrez|retournez|degagez|rentre|retourne chez vous|toi|eux' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'rentrez|retournez|degagez|rentre|retourne ~1 dans ~1 votre|ton|leur|vos|tes|leurs pays|bled|brousse' },
  { lang: 'fr', category: 'exclusion', weight: 0.5, pattern: 'on ~1 ne ~1 veut ~1 pas ~1 de ~1 vous|eux' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: '{expel} les tous|toutes|chez', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'les {expel} tous|toutes|chez', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'tous|toutes les {expel}', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'les|tous ~1 foutre|jeter|virer|balancer dehors', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'foutez|jetez|virez|balancez|fous|foutons|jetons|virons les|tous dehors', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'qu ils|elles ~1 rentrent|retournent|degagent|repartent chez eux', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'qu a ~1 rentrer|retourner|repartir|degager|rester chez eux', notAbout: 'status' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'qu ils|elles ~1 rentrent|retournent|degagent|repartent ~1 dans|au|en ~1 leur|leurs pays|bled|brousse', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'on est chez nous' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'ils|elles|{group} ~2 tous|toutes ~1 etre ~1 expulses|renvoyes|chasses|vires|deportes', notAbout: 'status', unless: 'neg' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'ils|elles|{group}|ces ~4 rien a faire ~2 ici|france|europe|nous' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'ils|elles|{group} ~3 pas ~2 leur place ~2 ici|france|europe|nous' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'leur place est ~2 chez|pays|afrique|bled' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'l aimes ou tu la quittes|quitte' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'ga|rot|donder|flikker|oprotten terug|op|maar ~1 naar ~2 eigen|land|landen|afrika|woestijn' },
  { lang: 'nl', category: 'exclusion', weight: 0.5, pattern: 'jullie|hun soort' },
  { lang: 'nl', category: 'exclusion', weight: 0.5, pattern: 'stuur ~1 ze|hen ~1 terug|weg' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'moeten|moet|mogen|kunnen|kan ~3 allemaal ~3 terug|eruit|weg|oprotten|opzouten|opdonderen', notAbout: 'status', unless: 'neg_we' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: '^ allemaal terug|eruit|oprotten|opzouten|weg', unless: 'neg_we' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'allemaal ~1 terugsturen|uitzetten|wegsturen|deporteren|eruitgooien|eruitzetten|buitenzetten', notAbout: 'status', unless: 'neg' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'stuur|zet|gooi|schop ~1 ze|hen|die ~1 allemaal ~3 terug|weg|eruit|uit|buiten', notAbout: 'status', unless: 'neg' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'allemaal ~1 uitgezet|teruggestuurd|weggestuurd|gedeporteerd|uitgezet', notAbout: 'status', unless: 'neg' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'ze|zij|die|{group} horen|hoort ~1 hier|thuis ~2 niet|nooit' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'ze|zij|die|jullie|{group} ~3 oprotten|opzouten|opdonderen|opflikkeren|opsodemieteren', unless: 'neg' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'ze|zij|die|{group} horen|hoort niet|nooit ~1 hier|thuis|nederland|europa|belgie|vlaanderen' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'geht|geh|verpisst|verschwindet|haut ~1 zuruck|heim|ab ~2 wo|woher|eure|euer|deine|dein|afrika' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'alle|allesamt|sofort ~1!status abschieben|rausschmeissen|rauswerfen|ausweisen|deportieren|zuruckschicken|heimschicken', notAbout: 'status', unless: 'neg' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'schiebt|schickt|werft|schmeisst|jagt ~1 sie|die ~1 alle|allesamt ~3 ab|zuruck|raus|heim|weg', notAbout: 'status', unless: 'neg' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'sie|die|{group}|leute|menschen ~3 gehoren|gehort ~1 nicht hierher|hierhin|hier' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'sie|die|{group}|leute|menschen ~3 gehoren|gehort ~1 nicht nach|zu ~1 deutschland|europa|osterreich|uns' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'raus mit ihnen|denen|euch' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: '{group} ~1 geht|geh ~1 heim|zuruck|nach hause', unless: '{neg}|wenn|sobald|freiwillig' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'alle|allesamt ~1!status abgeschoben|ausgewiesen|rausgeworfen|deportiert|rausgeschmissen', notAbout: 'status', unless: 'neg' },
  { lang: 'de', category: 'exclusion', weight: 0.5, pattern: 'das boot ist voll' },
  { lang: 'any', category: 'exclusion', weight: 1, pattern: '{group}|islam raus|dehors|eruit' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'dehors ~1 les|tous ~1 {group}' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'weg|eruit met ~1 de|die|alle ~1 {group}' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'raus|weg mit ~1 den|allen|die ~1 {group}' },
  { lang: 'any', category: 'exclusion', weight: 1, pattern: '{expel} ~1 {all} ~2!status {group}' },
  { lang: 'any', category: 'exclusion', weight: 0.5, pattern: 'not|isn|niet|pas|nicht|non ~1 white|whites|blanc|blancs|blanche|blanches|blank|blanke|wit|witte|weiss|weisse|weissen' },
  { lang: 'any', category: 'exclusion', weight: 0.5, pattern: 'remigration|remigratie' },
  // Nativist slogans: "Europe for the Europeans" and its national variants.
  { lang: 'en', category: 'exclusion', weight: 1, pattern: 'europe|britain|england|ireland ~1 for ~1 europeans|british|english|irish' },
  { lang: 'fr', category: 'exclusion', weight: 1, pattern: 'france|europe|belgique aux francais|europeens|belges' },
  { lang: 'nl', category: 'exclusion', weight: 1, pattern: 'nederland|europa|vlaanderen|belgie voor ~1 nederlanders|europeanen|vlamingen|belgen' },
  { lang: 'de', category: 'exclusion', weight: 1, pattern: 'deutschland|europa|osterreich den deutschen|europaern|osterreichern' },
  // Conspiracy: the "great replacement", "white genocide", an "invasion" framed as a plot. Not
  // when the sentence calls it a theory, a myth or far-right rhetoric (unless: 'debunk').
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'great|grand|grote|groot|grosse|grossen|grosser|grossem replacement|remplacement|vervanging|austausch|austauschs', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'umvolkung|omvolking|volksaustausch|bevolkerungsaustausch|bevolkerungsersatz|volksvervanging|bevolkingsvervanging|volkstod|eurabia|kalergi|londonistan|uberfremdung', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'white|blanke|witte|weisser|weissen|weisse ~1 genocide|genozid|volkermord|extinction', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'genocide ~2 blanc|blancs|white|whites|europeens|europeans', unless: 'debunk' },
  { lang: 'de', category: 'conspiracy', weight: 1, pattern: 'volkermord ~1 an ~1 den ~1 weissen|deutschen|europaern', unless: 'debunk' },
  { lang: 'en', category: 'conspiracy', weight: 1, pattern: 'ethnic|demographic|white|civilisational|civilizational|population replacement', unless: 'debunk' },
  { lang: 'en', category: 'conspiracy', weight: 1, pattern: 'replace|replacing|replaced ~1 us|europeans|whites', unless: '{debunk}|{neg}' },
  { lang: 'en', category: 'conspiracy', weight: 1, pattern: 'reverse ~1 colonisation|colonization', unless: 'debunk' },
  { lang: 'en', category: 'conspiracy', weight: 1, pattern: 'outbreed*|outbred|outbreeding ~1 us|europeans|whites|natives', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'invading|invasion ~1 army|armies|force|forces|hordes|armee|leger|invasionsarmee', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'army|armies|legions|armee|leger|armeen ~1 of|de|d|van|von ~2 {invaders}', unless: 'debunk' },
  { lang: 'en', category: 'conspiracy', weight: 1, pattern: 'deliberately|intentionally|purposely|purposefully|systematically ~3 flood|flooding|flooded|importing|replacing|swamping', unless: 'debunk' },
  { lang: 'en', category: 'conspiracy', weight: 1, pattern: 'we|europeans|whites|natives ~3 being|be|get|getting ~1 replaced|outbred', unless: 'debunk' },
  { lang: 'fr', category: 'conspiracy', weight: 1, pattern: 'remplacement ~2 population|peuple|peuples|ethnique|demographique|civilisationnel|europeens|blancs|francais|autochtones', unless: 'debunk' },
  { lang: 'fr', category: 'conspiracy', weight: 1, pattern: 'veulent|va|vont|veut ~2 nous ~1 remplacer', unless: 'debunk' },
  { lang: 'nl', category: 'conspiracy', weight: 1, pattern: 'worden|wordt ~2 vervangen ~2 door ~2 {group}|{invaders}', unless: 'debunk' },
  { lang: 'de', category: 'conspiracy', weight: 1, pattern: 'wir|deutschen|deutsche|europaer|volk ~2 werden|wird ~3 ausgetauscht|ersetzt', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: '{invasion_before} invasion|invasions|invasie', unless: 'debunk' },
  { lang: 'fr', category: 'conspiracy', weight: 1, pattern: 'invasion|invasions {invasion_after}', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'asylinvasion|migranteninvasion|fluchtlingsinvasion|auslanderinvasion|asielinvasie|migranteninvasie', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'invasion|invasions|invasie|invaded|invading|envahis|envahie|envahi|envahissent ~2 by|of|par|de|d|door|van|von|durch ~3 {invaders}|{dehum}', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 0.5, pattern: 'overrun|swamped|flooded|submerges|submergee|submersion|overspoeld|uberrannt|uberschwemmt|uberflutet ~2 by|with|par|de|d|door|met|von|mit ~2 {invaders}', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 0.5, pattern: '{be} ~1!neg an|a|une|een|eine ~1 invasion|invasie', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'not|no|pas|geen|keine|keen ~3 migration|immigration|refugees|migrants|vluchtelingen|migranten|immigratie|fluchtlinge|einwanderung ~4 invasion|invasie', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'invasion|invasie ~3 not|pas|geen|keine ~2 migration|immigration|refugees|migrants|vluchtelingen|migranten|immigratie|fluchtlinge|einwanderung', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 1, pattern: 'soros|globalist*|globalisten|mondialiste* ~6 flood|flooding|replace|replacing|invasion|import|importing|remplacer|submerger|omvolking|umvolkung|fluten|uberfluten|austauschen|vervangen', unless: 'debunk' },
  { lang: 'en', category: 'conspiracy', weight: 1, pattern: 'import|importing|imported|importer|importeren|importieren ~3 voters|electorate|electeurs|kiezers|wahler', unless: 'debunk' },
  { lang: 'any', category: 'conspiracy', weight: 0.5, pattern: 'islamisation|islamization|islamisering|islamisierung|submersion', unless: 'debunk' },
  // Threats and calls for violence, at weight 2: explicit death wishes and executions.
  { lang: 'en', category: 'threat', weight: 2, pattern: '{modal_en} ~2!nogap be|get ~1 {violent_en}', notAfter: 'nobody|noone|one|none|never' },
  { lang: 'en', category: 'threat', weight: 2, pattern: 'kill|shoot|hang|gas|burn|drown|exterminate them|em all' },
  { lang: 'en', category: 'threat', weight: 2, pattern: 'kill|shoot|hang|gas|exterminate all|every ~1 of|last ~1 them|one' },
  { lang: 'en', category: 'threat', weight: 2, pattern: 'deserve*|should ~1 to ~1 die', notAfter: 'nobody|noone|one|none|never' },
  { lang: 'en', category: 'threat', weight: 2, pattern: 'string|strung them up' },
  { lang: 'en', category: 'threat', weight: 2, pattern: 'death to ~1 the|all ~1 {group}|{dehum}' },
  { lang: 'fr', category: 'threat', weight: 2, pattern: '{modal_fr} ~3!nogap {violent_fr}' },
  { lang: 'fr', category: 'threat', weight: 2, pattern: 'mort aux ~1 {group}' },
  { lang: 'nl', category: 'threat', weight: 2, pattern: '{modal_nl} ~3!nogap {violent_nl}' },
  { lang: 'nl', category: 'threat', weight: 2, pattern: 'dood aan ~1 de ~1 {group}' },
  { lang: 'nl', category: 'threat', weight: 2, pattern: 'tegen de muur zetten' },
  { lang: 'de', category: 'threat', weight: 2, pattern: '{modal_de} ~3!nogap {violent_de}' },
  { lang: 'de', category: 'threat', weight: 2, pattern: 'an die wand stellen|gestellt' },
  { lang: 'de', category: 'threat', weight: 2, pattern: 'tod den ~1 {group}' },
  // Violence: wishes and calls for violence against people, at weight 1 (holds on its own).
  // A call is an imperative at the start of a sentence ("^"), or follows a modal ("should",
  // "il faut", "moeten", "man sollte"); a wish follows "I hope". Reports of deaths ("hundreds
  // drowned when the boat sank"), negations and questions ("nobody should drown", "why should
  // they die?") and reported threats ("they threatened to kill them") do not count.
  // en
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to|ve|have] [{just_en}] {kill_en} them|em|anyone|anybody|everyone|everybody|whoever', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to|ve|have] [{just_en}] {kill_en}|burn|torch ~2 {group}|{dehum}|{criminals}', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to|ve|have] [{just_en}] {kill_en}|burn|torch ~1 these|those|all ~1 people|bastards|lot|bunch', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to|ve|have] [{just_en}] {kill_en}|burn|torch ~1 the ~1 lot|bunch', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to|ve|have] [{just_en}] let ~2 them|em|{boat}|{group} drown|die|sink|rot|starve|burn|perish|capsize', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'let ~2 sea|mediterranean|ocean|waves|channel ~1 take|have|swallow|claim ~1 them|em', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'hope|hopefully|hoping|wish|pray|rather|better ~5!neg_wish they|them|all|{boat}|{group}|{criminals} ~3!neg_wish drown|drowns|drowned|die|dies|sink|sinks|sank|capsize|capsizes|perish|burn|burns|croak|starve', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'only good ~2 {group}|{dehum}|{criminals}|one|ones ~1 {be} ~1 a|the ~1 dead', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '{call_en} ~2!neg be ~1 thrown|dumped|tossed|pushed ~3 overboard|sea|ocean', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'sink|burn|torch|bomb ~4 with ~2 them|people|{group} ~1 in|on|aboard|inside|still', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to|ve|have] [{just_en}] shoot|fire ~2 on ~1 sight', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'they|these|those|all|{group}|{criminals} ~2!neg {call_en}|deserve|deserves ~2!neg die|drown|hang|burn|perish|croak|starve', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'they|them|these|those|{group}|{dehum} ~2 {call_en} ~2!neg be|get ~1 eradicated|eliminated|wiped|exterminated|culled|gassed|purged', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to] [{just_en}] exterminate|eradicate|annihilate|wipe|eliminate|purge|cleanse ~2 {group}|{dehum}', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'put|line|stand ~1 them|em|all|these|those|{group}|{criminals} ~3 against ~1 a|the wall' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to] [{just_en}] throw|toss|dump|push|chuck ~3 them|em|{group}|{criminals} ~3 overboard|sea|ocean', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to] [{just_en}] open fire ~2 on|at ~2 them|em|{boat}|{group}', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to] [{just_en}] burn|torch|firebomb ~3 {building}', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'i|we {would_en} ~2 {kill_en} them|em|all', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to] [{just_en}] leave ~2 them|em|{boat}|{group} ~1 to ~1 drown|die|sink|rot|starve', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '{call_en} ~2!neg be ~1 left ~1 to ~1 drown|die|sink|rot|starve', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'watch|see ~2 them|em|{boat}|{group} drown|die|sink|burn|hang', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'i|id|im ~3 t|not|never ~1 care|mind ~3 if|whether ~3!neg drown|drowned|die|died|sink|sank', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'gun|mow ~1 them|em ~2 down' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to] [{just_en}] sink|torpedo ~1 every|all|any|each ~1 {boat}', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: '^|{call_en} [to] [{just_en}] bomb|blow ~3 {building}', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'them|em ~3 gas chamber|chambers', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'them|em ~3 ovens|oven', unless: 'neg' },
  { lang: 'any', category: 'violence', weight: 1, pattern: 'deserve|deserves|verdienen|verdient|meritent|merite ~3 a|une|een|eine ~1 bullet|rope|noose|balle|corde|kogel|strop|kugel|strick', unless: 'neg' },
  { lang: 'any', category: 'violence', weight: 1, pattern: 'balle dans la tete' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 't|not ~1 deserve ~2 live|life', unless: 'like|in|this|these|such|under|we' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'meritent|merite pas ~2 vivre', unless: 'comme|dans|ainsi|ca|cela|nous' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'verdienen|verdient ~2 niet ~2 leven', unless: 'zo|zoals|in|onder|wij|we' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'verdienen|verdient ~2 nicht ~3 leben', unless: 'so|wie|in|unter|wir' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'let|make ~2 them|em ~1 swim ~1 back|home' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{expel} ~3 a la nage' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'terugzwemmen' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'zuruckschwimmen' },
  { lang: 'en', category: 'violence', weight: 0.5, pattern: 'rot|burn ~1 in ~1 hell' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'bullet|bullets ~2 in|into|through ~2 them|em|their|heads|{group}', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'i|id|happily|gladly|personally ~3 pull ~1 the ~1 trigger', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'run ~1 them|em|{group} ~1 over', unless: 'neg' },
  { lang: 'any', category: 'violence', weight: 1, pattern: 'sterilise|sterilize|castrate|steriliser|castrer|steriliseren|castreren|sterilisieren|kastrieren ~2 them|em|les|ze|sie|{group}', unless: 'neg' },
  { lang: 'any', category: 'violence', weight: 1, pattern: 'put|send|lock|mettre|enfermer|stoppen|sturen|stecken|schicken ~3 them|em|les|ze|sie|{group} ~3 concentration|concentratiekamp*|konzentrationslager|kz|camps de concentration', unless: 'neg' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'final solution', unless: '{debunk}|{neg}|nazi*|hitler|holocaust|shoah|wannsee|history' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'solution finale', unless: '{debunk}|{neg}|nazi*|hitler|holocaust|shoah|wannsee|histoire' },
  { lang: 'any', category: 'violence', weight: 1, pattern: 'endlosung|eindoplossing', unless: '{debunk}|{neg}|nazi*|hitler|holocaust|shoah|wannsee|geschiedenis|geschichte' },
  { lang: 'any', category: 'violence', weight: 1, pattern: 'hitler ~2 was|had|avait|hatte ~1 right|raison|gelijk|recht', unless: '{neg}|wing|winger|about' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'ins gas|kz' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'naar|in ~1 de ~1 gaskamer|gaskamers|ovens' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'sink ~1 the|those|their|them ~1 boats|boat|dinghies' },
  { lang: 'en', category: 'violence', weight: 1, pattern: 'sink them' },
  // fr
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{call_fr} ~2!neg les|tous|toutes|leur ~2!neg {kill_fr}', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{kill_fr_imperative} les|tous|toutes|ces|moi', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'qu on les {kill_fr_subjunctive}', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'qu ils|elles ~1 crevent|coulent', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'qu ils|elles aillent ~1 crever|noyer', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'espere|esperons|souhaite|souhaitons|pourvu ~3 qu|ils|elles|tous|{group}|{criminals} ~4!neg_wish noient|noyer|crevent|crever|meurent|mourir|brulent|bruler', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'espere|esperons|souhaite|souhaitons|pourvu ~4!neg {boat} ~3!neg coule|coulent|chavire|chavirent', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{call_fr} ~2!neg les|tous ~1 laisser ~2!neg noyer|crever|couler', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '^ [{just_fr}] laissez|laissons|laisse ~2 les|tous|ces|{boat} ~3!neg noyer|crever|couler|chavirer', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'je|j ~1 les ~1 noierais|tuerais|fusillerais|pendrais|buterais|flinguerais|gazerais|brulerais|coulerais', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{call_fr}|merite*|meriteraient ~3!neg etre ~1 fusille*|pendus|pendu|pendues|gaze|gazes|noye|noyes|extermine*|tues|massacre*|lynche*|egorge*', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'qu on les ~1 a la mer|flotte', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{call_fr} ~2!neg les|tous ~2 a la mer|flotte', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{call_fr} ~3!neg tirer ~2 sur ~2 {boat}|les|ces|eux|{group}', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'tirer|tirez|tirons dans le tas' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{group}|{dehum}|{criminals} ~4 {call_fr} ~2!neg les ~1 abattre|eliminer|couler|liquider|exterminer', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'seul|seule|seuls|seules bon|bons|bonne ~2 {group}|{dehum} ~1 est|sont ~2 mort|morts|morte', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'au poteau' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'mettre|coller|aligner|mettez|collez|alignez|mettons ~3 au mur|poteau' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'mettre|coller|aligner|mettez|collez|alignez|mettons ~3 contre ~1 le|un mur' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'les|tous|{group}|{criminals} ~1 jeter|balancer|foutre a la mer', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'jetez|balancez|foutez ~1 les|tous ~2 a la mer', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{call_fr} ~3!neg couler|torpiller ~3 {boat}', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '^ [{just_fr}] coulez|torpillez ~3 {boat}', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{call_fr} ~3!neg exterminer|eradiquer|eliminer|massacrer|gazer|tuer|noyer ~3 {group}|{dehum}', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '{call_fr} ~2!neg bruler|incendier|cramer ~3 {building}', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: '^ [{just_fr}] brulez|incendiez|cramez ~3 {building}', unless: 'neg' },
  { lang: 'fr', category: 'violence', weight: 1, pattern: 'a mort ~1 les|ces ~1 {group}|{dehum}|{criminals}' },
  // nl
  { lang: 'nl', category: 'violence', weight: 1, pattern: '{call_nl} ~3!neg ze|hen|allemaal|{group}|{dehum}|{criminals} ~2!neg {kill_nl}', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'ze|die|{group}|{dehum}|{criminals} {call_nl} ~3!neg {kill_nl}', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '{call_nl} ~3!neg {kill_nl_bare}', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '^|gewoon|dan [{just_nl}] schiet|knal|hang|knoop ~1 ze|hen|die|allemaal ~3!neg af|dood|neer|kapot|op', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '^|gewoon|dan [{just_nl}] vergas|verzuip|vermoord|lynch|verbrand ze|hen|allemaal', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '^|gewoon|allemaal [{just_nl}] afschieten|doodschieten|neerschieten|vergassen|opknopen|verzuipen|ophangen', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '{call_nl} ~3!neg laat|laten ~3!neg verzuipen|verdrinken|creperen|verrekken|wegrotten|zinken', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '^ [{just_nl}] laat ~3!neg verzuipen|verdrinken|creperen|verrekken|wegrotten|zinken', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'hoop|hoopt|hopen ~3!neg_wish ze|zij|die|allemaal|{boat}|{group}|{criminals} ~3!neg_wish verzuipen|verzuipt|verdrinken|creperen|crepeert|verrekken|verrekt|doodgaan|omkomen|kapseizen|kapseist|zinken|zinkt', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'hopelijk verzuipen|verzuipt|verdrinken|creperen|crepeert|verrekken|verrekt|kapseizen|kapseist|zinken|zinkt', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'zet|zetten ~3 tegen de|een muur' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'aan|naar de galg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'aan de hoogste boom' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'enige ~1 goede ~2 {group}|{dehum} is ~1 een ~1 dode', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '^|gewoon [{just_nl}] gooi|smijt|kieper ~1 ze|hen|allemaal ~3 overboord|zee', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: 'ze|hen|allemaal|{group} ~3 overboord|zee gooien|smijten|kieperen', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '{call_nl} ~4!neg tot zinken brengen|gebracht', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '{call_nl} ~4!neg {group}|{dehum} ~2 uitroeien|uitgeroeid|vergassen|vergast|afschieten|afgeschoten', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '{group}|{dehum} ~3 {call_nl} ~3!neg uitroeien|uitgeroeid|vergassen|vergast|afschieten|afgeschoten', unless: 'neg' },
  { lang: 'nl', category: 'violence', weight: 1, pattern: '{building} ~3!neg fik|brand steken|zetten', unless: 'neg' },
  // de
  { lang: 'de', category: 'violence', weight: 1, pattern: '{call_de} ~3!neg sie|alle|allesamt|{group}|{dehum}|{criminals} ~3!neg {kill_de}', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'sie|{group}|{dehum}|{criminals} ~2 {call_de} ~3!neg {kill_de}', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '{call_de} ~3!neg {group}|{dehum} ~3!neg {erase_de}', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '{group}|{dehum} ~2 {call_de} ~3!neg {erase_de}|ausgerottet|vernichtet|ausgeloscht|ausgemerzt|vergast', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '^|{just_de} [{just_de}] knallt|knall|hangt|hang|knupft|knupf|legt|leg|maht|mah|schiesst|schiess ~1 sie|alle ~3!neg ab|auf|um|nieder|tot', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '^|{just_de} [{just_de}] erschiesst|erschiess|ertrankt|ertrank|ersauft|ersauf|vergast|vergas|erschlagt|erschlag|lyncht ~1 sie|alle|{group}|{dehum}|{criminals}', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '^|{just_de}|alle abknallen|erschiessen|vergasen|aufknupfen|ersaufen|ertranken|abschlachten', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '{call_de} ~3!neg absaufen|ersaufen|verrecken|krepieren|verrotten lassen', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '^ [{just_de}] absaufen|ersaufen|verrecken|krepieren|verrotten lassen', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '^ [{just_de}] lasst|lass ~3!neg absaufen|ersaufen|ertrinken|verrecken|krepieren|sinken|untergehen|verrotten', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'soll|sollen|sollten ~3!neg absaufen|ersaufen|verrecken|krepieren|verrotten', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'hoffentlich|hoffe|hoffen ~3!neg_wish sie|die|alle|{group}|{criminals} ~3!neg_wish absaufen|ersaufen|ertrinken|verrecken|krepieren|sterben|saufen', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'hoffentlich absaufen|ersaufen|ertrinken|verrecken|krepieren|sterben|saufen|sauft|ersauft|verreckt|krepiert', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'hoffentlich|hoffe|hoffen ~4!neg {boat} ~3!neg sinkt|sinken|kentert|kentern|untergeht|untergehen', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'hoffentlich sinkt|sinken|kentert|kentern ~3 {boat}', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'an den galgen' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'nur ~1 ein|eine ~1 toter|tote ~2 {group}|{dehum} ~1 ist ~1 ein|eine ~1 guter|gute', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'ins meer|wasser ~2 mit ~1 ihnen|denen|euch' },
  { lang: 'de', category: 'violence', weight: 1, pattern: 'an die laterne|laternen' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '{call_de} ~3!neg {boat} ~2 versenken|beschiessen', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '^|{just_de} versenkt ~2 {boat}', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '{call_de} ~4!neg {building} ~2 anzunden|abfackeln|niederbrennen|abbrennen', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 1, pattern: '{building} ~3 {call_de} ~3!neg anzunden|abfackeln|niederbrennen|abbrennen', unless: 'neg' },
  { lang: 'de', category: 'violence', weight: 0.5, pattern: 'schiessbefehl' },
  // Slurs, generic forms (families catch plurals and compounds where the word is unambiguous).
  { lang: 'en', category: 'slur', weight: 1, pattern: 'nigger*|nigga|niggas|kike|kikes|towelhead*|raghead*|sandnigger*|wetback*|paki|pakis|spic|spics|coon|coons|gyppo*|pikey*|golliwog*|muzzie*|chinaman' },
  { lang: 'en', category: 'slur', weight: 1, pattern: 'sand|jungle monkey*|bunny|bunnies' },
  { lang: 'fr', category: 'slur', weight: 1, pattern: 'bougnoul*|bicot*|youpin*|youtre*|negre*|crouille*|bamboula*|chinetoque*' },
  { lang: 'nl', category: 'slur', weight: 1, pattern: 'makak*|kutmarokkan*|geitenneuker*|zandneger*|neger|negers|negerin' },
  { lang: 'de', category: 'slur', weight: 1, pattern: 'kanake*|kanacke*|kameltreiber*|ziegenficker*|neger|negern|musel|musels|muselman*' },
  { lang: 'de', category: 'slur', weight: 0.5, pattern: 'asylant*|zigeuner*' },
  // Spam, strong phrases: each holds a comment on its own.
  { lang: 'any', category: 'spam', weight: 1, pattern: 'online casino*|casinos' },
  { lang: 'fr', category: 'spam', weight: 1, pattern: 'casino|casinos en ligne' },
  { lang: 'any', category: 'spam', weight: 1, pattern: 'free|gratis|bonus spins|spin' },
  { lang: 'fr', category: 'spam', weight: 1, pattern: 'tours|tour ~1 gratuits|offerts' },
  { lang: 'de', category: 'spam', weight: 1, pattern: 'freispiele|einzahlungsbonus' },
  { lang: 'de', category: 'spam', weight: 1, pattern: 'ohne einzahlung' },
  { lang: 'nl', category: 'spam', weight: 1, pattern: 'stortingsbonus' },
  { lang: 'nl', category: 'spam', weight: 1, pattern: 'zonder storting' },
  { lang: 'en', category: 'spam', weight: 1, pattern: 'no ~1 deposit|deposits' },
  { lang: 'any', category: 'spam', weight: 1, pattern: 'welcome|bienvenue|welkomst*|willkommens* ~1 bonus' },
  { lang: 'any', category: 'spam', weight: 1, pattern: 'viagra|cialis|payday|sofortkredit*' },
  // Spam cues (weight 0.4): each is ordinary in a debate about trafficking ("laundered through
  // crypto and casinos", "recruited on WhatsApp", "paid 3 euros an hour"), so it takes three of
  // them to hold a comment, or one and another signal. Gambling and crypto are one topic cue.
  { lang: 'any', category: 'spam', weight: 0.4, pattern: 'bitcoin*|btc|crypto*|krypto*|cryptomonnaie*|forex|ethereum|nft|nfts|casino|casinos|jackpot*|roulette|slots' },
  { lang: 'any', category: 'spam', weight: 0.4, pattern: '{earn} ~2 #num ~3 {per} ~1 {period}' },
  { lang: 'en', category: 'spam', weight: 0.4, pattern: 'from home' },
  { lang: 'fr', category: 'spam', weight: 0.4, pattern: 'depuis chez vous|toi|soi' },
  { lang: 'nl', category: 'spam', weight: 0.4, pattern: 'vanuit huis|thuis' },
  { lang: 'de', category: 'spam', weight: 0.4, pattern: 'von zu hause|haus' },
  { lang: 'fr', category: 'spam', weight: 0.4, pattern: 'sans depot' },
  { lang: 'any', category: 'spam', weight: 0.4, pattern: 'whatsapp|telegram|wechat|viber' },
  { lang: 'any', category: 'spam', weight: 0.4, pattern: 'guaranteed|garanti*|gegarandeerd*|garantiert* ~2 profit*|returns|income|revenu*|winst|rendement|gewinn*' },
  { lang: 'any', category: 'spam', weight: 0.4, pattern: 'click|klik|cliquez|klick|klicken here|hier|ici' },
  { lang: 'any', category: 'spam', weight: 0.4, pattern: 'check|visit|see|bekijk|kijk|visitez|voyez|schaut|besucht|besuchen ~2 {mine} ~1 {page}' },
  { lang: 'any', category: 'spam', weight: 0.4, pattern: 'subscribe|follow|abonneer|abonnez|abonniert|folgt ~2 {mine} ~1 {page}' },
]

/** Parses one step of a pattern; macros expand into the slot's tests. */
function parseSlot(source: string, macros: Record<string, readonly string[]>): Slot[] {
  // Entries share their slots ({group}, {be}…): one object each, so a word is tested once.
  const cache = slotCache.get(macros) ?? new Map<string, Slot[]>()
  slotCache.set(macros, cache)
  let slots = cache.get(source)
  if (!slots) {
    slots = parseSlotUncached(source, macros)
    cache.set(source, slots)
  }
  return slots
}

const slotCache = new WeakMap<Record<string, readonly string[]>, Map<string, Slot[]>>()

function parseSlotUncached(source: string, macros: Record<string, readonly string[]>): Slot[] {
  const all = source.split('|')
  const alternatives = all.filter((alt) => alt !== '^')
  if (alternatives.length < all.length) {
    const slot: Slot = { type: 'slot', tests: [], orSentenceStart: true }
    if (alternatives.length > 0) {
      const inner = parseSlot(alternatives.join('|'), macros)
      if (inner.length !== 1) throw new Error(`lexicon: "${source}" must be one word`)
      slot.tests = inner[0]!.tests
    }
    return [slot]
  }
  const expand = (alt: string): string[] => {
    const macro = /^\{(\w+)\}$/.exec(alt)
    if (!macro) return [alt]
    const words = macros[macro[1]!]
    if (!words) throw new Error(`lexicon: unknown macro ${alt}`)
    return [...words]
  }
  const pieces = alternatives.flatMap(expand)
  if (pieces.length === 1 && pieces[0] !== '#num') {
    // A single piece may fold to several words ("sous-homme*"): one slot per word.
    const words = wordTests(pieces[0]!)
    if (!words) throw new Error(`lexicon: nothing to match in "${source}"`)
    return words.map((tests) => ({ type: 'slot', tests }))
  }
  const slot: Slot = { type: 'slot', tests: [] }
  for (const piece of pieces) {
    if (piece === '#num') {
      slot.tests.push({ kind: 'number' })
      continue
    }
    const words = wordTests(piece)
    if (!words || words.length !== 1) {
      throw new Error(`lexicon: "${piece}" in "${source}" must be one word`)
    }
    slot.tests.push(...words[0]!)
  }
  return [slot]
}

function macroSlot(name: string, macros: Record<string, readonly string[]>): Slot {
  const [slot] = parseSlot(name.includes('|') ? name : `{${name}}`, macros)
  return slot!
}

/** Compiles lexicon entries; throws on a malformed pattern (the tests compile the built-in one). */
export function compileLexicon(
  entries: readonly LexiconEntry[],
  macros: Record<string, readonly string[]> = LEXICON_MACROS
): PatternMatcher<LexiconEntry> {
  const patterns = entries.map((entry): Pattern<LexiconEntry> => {
    const steps: Step[] = []
    for (const source of entry.pattern.trim().split(/\s+/u)) {
      const gap = /^~(\d+)(?:!(\w+))?$/.exec(source)
      const previous = steps[steps.length - 1]
      if (gap && previous?.type === 'slot' && previous.orSentenceStart) {
        throw new Error(`lexicon: "^" may not be followed by a gap in "${entry.pattern}"`)
      }
      const optional = /^\[(.+)\]$/.exec(source)
      if (gap) {
        steps.push({
          type: 'gap',
          max: Number(gap[1]),
          ...(gap[2] ? { forbid: macroSlot(gap[2], macros) } : {}),
        })
      } else if (optional) {
        const only = parseSlot(optional[1]!, macros)
        if (only.length !== 1 || only[0]!.orSentenceStart) {
          throw new Error(`lexicon: "${source}" must be one word`)
        }
        steps.push({ type: 'gap', max: 1, only: only[0]! })
      } else {
        if (source.split('|').includes('^') && steps.length > 0) {
          throw new Error(`lexicon: "^" must begin "${entry.pattern}"`)
        }
        steps.push(...parseSlot(source, macros))
      }
    }
    if (steps[0]?.type !== 'slot' || steps[steps.length - 1]?.type !== 'slot') {
      throw new Error(`lexicon: "${entry.pattern}" must start and end with a word`)
    }
    const guards: Guard[] = []
    if (entry.unless) guards.push({ words: macroSlot(entry.unless, macros), before: 4, after: 3 })
    if (entry.notAbout) {
      guards.push({
        words: macroSlot(entry.notAbout, macros),
        before: 12,
        after: 6,
        acrossSentences: true,
        stopAt: macroSlot('group', macros),
        // Status words are adjectives: they also qualify the group word they precede.
        qualifies: entry.notAbout === 'status',
      })
    }
    return {
      steps,
      data: entry,
      ...(entry.notAfter ? { notAfter: macroSlot(entry.notAfter, macros) } : {}),
      ...(guards.length > 0 ? { guards } : {}),
    }
  })
  return new PatternMatcher(patterns)
}

let builtIn: PatternMatcher<LexiconEntry> | null = null

/** The built-in lexicon, compiled on first use. */
export function lexiconMatcher(): PatternMatcher<LexiconEntry> {
  builtIn ??= compileLexicon(LEXICON)
  return builtIn
}

export interface LexiconHit {
  entry: LexiconEntry
  /** The matched words as written in the comment, and where they are. */
  excerpt: string
  start: number
  end: number
  /** Inside quotation marks: mentioned rather than used, so it counts half. */
  quoted: boolean
  weight: number
}

const QUOTES = new Set([...'"\'“”„‟‚‘’«»‹›「」『』＂'])
const OPENING = new Set([...'«‹„‚「『'])
const CLOSING = new Set([...'»›」』'])
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** How far a quotation may reach around a match. */
const QUOTATION_MAX = 200

/**
 * Whether the character at i opens or closes a quotation. Straight and curly marks are read from
 * their neighbours: an opening one has no letter before it and one after it, a mark between two
 * letters is an apostrophe (don't, l'Europe), any other closes.
 */
function quoteRole(text: string, i: number): 'open' | 'close' | null {
  const c = text[i]!
  if (!QUOTES.has(c)) return null
  if (OPENING.has(c)) return 'open'
  if (CLOSING.has(c)) return 'close'
  const letterBefore = i > 0 && LETTER_OR_DIGIT.test(text[i - 1]!)
  const letterAfter = i + 1 < text.length && LETTER_OR_DIGIT.test(text[i + 1]!)
  if (letterBefore && letterAfter) return null
  return letterAfter ? 'open' : 'close'
}

/**
 * Whether text[start, end) is quoted: between quotation marks (spaces allowed inside, as in
 * « x »), or inside a longer quotation ("send them all back", he said).
 */
export function isQuoted(text: string, start: number, end: number): boolean {
  let before = start - 1
  while (before >= 0 && /\s/u.test(text[before]!)) before--
  let after = end
  while (after < text.length && /\s/u.test(text[after]!)) after++
  if (before >= 0 && after < text.length && QUOTES.has(text[before]!) && QUOTES.has(text[after]!)) {
    return true
  }
  let opened = false
  for (let i = start - 1; i >= 0 && start - i <= QUOTATION_MAX; i--) {
    const role = quoteRole(text, i)
    if (role === 'close') return false
    if (role === 'open') {
      opened = true
      break
    }
  }
  if (!opened) return false
  for (let i = end; i < text.length && i - end < QUOTATION_MAX; i++) {
    const role = quoteRole(text, i)
    if (role === 'open') return false
    if (role === 'close') return true
  }
  return false
}

/**
 * The lexicon's entries found in the text, each once, with its weight (half when quoted). Where
 * the matches of several entries overlap, the words count once: at the highest weight, then the
 * longest match ("ils sont tous des criminels" is one generalisation, not two). Spam cues are the
 * exception, they add up by design.
 */
export function findLexicon(
  text: string,
  matcher: PatternMatcher<LexiconEntry> = lexiconMatcher(),
  streams: Token[][] = tokenStreams(text)
): LexiconHit[] {
  const hits = matcher.find(streams).map((m): LexiconHit => {
    // Quoted as a whole, or its last word ("calling refugees „Ungeziefer“"), which is the word
    // that makes a phrase abusive.
    const quoted = isQuoted(text, m.start, m.end) || isQuoted(text, m.lastStart, m.end)
    return {
      entry: m.data,
      excerpt: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      quoted,
      weight: quoted ? m.data.weight / 2 : m.data.weight,
    }
  })
  const kept = new Set<LexiconHit>()
  const longest = (a: LexiconHit, b: LexiconHit) => b.end - b.start - (a.end - a.start)
  for (const hit of [...hits].sort((a, b) => b.weight - a.weight || longest(a, b))) {
    const counted =
      hit.entry.category !== 'spam' &&
      [...kept].some((k) => k.entry.category !== 'spam' && k.start < hit.end && hit.start < k.end)
    if (!counted) kept.add(hit)
  }
  return hits.filter((hit) => kept.has(hit))
}
