// The demo debate: site, thread, poll and reader comments, written for Parley in its own words.
// apps/worker/scripts/seed.ts turns this into SQL for the local D1.

export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '😠'] as const
export type Reaction = (typeof REACTIONS)[number]
export type Badge = 'author' | 'expert' | 'verified'

export interface DemoComment {
  /** Local reference, unique in this file; replies point at it with `parent`. */
  ref: string
  parent?: string
  author: string
  text: string
  /** BCP 47 language of the text. */
  lang: 'en' | 'fr' | 'nl' | 'de'
  /** How long before seeding the comment was written; keeps "2 hours ago" realistic. */
  minutesAgo: number
  /**
   * The author's vote in the demo poll when they wrote this: the comment's stance ("Voted: Yes").
   * An author's ballot holds the vote of their latest comment, so an earlier comment can show a
   * vote they changed since. Left out: they had not voted.
   */
  vote?: DemoVote
  /** They voted but unticked "show my vote" for this comment. */
  hideStance?: boolean
  reactions?: Partial<Record<Reaction, number>>
  /** Shown next to the name, e.g. "author" for the journalist who wrote the article. */
  badges?: Badge[]
  /** Marks hostile, xenophobic or spam comments for the moderation demo (issue 5). */
  hostile?: boolean
}

export const demoSite = {
  id: 'demo',
  name: 'Open Chamber (Parley demo)',
  origins: ['http://localhost:8787', 'http://127.0.0.1:8787'],
}

export const demoThread = {
  key: 'europe-human-trafficking',
  title: 'How can Europe combat human trafficking?',
  // Readers objected to "laughing" reactions under a story about people being bought and sold
  // (see the comment "laughing" below), so the publisher took 😂 off this thread. The laughs given
  // before stay in the database, out of sight.
  reactions: ['👍', '❤️', '😮', '😢', '😠'] as Reaction[],
}

export const demoPoll = {
  key: 'origin-countries',
  question:
    'Should European countries do more to combat the causes of trafficking in the countries of origin?',
  options: ['Yes', 'No', 'Not sure'],
  /** Readers who voted without commenting; with the commenters, the results the page opens with. */
  otherVotes: { Yes: 318, No: 131, 'Not sure': 74 },
} as const

export type DemoVote = (typeof demoPoll.options)[number]

export const demoComments: DemoComment[] = [
  {
    ref: 'risk-women',
    author: 'Radka Novotná',
    text: 'Looking at the registered cases, most of the victims are women and girls, and most of them are exploited sexually. Why are they so much more exposed than everyone else? And why do our prevention campaigns so rarely speak to them directly, in places they actually go?',
    lang: 'en',
    minutesAgo: 4290,
    vote: 'Yes',
    reactions: { '👍': 14, '❤️': 3 },
  },
  {
    ref: 'migration-rules',
    author: 'Henning Aalbers',
    text: 'Honest question: if fewer people tried to get into Europe irregularly, would the traffickers not simply run out of business? Stricter immigration rules look like the most obvious lever to me.',
    lang: 'en',
    minutesAgo: 4210,
    vote: 'No',
    reactions: { '👍': 6, '😠': 2 },
  },
  {
    ref: 'migration-rules-r1',
    parent: 'migration-rules',
    author: 'Maud Lefebvre',
    text: "Un passeur et un trafiquant, ce n'est pas la même chose. Et près de la moitié des victimes sont des citoyennes et citoyens de l'UE : aucune règle d'immigration ne change quoi que ce soit pour eux.",
    lang: 'fr',
    minutesAgo: 4150,
    vote: 'Yes',
    reactions: { '👍': 9 },
  },
  {
    ref: 'migration-rules-r2',
    parent: 'migration-rules-r1',
    author: 'Henning Aalbers',
    text: "Fair point about EU citizens, I hadn't thought of that. But the smuggling routes still end up feeding the exploitation later on, don't they?",
    lang: 'en',
    minutesAgo: 4095,
    vote: 'Not sure',
    reactions: { '👍': 2 },
  },
  {
    ref: 'migration-rules-r3',
    parent: 'migration-rules-r2',
    author: 'Maud Lefebvre',
    text: "Oui, souvent. La dette contractée auprès du passeur devient ensuite le piège. C'est bien pour ça que des voies d'accès légales et sûres enlèvent du pouvoir aux réseaux, au lieu de leur en donner.",
    lang: 'fr',
    minutesAgo: 4040,
    vote: 'Yes',
    reactions: { '👍': 5, '❤️': 1 },
  },
  {
    ref: 'boats-all-traffickers',
    author: 'IronGate_1990',
    text: 'Close every border tomorrow. Each migrant boat is a trafficking operation, full stop, and anyone who says otherwise is part of the racket.',
    lang: 'en',
    minutesAgo: 3990,
    vote: 'No',
    reactions: { '👍': 3, '😠': 7, '😂': 1 },
    hostile: true,
  },
  {
    ref: 'racism-invisible',
    author: 'Sami Haddad',
    text: "Je me demande si le racisme ordinaire ne fait pas le jeu des trafiquants. Quand une femme étrangère est regardée avec méfiance partout où elle va, qui l'écoutera le jour où elle osera demander de l'aide ?",
    lang: 'fr',
    minutesAgo: 3900,
    reactions: { '👍': 11, '❤️': 4 },
  },
  {
    ref: 'racism-invisible-r1',
    parent: 'racism-invisible',
    author: 'Liesbeth Van Damme',
    text: 'Precies. Wie bang is om zelf te worden opgepakt of uitgezet, stapt niet naar de politie. De uitbuiters weten dat maar al te goed en gebruiken het als drukmiddel.',
    lang: 'nl',
    minutesAgo: 3855,
    reactions: { '👍': 5 },
  },
  {
    ref: 'root-causes',
    author: 'Aoife Brennan',
    text: 'Member states should put far more effort into the places victims come from: schooling for girls, decent jobs, local police who cannot be bought. Recruiters live off desperation, so take away the desperation.',
    lang: 'en',
    minutesAgo: 3720,
    vote: 'Yes',
    reactions: { '👍': 17, '❤️': 2 },
  },
  {
    ref: 'root-causes-r1',
    parent: 'root-causes',
    author: 'Konstantin Weller',
    text: 'Ja, aber Entwicklungshilfe allein reicht nicht. Solange hier jemand für billige Arbeit oder für Sex bezahlt, wird es immer Nachschub geben. Die Nachfrage sitzt mitten in Europa.',
    lang: 'de',
    minutesAgo: 3660,
    vote: 'Not sure',
    reactions: { '👍': 8, '😮': 1 },
  },
  {
    ref: 'root-causes-r2',
    parent: 'root-causes-r1',
    author: 'Aoife Brennan',
    text: "Both, then. Demand here, desperation there. I'd just like to see the budgets match the speeches for once.",
    lang: 'en',
    minutesAgo: 3610,
    vote: 'Yes',
    reactions: { '👍': 4 },
  },
  {
    ref: 'laughing',
    author: 'Tomasz Wrona',
    text: 'Who on earth reacts with the laughing face to a story about people being bought and sold? Scroll through the reactions on this page. It is grim.',
    lang: 'en',
    minutesAgo: 3500,
    vote: 'Yes',
    hideStance: true,
    reactions: { '👍': 21, '😢': 3 },
  },
  {
    ref: 'laughing-r1',
    parent: 'laughing',
    author: 'Nadia Benali',
    text: "Pareil, je ne comprends pas. Il n'y a absolument rien de drôle ici.",
    lang: 'fr',
    minutesAgo: 3470,
    reactions: { '👍': 6 },
  },
  {
    ref: 'laughing-r2',
    parent: 'laughing',
    author: 'RealTalk_Dan',
    text: 'Maybe because this comment section is full of bleeding hearts. You lot are too dim to see what is really going on.',
    lang: 'en',
    minutesAgo: 3440,
    vote: 'No',
    reactions: { '😠': 5, '😂': 2 },
    hostile: true,
  },
  {
    ref: 'border-cooperation',
    author: 'Pieter Claes',
    text: 'Betere grenscontroles zijn niet automatisch xenofoob. Mensenhandelaars gebruiken steeds dezelfde routes en dezelfde valse papieren. Als grenspolitie, arbeidsinspectie en sociale diensten hun gegevens zouden delen, viel er veel meer te onderscheppen.',
    lang: 'nl',
    minutesAgo: 3300,
    vote: 'No',
    reactions: { '👍': 7 },
  },
  {
    ref: 'eu-citizens',
    author: 'Greta Holm',
    text: 'Nearly half of the victims are EU citizens? I genuinely had no idea. How is that even possible inside the Union, and why do we hear so little about it?',
    lang: 'en',
    minutesAgo: 3190,
    vote: 'Not sure',
    reactions: { '😮': 9, '👍': 3 },
  },
  {
    ref: 'eu-citizens-r1',
    parent: 'eu-citizens',
    author: 'Ioana Petrescu',
    text: 'Free movement works for recruiters too. Someone from a poor region is offered waitressing or care work in another member state. The journey is perfectly legal, so nobody checks anything, and the trap only snaps shut on arrival: passport "kept safe" by the boss, a debt for the bus ticket and the bed, wages that never come.\n\nTwo girls from my home town went through exactly this. One of them got out because a neighbour noticed she never left the flat.',
    lang: 'en',
    minutesAgo: 3150,
    vote: 'Yes',
    reactions: { '❤️': 12, '😢': 6, '👍': 4 },
  },
  {
    ref: 'eu-citizens-r2',
    parent: 'eu-citizens-r1',
    author: 'Greta Holm',
    text: 'That is chilling. Thank you for taking the time to explain it.',
    lang: 'en',
    minutesAgo: 3105,
    vote: 'Not sure',
    reactions: { '❤️': 2 },
  },
  {
    ref: 'blame-region',
    author: 'Vox_Populi_EU',
    text: 'It is always people from the Balkans behind this. Seal off the whole region and the problem disappears overnight.',
    lang: 'en',
    minutesAgo: 3010,
    reactions: { '😠': 6, '👍': 2 },
    hostile: true,
  },
  {
    ref: 'blame-region-r1',
    parent: 'blame-region',
    author: 'Marek Dvořák',
    text: 'About a third of victims are trafficked inside their own country. Sealing off a region does nothing for them. And pinning the crime on an entire nationality is exactly what lets the real networks stay out of sight.',
    lang: 'en',
    minutesAgo: 2955,
    vote: 'Yes',
    reactions: { '👍': 15 },
  },
  {
    ref: 'corruption',
    author: 'Benoît Garnier',
    text: "Tant que certains policiers et fonctionnaires acceptent une enveloppe pour ne rien voir, les réseaux continueront de tourner. La lutte contre la corruption devrait figurer dans chaque plan d'action contre la traite, pas dans une note de bas de page.",
    lang: 'fr',
    minutesAgo: 2800,
    vote: 'Yes',
    reactions: { '👍': 10 },
  },
  {
    ref: 'helpline',
    author: 'Elke Janssens',
    text: 'Eén gratis hulplijn, in elk EU-land hetzelfde nummer, in tientallen talen en dag en nacht bereikbaar. Veel slachtoffers weten niet eens bij wie ze terechtkunnen.',
    lang: 'nl',
    minutesAgo: 2700,
    vote: 'Not sure',
    reactions: { '👍': 13, '❤️': 3 },
  },
  {
    ref: 'helpline-r1',
    parent: 'helpline',
    author: 'Dario Rossi',
    text: 'Good idea, as long as the number is printed where people actually are: motorway service stations, bus shelters, nail bars, farms at harvest time. Not just on a ministry website.',
    lang: 'en',
    minutesAgo: 2650,
    reactions: { '👍': 5 },
  },
  {
    ref: 'role-models',
    author: 'Oluwaseun Adeyemi',
    text: "Prevention has to start young. Get the footballers, musicians and streamers that teenagers actually follow to talk about too-good-to-be-true job offers and 'boyfriends' who turn into pimps. Men as well as women: boys need to hear that paying for a person is not normal, just as much as girls need to hear the warning signs.",
    lang: 'en',
    minutesAgo: 2500,
    reactions: { '👍': 9, '❤️': 5 },
  },
  {
    ref: 'prohibition',
    author: 'Rafael Monteiro',
    text: 'Look at what alcohol prohibition did in the 1920s, or what decades of drug wars have done since: push a market underground and you hand it to criminals. Before adding more bans, we should ask why the demand exists in the first place and be ready for answers we will not like.',
    lang: 'en',
    minutesAgo: 2400,
    vote: 'Not sure',
    reactions: { '👍': 6, '😠': 2 },
  },
  {
    ref: 'prohibition-r1',
    parent: 'prohibition',
    author: 'Sofie Lindqvist',
    text: "The comparison only goes so far. A drug is a product. Here the 'product' is a person who never agreed to any of it. Some countries now penalise the buyer rather than the person being sold, and I would rather study how that has worked than throw everything open.",
    lang: 'en',
    minutesAgo: 2350,
    reactions: { '👍': 8 },
  },
  {
    ref: 'prohibition-r2',
    parent: 'prohibition-r1',
    author: 'Rafael Monteiro',
    text: "I'm obviously not arguing for legalising trafficking. My point is that where a sector is legal and regulated, inspectors can at least get through the door. Happy to look at the evidence for both models.",
    lang: 'en',
    minutesAgo: 2290,
    vote: 'Not sure',
    reactions: { '👍': 3 },
  },
  {
    ref: 'prohibition-r3',
    parent: 'prohibition-r2',
    author: 'Anneke Vos',
    text: 'Bij ons is het juist de vraag of die vergunningen helpen. De ergste uitbuiting zit in het illegale circuit, waar nooit een inspecteur komt.',
    lang: 'nl',
    minutesAgo: 2240,
    reactions: { '👍': 3, '😮': 1 },
  },
  {
    ref: 'ngo-audits',
    author: 'Hendrik Voss',
    text: 'I would like more transparency about where NGO money goes. Some of these organisations do excellent work, but public funding should come with public audits and measurable results, not only glossy reports about raising awareness.',
    lang: 'en',
    minutesAgo: 2100,
    vote: 'No',
    reactions: { '👍': 7, '😠': 1 },
  },
  {
    ref: 'ngo-audits-r1',
    parent: 'ngo-audits',
    author: 'Nadia Benali',
    text: "D'accord pour la transparence. Mais ce sont souvent les associations qui repèrent les victimes avant la police. Leur couper les vivres, ce serait un cadeau pour les réseaux.",
    lang: 'fr',
    minutesAgo: 2045,
    vote: 'Yes',
    hideStance: true,
    reactions: { '👍': 9 },
  },
  {
    ref: 'expel-all',
    author: 'Gérard L.',
    text: "Il n'y a qu'une seule solution : renvoyer tous les étrangers chez eux, sans exception, et fermer les frontières pour de bon. Tout le reste, c'est du blabla.",
    lang: 'fr',
    minutesAgo: 1900,
    vote: 'No',
    reactions: { '😠': 8, '👍': 2 },
    hostile: true,
  },
  {
    ref: 'spam-job',
    author: 'BestDeals4U',
    text: 'EARN €450 A DAY FROM HOME!!! No experience needed, start today 👉 http://quick-cash-offers.example/join ... only 10 places left!!!',
    lang: 'en',
    minutesAgo: 1710,
    reactions: { '😠': 2 },
    hostile: true,
  },
  {
    ref: 'online-recruitment',
    author: 'Jana Kubíková',
    text: 'The article says recruiting increasingly happens online. Platforms should be obliged to remove fake job ads quickly and to work with the police, instead of shrugging and blaming the algorithm.',
    lang: 'en',
    minutesAgo: 1500,
    reactions: { '👍': 11 },
  },
  {
    ref: 'convictions',
    author: 'Petra Maier',
    text: 'Über 14.000 registrierte Opfer, aber nur rund 2.400 Verurteilungen in zwei Jahren. Da stimmt doch etwas nicht. Wir brauchen spezialisierte Staatsanwaltschaften und einen Schutz, der Betroffenen den Mut gibt, auszusagen.',
    lang: 'de',
    minutesAgo: 1220,
    vote: 'No',
    reactions: { '👍': 12, '😮': 4 },
  },
  {
    ref: 'poverty',
    author: 'Yusuf Demir',
    text: 'Poverty is the engine. Nobody answers a dodgy job ad abroad if they have a decent job at home.',
    lang: 'en',
    minutesAgo: 1010,
    vote: 'Yes',
    reactions: { '👍': 10 },
  },
  {
    ref: 'boats-all-traffickers-r1',
    parent: 'boats-all-traffickers',
    author: 'Chiara Esposito',
    text: 'Smuggling and trafficking are two different crimes, and shouting about boats ignores the EU citizens who make up nearly half of the victims. The article is worth reading before commenting.',
    lang: 'en',
    minutesAgo: 760,
    vote: 'Yes',
    reactions: { '👍': 9 },
  },
  {
    ref: 'poll-origin',
    author: 'Lena Fischer',
    text: "On the poll: yes, but remember that 'countries of origin' include EU member states too. A third of victims never cross a border at all.",
    lang: 'en',
    minutesAgo: 45,
    vote: 'Yes',
    reactions: { '👍': 2 },
  },
  {
    ref: 'origin-prevention',
    author: 'Femke de Graaf',
    text: 'Preventie in de herkomstlanden werkt alleen als de mensen daar zelf aan het woord zijn. Een campagne die in Brussel is bedacht, zegt een meisje in een dorp in Moldavië weinig. Lokale vrouwenorganisaties weten veel beter welke beloftes de ronselaars er doen en via welke kanalen.',
    lang: 'nl',
    minutesAgo: 1390,
    vote: 'Yes',
    reactions: { '👍': 8, '❤️': 2 },
  },
  {
    ref: 'after-the-raid',
    author: 'Hanna Lindqvist',
    text: 'What happens to a victim the day after the raid? Too often she gets a few weeks in a shelter and then an expulsion order. If we want people to testify against the networks, a residence permit that does not depend on how the trial ends would do more than any new offence in the criminal code.',
    lang: 'en',
    minutesAgo: 1330,
    vote: 'Not sure',
    reactions: { '👍': 16, '❤️': 4 },
  },
  {
    ref: 'after-the-raid-r1',
    parent: 'after-the-raid',
    author: 'Elena Marchetti',
    text: 'Author of the article here. This came up in almost every interview I did. The reflection period exists on paper, but several of the survivors I spoke to were never told about it. Hearing about their rights in their own language, from someone who is *not* the police, mattered to them as much as the permit itself.',
    lang: 'en',
    minutesAgo: 1290,
    reactions: { '👍': 12, '❤️': 6 },
    badges: ['author'],
  },
  {
    ref: 'after-the-raid-r2',
    parent: 'after-the-raid-r1',
    author: 'Claire Dubois',
    text: "Merci pour ces précisions. Dans ma ville, ce sont souvent les bénévoles d'une association qui accompagnent les victimes au commissariat. Sans elles, beaucoup ne porteraient jamais plainte, surtout quand elles doivent encore de l'argent à quelqu'un.",
    lang: 'fr',
    minutesAgo: 1240,
    vote: 'Yes',
    reactions: { '👍': 7 },
  },
  {
    ref: 'after-the-raid-r3',
    parent: 'after-the-raid-r2',
    author: 'Joost Verbeke',
    text: 'Klopt, maar die organisaties draaien vaak op tijdelijke subsidies. Als het geld na twee jaar stopt, verdwijnt ook de vertrouwenspersoon die een slachtoffer net had leren kennen. Met structurele financiering zou al veel gewonnen zijn.',
    lang: 'nl',
    minutesAgo: 1180,
    reactions: { '👍': 5 },
  },
  {
    ref: 'after-the-raid-r4',
    parent: 'after-the-raid-r3',
    author: 'Hanna Lindqvist',
    text: 'And the support should follow the person, not the court case. Someone who decides not to testify still needs a place to live, a doctor and a way to earn a living, or the recruiters will simply be waiting for her again.',
    lang: 'en',
    minutesAgo: 1120,
    vote: 'Not sure',
    reactions: { '👍': 6, '❤️': 1 },
  },
  {
    ref: 'after-the-raid-r5',
    parent: 'after-the-raid-r4',
    author: 'Claire Dubois',
    text: "Exactement. Sans logement ni travail, le retour vers le réseau n'est qu'une question de temps. La protection doit durer plus longtemps que l'enquête, sinon on ne fait que déplacer le problème.",
    lang: 'fr',
    minutesAgo: 1060,
    vote: 'Yes',
    reactions: { '👍': 4 },
  },
  {
    ref: 'after-the-raid-r6',
    parent: 'after-the-raid-r5',
    author: 'Elena Marchetti',
    text: 'Several prosecutors told me the same thing from the other side: the cases that hold up in court are the ones where the victim was housed and supported for months before anyone asked her to testify.',
    lang: 'en',
    minutesAgo: 990,
    reactions: { '👍': 9, '😮': 2 },
    badges: ['author'],
  },
]

// Experts and their answers (issue 5). The seed page puts readers' questions to a Member of the
// European Parliament and to the EU's anti-trafficking coordinator. The demo keeps those two roles
// with invented people: every name is made up, every organisation says so, and every answer is
// demo text written for Parley that ends by saying so. Nothing here is anyone's real statement.

const DEMO_MARK = '— Demo text, written for Parley; not a statement by a real person.'

export interface DemoExpert {
  ref: string
  name: string
  title: string
  organisation: string
}

export const demoExperts: DemoExpert[] = [
  {
    ref: 'mep',
    name: 'Irene Solvang Duarte',
    title: 'Member of the European Parliament, co-rapporteur on trafficking in human beings',
    organisation: 'European Parliament (fictional demo expert)',
  },
  {
    ref: 'coordinator',
    name: 'Matthias Kerrow',
    title: 'EU Anti-Trafficking Coordinator',
    organisation: 'European Commission (fictional demo expert)',
  },
]

export interface DemoExpertResponse {
  /** The demo comment it answers. */
  comment: string
  expert: string
  text: string
  /** How long before seeding it was written; later than the comment. */
  minutesAgo: number
}

export const demoExpertResponses: DemoExpertResponse[] = [
  // Who is most at risk?
  {
    comment: 'risk-women',
    expert: 'mep',
    minutesAgo: 600,
    text: `The registered numbers do point to women and girls, and to sexual exploitation, but I read them as a map of where we have looked rather than of where trafficking happens. Labour exploitation in farming, construction, cleaning and care is found far less often because fewer people inspect those workplaces.

What the victims share is not their sex or their passport: it is being in a position where someone else controls their papers, their debts or their stay. Prevention should go to those places — job centres, schools, the apps where work is advertised — and in languages people actually read.

${DEMO_MARK}`,
  },
  {
    comment: 'risk-women',
    expert: 'coordinator',
    minutesAgo: 560,
    text: `Risk gathers where several things meet: poverty, a lack of papers or a residence permit tied to one employer, earlier violence, and isolation from anyone who could notice that something is wrong. Children in care and people with disabilities are over-represented too.

We ask member states to train the people who meet victims first — labour inspectors, health workers, border staff — to recognise those signs, and to refer a person to support before asking whether they will testify.

${DEMO_MARK}`,
  },
  // Can immigration policy reduce trafficking?
  {
    comment: 'migration-rules',
    expert: 'mep',
    minutesAgo: 540,
    text: `Closing doors does not close the market. When safe and legal routes disappear, people who still need to move turn to smugglers, and the debt they run up is exactly the leverage traffickers use later. And a large share of victims in the EU are EU citizens who needed no visa at all.

Immigration policy matters most in the details: whether a work permit lets someone change employer, and whether a victim who comes forward can stay while the case is built.

${DEMO_MARK}`,
  },
  {
    comment: 'migration-rules',
    expert: 'coordinator',
    minutesAgo: 500,
    text: `Smuggling and trafficking are different crimes, though one often leads into the other. Policy can cut that link: prosecute the networks on the routes, make fair recruitment the rule for seasonal work, and make sure that a person found in exploitation is treated first as a possible victim, not as an immigration case.

Stricter rules on their own tend to push people further out of sight, which is where exploitation grows.

${DEMO_MARK}`,
  },
  // Do xenophobia and racism help traffickers?
  {
    comment: 'racism-invisible',
    expert: 'mep',
    minutesAgo: 470,
    text: `Yes, in a very practical way. A trafficker's strongest threat is "nobody will believe you, and the police will deport you". Every time a foreign woman is met with suspicion at a hospital, a police desk or a shelter, that threat becomes more convincing.

Treating victims as victims whatever their origin, with interpreters and with someone to turn to who is not the police, is anti-trafficking policy, not charity.

${DEMO_MARK}`,
  },
  // Should Europe do more in the countries of origin?
  {
    comment: 'root-causes',
    expert: 'coordinator',
    minutesAgo: 430,
    text: `Yes, and with partners rather than for them. Funding works best when it goes to local organisations that already know how recruiters operate in their region, to schooling that keeps girls in education, and to police and judges who can resist corruption.

"Countries of origin" include some EU member states too, so this is also work inside the Union. And it has to come with action on demand here: the cheap labour and paid sex that make trafficking profitable are bought in Europe.

${DEMO_MARK}`,
  },
]

/** Pinned by the demo's moderator to the top of the thread. */
export const demoPinned: string[] = ['after-the-raid']

/** An invitation still waiting for an answer: the console's "unanswered questions". */
export const demoInvitations: { comment: string; expert: string; expiresInHours: number }[] = [
  { comment: 'convictions', expert: 'coordinator', expiresInHours: 720 },
]

/**
 * A couple of generic banned terms for the moderation demo, set only while the site has none, so
 * a publisher's own list is never overwritten by a re-seed.
 */
export const demoBannedTerms: string[] = ['vermin', 'subhuman']
