/**
 * The labelled set the moderation pipeline is measured on (docs/decisions/0008-moderation-pipeline.md).
 *
 * Written for Parley, by hand, before the built-in lexicon: comments of the kinds a debate on
 * human trafficking and migration draws (the seed page, "How can Europe combat human
 * trafficking?"), none copied from it. Half are acceptable and half should not be published
 * unreviewed, in English, French, Dutch and German. The acceptable half leans on hard cases:
 * sharp, angry but legitimate opinions on migration, borders, the EU, governments and NGOs;
 * "illegal", "deport" and "criminal gangs" used as policy words; a dehumanising word quoted to
 * condemn it; acronyms in capitals; one link to a source.
 *
 * The labels say what a careful moderator would do with default settings: 'ok' = publish,
 * 'hold' = hold for review or reject as spam. Rules are never fitted to single items here; an
 * item the pipeline gets wrong stays in the set and counts against the figures.
 */
export type Lang = 'en' | 'fr' | 'nl' | 'de'

export type AcceptableKind =
  | 'opinion'
  | 'story'
  | 'hard_border'
  | 'hard_keywords'
  | 'hard_ngo'
  | 'hard_eu'
  | 'hard_government'
  | 'hard_quote'
  | 'hard_acronym'
  | 'hard_link'
  | 'hard_angry'
  | 'hard_wording'

export type UnacceptableKind =
  | 'dehumanising'
  | 'generalisation'
  | 'exclusion'
  | 'threat'
  | 'slur'
  | 'obfuscated'
  | 'link_spam'
  | 'crypto_spam'
  | 'casino_spam'
  | 'shouting_spam'
  | 'repeated_spam'

export type LabelledComment =
  | { text: string; lang: Lang; label: 'ok'; kind: AcceptableKind }
  | { text: string; lang: Lang; label: 'hold'; kind: UnacceptableKind }

const ok = (lang: Lang, kind: AcceptableKind, text: string): LabelledComment => ({
  text,
  lang,
  label: 'ok',
  kind,
})
const hold = (lang: Lang, kind: UnacceptableKind, text: string): LabelledComment => ({
  text,
  lang,
  label: 'hold',
  kind,
})

const english: LabelledComment[] = [
  ok(
    'en',
    'hard_border',
    "Schengen only works if the external border is actually controlled. Right now it isn't, and the smugglers know it better than Brussels does."
  ),
  ok(
    'en',
    'hard_keywords',
    'People who entered illegally and lost their asylum appeal should be deported, quickly and humanely. Dragging it out for years helps nobody, least of all genuine refugees.'
  ),
  ok(
    'en',
    'hard_keywords',
    'Criminal gangs make millions moving people across the Mediterranean. Go after their money: freeze the accounts, seize the boats, prosecute the bosses rather than the kid steering the dinghy.'
  ),
  ok(
    'en',
    'hard_ngo',
    "Some NGOs get most of their budget from the very governments they claim to hold to account. I'd like to see their accounts published in full before they get another euro."
  ),
  ok(
    'en',
    'hard_eu',
    'The EU has spent a fortune on anti-trafficking strategies and the conviction numbers have barely moved. Fewer conferences and more investigators, maybe?'
  ),
  ok(
    'en',
    'hard_quote',
    'When a politician calls refugees "parasites" he is borrowing the exact vocabulary of the 1930s. That should end a career, not launch one.'
  ),
  ok(
    'en',
    'hard_acronym',
    'The OSCE and UNODC reports say the same thing: most victims are identified by NGOs, not by the police. Why is that?'
  ),
  ok(
    'en',
    'hard_link',
    'The Europol situation report has the actual numbers, worth reading before we argue: https://www.europol.europa.eu/publications-events'
  ),
  ok(
    'en',
    'hard_angry',
    'This is an absolute disgrace. Governments have known about these networks for a decade and did nothing because the victims were poor and foreign. Shameful.'
  ),
  ok(
    'en',
    'hard_government',
    'Our interior minister promised tougher checks at the ports three times in two years. Nothing changed. Stop announcing and start doing.'
  ),
  ok(
    'en',
    'story',
    'I volunteered at a shelter in Rotterdam for two years. Most of the women we met had been recruited with a fake job offer online. Regulate the job sites.'
  ),
  ok(
    'en',
    'hard_wording',
    'Migrants in some of those camps are treated like animals, and then we act surprised when traffickers offer them a way out.'
  ),

  hold(
    'en',
    'dehumanising',
    'These people are vermin. They breed, they steal, and our politicians roll out the red carpet for them.'
  ),
  hold(
    'en',
    'generalisation',
    'All migrants are criminals and rapists, every last one of them. Look at any city that let them in.'
  ),
  hold(
    'en',
    'exclusion',
    'Go back to your own country, nobody wants you here. Europe is for Europeans.'
  ),
  hold(
    'en',
    'threat',
    'Anyone crewing those NGO boats should be shot. Sink them before they reach the coast.'
  ),
  hold('en', 'slur', 'Sick of towelheads and their mosques taking over every town.'),
  hold(
    'en',
    'obfuscated',
    'Open the borders and you get more p a r a s i t e s living off our taxes.'
  ),
  hold('en', 'obfuscated', 'They are v3rm1n and should be treated as such.'),
  hold(
    'en',
    'crypto_spam',
    'Tired of low wages? I earn €4,500 a week from home trading Bitcoin with one simple app. Message me on Telegram for the secret!'
  ),
  hold(
    'en',
    'casino_spam',
    'Best online casino of the year: 200 free spins and a 500% welcome bonus, no deposit needed https://spins-royal.example/win'
  ),
  hold(
    'en',
    'link_spam',
    'Great article! Check my sites http://cheap-pills.example http://bestloans.example/go http://dating-now.example/join'
  ),
  hold(
    'en',
    'shouting_spam',
    'WAKE UP PEOPLE THE MEDIA IS LYING TO YOU ABOUT EVERYTHING SHARE THIS BEFORE THEY DELETE IT'
  ),
  hold(
    'en',
    'repeated_spam',
    'subscribe subscribe subscribe subscribe to my channel!!!!!!!!!! best content ever'
  ),
]

const french: LabelledComment[] = [
  ok(
    'fr',
    'hard_border',
    "Contrôler les frontières extérieures n'a rien de raciste. C'est la condition pour que Schengen survive."
  ),
  ok(
    'fr',
    'hard_keywords',
    "Les déboutés du droit d'asile doivent être expulsés, c'est la loi. Mais il faut que les procédures durent des mois, pas des années."
  ),
  ok(
    'fr',
    'hard_keywords',
    "Ce sont des gangs criminels très organisés qui font passer les gens. Il faut s'attaquer à leurs comptes bancaires et à leurs intermédiaires en Europe."
  ),
  ok(
    'fr',
    'hard_ngo',
    'Je trouve que certaines ONG manquent de transparence sur leurs financements. Publier les comptes devrait être obligatoire.'
  ),
  ok(
    'fr',
    'hard_eu',
    "L'Union européenne adore les grands discours et les plans d'action, mais sur le terrain les enquêteurs manquent de tout."
  ),
  ok(
    'fr',
    'hard_government',
    'Le gouvernement ferme les yeux depuis des années. Les inspecteurs du travail sont bien trop peu nombreux pour contrôler les chantiers et les ateliers.'
  ),
  ok(
    'fr',
    'hard_quote',
    "Traiter les exilés de « cafards », comme l'a fait un élu local, c'est exactement le langage qui précède les violences."
  ),
  ok(
    'fr',
    'hard_acronym',
    'Le rapport du GRETA est clair : la France identifie beaucoup trop peu de victimes mineures.'
  ),
  ok(
    'fr',
    'hard_link',
    "Pour ceux qui veulent des chiffres fiables, l'Office des Nations unies publie un rapport mondial : https://www.unodc.org/unodc/fr/"
  ),
  ok(
    'fr',
    'hard_angry',
    "C'est honteux ! Des enfants disparaissent des foyers d'accueil et personne n'est jamais tenu pour responsable. Ras-le-bol de l'hypocrisie."
  ),
  ok(
    'fr',
    'story',
    "Ma voisine est arrivée de Roumanie avec une promesse d'emploi dans la restauration. On lui a pris son passeport dès le premier jour."
  ),
  ok(
    'fr',
    'opinion',
    "Tant que la pauvreté restera aussi extrême dans les pays d'origine, les réseaux trouveront toujours des candidats au départ. Investissons là-bas."
  ),

  hold(
    'fr',
    'dehumanising',
    'Ces gens-là sont de la vermine, ils détruisent nos quartiers et on continue de les accueillir.'
  ),
  hold(
    'fr',
    'generalisation',
    'Les immigrés sont tous des voleurs et des délinquants, il suffit d’ouvrir les yeux.'
  ),
  hold('fr', 'exclusion', 'Rentrez chez vous, on ne veut pas de vous ici. La France aux Français.'),
  hold(
    'fr',
    'exclusion',
    "Il faut renvoyer tous les étrangers, tout ce qui n'est pas blanc dehors, et fermer les frontières pour de bon."
  ),
  hold('fr', 'threat', 'Ces passeurs, il faudrait les pendre sur la place publique, un par un.'),
  hold('fr', 'slur', "Encore des bougnoules qui viennent profiter des allocs, j'en ai marre."),
  hold('fr', 'obfuscated', "Des p.a.r.a.s.i.t.e.s, voilà ce qu'ils sont, rien d'autre."),
  hold('fr', 'obfuscated', "Ces migr4nts c'est de la v3rmine qui envahit l'Europe."),
  hold(
    'fr',
    'crypto_spam',
    'Gagnez 3000 € par semaine depuis chez vous grâce aux cryptomonnaies ! Méthode garantie, contactez-moi sur WhatsApp.'
  ),
  hold(
    'fr',
    'casino_spam',
    "Casino en ligne sans dépôt : 100 tours gratuits offerts aujourd'hui seulement ➜ www.jackpot-facile.example"
  ),
  hold(
    'fr',
    'shouting_spam',
    'ARRÊTEZ DE NOUS MENTIR, TOUT LE MONDE SAIT LA VÉRITÉ, PARTAGEZ AVANT LA CENSURE !!!'
  ),
  hold(
    'fr',
    'link_spam',
    'Super article, visitez mes sites : https://promo-lunettes.example https://rencontres-chaudes.example https://pret-rapide.example'
  ),
]

const dutch: LabelledComment[] = [
  ok(
    'nl',
    'hard_border',
    'Strengere controles aan de buitengrenzen zijn geen schande. Zonder die controles houdt het vrije verkeer binnen Schengen geen stand.'
  ),
  ok(
    'nl',
    'hard_keywords',
    'Wie illegaal in het land is en na een definitieve afwijzing niet vertrekt, moet worden uitgezet. Dat is gewoon het beleid handhaven.'
  ),
  ok(
    'nl',
    'hard_keywords',
    'Criminele bendes verdienen meer aan mensensmokkel dan aan drugs. Pak hun geld af, dan stopt het vanzelf.'
  ),
  ok(
    'nl',
    'hard_ngo',
    "Sommige ngo's zijn afhankelijker van subsidie dan van donateurs. Daar mag best eens kritisch naar gekeken worden."
  ),
  ok(
    'nl',
    'hard_eu',
    'Brussel schrijft rapport na rapport, maar het aantal veroordelingen blijft belachelijk laag.'
  ),
  ok(
    'nl',
    'hard_government',
    'Het kabinet bezuinigt op de arbeidsinspectie en verbaast zich dan over uitbuiting in de kassen en distributiecentra. Wat een onzin.'
  ),
  ok(
    'nl',
    'hard_quote',
    "Een Kamerlid noemde asielzoekers 'ongedierte'. Dat soort taal zou in geen enkel parlement geaccepteerd mogen worden."
  ),
  ok(
    'nl',
    'hard_acronym',
    'Volgens het CBS en de IND gaat het om een paar honderd gevallen per jaar, maar het echte aantal ligt veel hoger.'
  ),
  ok(
    'nl',
    'hard_link',
    'Het rapport van de Nationaal Rapporteur staat gewoon online, lees het eerst even: https://www.nationaalrapporteur.nl'
  ),
  ok(
    'nl',
    'hard_angry',
    'Schandalig dat slachtoffers nog steeds worden uitgezet voordat hun zaak is afgerond. Dit land moet zich diep schamen.'
  ),
  ok(
    'nl',
    'story',
    'Mijn nicht werkte bij een uitzendbureau en zag hoe Poolse arbeiders met zijn tienen in één huisje werden gepropt.'
  ),
  ok(
    'nl',
    'opinion',
    'Voorlichting op scholen in de landen van herkomst werkt beter dan hekken. Jongeren moeten weten hoe die nepadvertenties eruitzien.'
  ),

  hold(
    'nl',
    'dehumanising',
    'Het zijn gewoon parasieten die op onze kosten leven. Ongedierte is het.'
  ),
  hold(
    'nl',
    'generalisation',
    'Alle asielzoekers zijn criminelen, dat weet iedereen die in een grote stad woont.'
  ),
  hold('nl', 'exclusion', 'Ga terug naar je eigen land, hier is geen plek voor jullie soort.'),
  hold(
    'nl',
    'threat',
    'Die smokkelaars moeten allemaal afgeschoten worden, en die vrijwilligers op de boten erbij.'
  ),
  hold('nl', 'slur', 'Weer een stel makakken die de boel hier komen verzieken.'),
  hold('nl', 'obfuscated', 'Allemaal p-a-r-a-s-i-e-t-e-n, stuur ze terug met de eerste boot.'),
  hold('nl', 'obfuscated', 'Ze zijn 0ngedierte en zo moeten we ze ook behandelen.'),
  hold(
    'nl',
    'crypto_spam',
    'Verdien €800 per dag vanuit huis met Bitcoin! Geen ervaring nodig, stuur me een bericht op Telegram.'
  ),
  hold(
    'nl',
    'casino_spam',
    'Online casino met 50 gratis spins en een bonus van 300%, speel nu op www.gokpaleis.example'
  ),
  hold(
    'nl',
    'link_spam',
    'Bekijk zeker http://goedkope-zonnebrillen.example en http://snel-geld-lenen.example en http://datingnu.example'
  ),
  hold(
    'nl',
    'shouting_spam',
    'WORDT WAKKER NEDERLAND, DE MEDIA VERTELLEN JULLIE NIETS, DEEL DIT BERICHT ZOVEEL MOGELIJK'
  ),
  hold('nl', 'repeated_spam', 'kijk kijk kijk kijk op mijn profiel!!!!!!!! gratis gratis gratis'),
]

const german: LabelledComment[] = [
  ok(
    'de',
    'hard_border',
    'Grenzkontrollen an den Binnengrenzen sind teuer und bringen wenig. Die Außengrenze muss funktionieren, dann klappt auch Schengen.'
  ),
  ok(
    'de',
    'hard_keywords',
    'Wer keinen Anspruch auf Asyl hat und illegal eingereist ist, muss abgeschoben werden. Aber das Verfahren darf nicht drei Jahre dauern.'
  ),
  ok(
    'de',
    'hard_keywords',
    'Kriminelle Banden verdienen an jedem Menschen, den sie über die Grenze bringen. Man muss die Geldströme verfolgen.'
  ),
  ok(
    'de',
    'hard_ngo',
    'Ich halte manche NGOs für naiv. Gut gemeint ist nicht gut gemacht, und die Schlepper lachen sich ins Fäustchen.'
  ),
  ok(
    'de',
    'hard_eu',
    'Die EU-Kommission verkündet seit Jahren neue Strategien. Geändert hat sich für die Opfer so gut wie nichts.'
  ),
  ok(
    'de',
    'hard_government',
    'Die Bundesregierung hat das Prostitutionsgesetz verschlafen. Deutschland ist zum Bordell Europas geworden, und alle schauen weg.'
  ),
  ok(
    'de',
    'hard_quote',
    'Wer Geflüchtete als „Ungeziefer“ bezeichnet, hat aus der Geschichte nichts gelernt. So fing es schon einmal an.'
  ),
  ok(
    'de',
    'hard_acronym',
    'Laut BKA-Lagebild wurden letztes Jahr mehr Ermittlungsverfahren eingeleitet, aber die Zahl der Verurteilungen sank.'
  ),
  ok(
    'de',
    'hard_link',
    'Das Lagebild Menschenhandel des BKA ist öffentlich: https://www.bka.de/DE/AktuelleInformationen/StatistikenLagebilder/'
  ),
  ok(
    'de',
    'hard_angry',
    'Es ist zum Kotzen, wie wenig sich die Politik für diese Frauen interessiert. Erst wenn es Schlagzeilen gibt, wird gehandelt.'
  ),
  ok(
    'de',
    'story',
    'Ich arbeite in einer Beratungsstelle. Viele Betroffene wissen gar nicht, dass sie ein Recht auf Bedenkzeit und Unterkunft haben.'
  ),
  ok(
    'de',
    'opinion',
    'Man sollte die Fluchtursachen bekämpfen: faire Handelsverträge, Bildung, Arbeitsplätze vor Ort. Das ist nachhaltiger als Zäune.'
  ),

  hold(
    'de',
    'dehumanising',
    'Das sind keine Menschen, das ist Ungeziefer, das unser Land befällt.'
  ),
  hold(
    'de',
    'generalisation',
    'Alle Ausländer sind Kriminelle und Sozialschmarotzer, das sieht doch jeder.'
  ),
  hold('de', 'exclusion', 'Ausländer raus! Deutschland den Deutschen.'),
  hold('de', 'threat', 'Man sollte die alle an die Wand stellen, dann ist endlich Ruhe.'),
  hold('de', 'slur', 'Die Kanaken machen doch eh, was sie wollen, und der Staat schaut zu.'),
  hold('de', 'obfuscated', 'Setzt die S c h m a r o t z e r in den nächsten Flieger.'),
  hold('de', 'obfuscated', 'Diese P4r4s1ten gehören nicht hierher.'),
  hold(
    'de',
    'crypto_spam',
    'Verdiene 5000 Euro im Monat von zu Hause mit Krypto-Trading! Schreib mir auf WhatsApp, nur noch heute.'
  ),
  hold(
    'de',
    'casino_spam',
    'Online Casino ohne Einzahlung: 100 Freispiele und 200% Bonus, jetzt auf www.gluecksrad-24.example'
  ),
  hold(
    'de',
    'link_spam',
    'Tolle Seite! Schaut mal hier: https://billige-uhren.example https://kredit-sofort.example https://singles-treffen.example'
  ),
  hold(
    'de',
    'shouting_spam',
    'WACHT ENDLICH AUF, DIE REGIERUNG BELÜGT EUCH ALLE, TEILT DAS BEVOR ES GELÖSCHT WIRD'
  ),
  hold('de', 'repeated_spam', 'Klick Klick Klick Klick auf meinen Link!!!!!!!! Geld Geld Geld'),
]

export const LABELLED_SET: readonly LabelledComment[] = [...english, ...french, ...dutch, ...german]
