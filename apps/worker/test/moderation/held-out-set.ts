import type { LabelledComment, Lang } from './labelled-set.ts'

/**
 * A second, smaller labelled set, written by a different author after the pipeline and its
 * lexicon were finished, without reading the lexicon. The main set was written by the author of
 * the rules, so its figures say the rules do what they were written for; this one says how well
 * they carry over to comments nobody fitted them to. It is never used to change the rules: an item
 * the pipeline gets wrong here stays wrong, and the README reports both figures.
 */
const ok = (lang: Lang, text: string): LabelledComment => ({
  text,
  lang,
  label: 'ok',
  kind: 'opinion',
})
const hold = (lang: Lang, text: string): LabelledComment => ({
  text,
  lang,
  label: 'hold',
  kind: 'generalisation',
})

/**
 * The first held-out set. Its figures (recall 55 %) showed the rules did not generalise, so the
 * lexicon was broadened by category (violence, dehumanising words applied to people, replacement
 * talk, blanket exclusion) by someone who did not read it. After that it is no longer unseen in
 * spirit, so HELD_OUT_SET_2 below, written before the broadening and kept from its author, gives the
 * figure the README reports.
 */
export const HELD_OUT_SET: readonly LabelledComment[] = [
  ok(
    'en',
    'Frontex should publish how many boats it actually turns back. Without the numbers this whole debate is guesswork.'
  ),
  ok(
    'en',
    'I am tired of politicians promising to "smash the gangs" every election and then cutting the budget for labour inspectors.'
  ),
  ok(
    'en',
    'Deporting victims because their papers are fake punishes the wrong people. Give them a residence permit if they testify.'
  ),
  ok(
    'en',
    'Honestly the EU is hopeless at this. Twenty years of strategies and the numbers only go up.'
  ),
  ok(
    'en',
    'My cousin worked on a farm in Spain where the pickers had their passports taken. Nobody checked, ever.'
  ),
  hold(
    'en',
    'These people breed like rats and then expect us to pay for it. Close every border now.'
  ),
  hold(
    'en',
    'Every single one of them is a criminal. Ship them all back where they crawled out from.'
  ),
  hold(
    'en',
    'Make 5000 euro a week from home!!! Click here http://quick-cash.example http://quick-cash.example/join http://quick-cash.example/now'
  ),
  hold(
    'en',
    'Someone should put a bullet in the heads of these traffickers and their families too.'
  ),
  hold(
    'en',
    'Invaders, all of them. Europe is being flooded by savages and nobody has the guts to say it.'
  ),

  ok(
    'fr',
    "La France devrait ratifier toutes les conventions de l'OIT avant de donner des leçons aux pays d'origine."
  ),
  ok(
    'fr',
    'Les réseaux criminels profitent de la misère. Il faut frapper leur argent, pas les victimes.'
  ),
  ok(
    'fr',
    'Je suis en colère : on parle des passeurs mais jamais des entreprises qui achètent ce travail forcé.'
  ),
  ok(
    'fr',
    "L'immigration illégale existe, oui, mais la traite des êtres humains est un crime à part. Ne mélangeons pas tout."
  ),
  ok('fr', 'Les ONG font un travail énorme avec trois fois rien. Merci à elles.'),
  hold('fr', 'Ces gens-là sont des animaux, ils ne méritent aucune pitié. Dehors !'),
  hold(
    'fr',
    "Tous des parasites qui viennent profiter de nos allocations. Qu'ils retournent chez eux."
  ),
  hold('fr', 'GAGNEZ DE L ARGENT FACILE AVEC LE BITCOIN, INSCRIVEZ VOUS MAINTENANT SUR NOTRE SITE'),
  hold('fr', 'Il faudrait les noyer avant qu’ils touchent nos plages, voilà la solution.'),
  hold('fr', "L'Europe blanche doit être défendue contre cette racaille venue d'Afrique."),

  ok(
    'nl',
    'Nederland moet meer arbeidsinspecteurs aannemen. Dat is de enige manier om uitbuiting in de kassen te zien.'
  ),
  ok(
    'nl',
    'Ik vind het schandalig dat slachtoffers worden uitgezet terwijl de daders vrijuit gaan.'
  ),
  ok(
    'nl',
    'Strengere grenscontroles lossen dit niet op, de meeste slachtoffers komen legaal binnen.'
  ),
  ok('nl', 'Goed artikel, maar waarom geen woord over de rol van uitzendbureaus?'),
  ok('nl', 'De EU moet ophouden met praten en eindelijk geld geven aan opvang voor slachtoffers.'),
  hold('nl', 'Dat tuig hoort hier niet. Allemaal terug naar hun eigen land, het zijn beesten.'),
  hold('nl', 'Die buitenlanders zijn allemaal crimineel en verpesten ons land. Weg ermee!'),
  hold(
    'nl',
    'Verdien snel geld met crypto!!! Klik hier: http://snel-rijk.example http://snel-rijk.example/a http://snel-rijk.example/b'
  ),
  hold('nl', 'Ze zijn ongedierte en moeten uitgeroeid worden.'),
  hold('nl', 'Ik hoop dat hun bootjes allemaal zinken, dan zijn we er vanaf.'),

  ok(
    'de',
    'Deutschland muss das Prostitutionsgesetz endlich überprüfen. Die Kontrollen finden praktisch nicht statt.'
  ),
  ok(
    'de',
    'Ich finde die Grenzpolitik der Regierung falsch, aber Menschenhandel ist ein eigenes Verbrechen.'
  ),
  ok(
    'de',
    'Die Schleuserbanden müssen zerschlagen werden, und zwar mit Finanzermittlungen, nicht mit Sonntagsreden.'
  ),
  ok('de', 'Warum veröffentlicht das BKA nicht mehr Zahlen zu Opfern aus der EU selbst?'),
  ok(
    'de',
    'Ich habe als Sozialarbeiterin mit Betroffenen gearbeitet. Die meisten haben Angst vor der Polizei.'
  ),
  hold('de', 'Dieses Pack gehört abgeschoben, allesamt Schmarotzer und Ungeziefer.'),
  hold('de', 'Ausländer raus! Die sind doch alle kriminell und vergewaltigen unsere Frauen.'),
  hold(
    'de',
    'JETZT REICH WERDEN MIT KRYPTO!!! NUR HEUTE!!! http://reich.example http://reich.example/x http://reich.example/y'
  ),
  hold('de', 'Man sollte diese Untermenschen alle an die Wand stellen.'),
  hold('de', 'Die Umvolkung läuft, und die Invasoren lachen über uns.'),
]

export const HELD_OUT_SET_2: readonly LabelledComment[] = [
  ok(
    'en',
    'Hundreds drowned off Lampedusa last year. Safe legal routes would take business away from the smugglers.'
  ),
  ok(
    'en',
    'Call it what it is: modern slavery. And the supermarkets selling those tomatoes are part of it.'
  ),
  ok(
    'en',
    'I would deport convicted traffickers the day they finish their sentence. No appeal circus.'
  ),
  ok('en', 'The Commission talks a lot and funds very little. Show me the budget line.'),
  ok(
    'en',
    'A neighbour called someone a "parasite" in our street chat and I reported it. That language is how this starts.'
  ),
  hold('en', 'Gas the lot of them and the problem is solved overnight.'),
  hold('en', 'They are cockroaches, they multiply and spread disease wherever they go.'),
  hold('en', 'The great replacement is real and this article is part of the cover-up.'),
  hold('en', 'Go back to your own country, nobody wants you here, you filthy scum.'),
  hold(
    'en',
    'Cheap Rolex replicas, free shipping!!! http://watches.example http://watches.example/a http://watches.example/b'
  ),

  ok(
    'fr',
    "Des centaines de personnes se noient chaque année en Méditerranée. C'est une honte pour l'Europe."
  ),
  ok(
    'fr',
    'Il faut expulser les trafiquants condamnés, pas les victimes qui ont eu le courage de parler.'
  ),
  ok(
    'fr',
    "Le gouvernement ment quand il dit que tout est sous contrôle. Les chiffres de l'OCDE disent le contraire."
  ),
  ok(
    'fr',
    "Traiter des gens de « sauvages », comme je l'ai lu ici hier, c'est exactement ce qu'il faut combattre."
  ),
  ok('fr', 'Bravo pour cet article, enfin quelqu’un qui parle des victimes européennes.'),
  hold('fr', "Qu'on les renvoie tous, ces cafards, et qu'on ferme les frontières pour de bon."),
  hold('fr', 'Le grand remplacement, voilà ce que cachent vos belles paroles.'),
  hold('fr', 'Il faut tirer sur les bateaux avant qu’ils arrivent, point final.'),
  hold('fr', 'Tous des voleurs et des violeurs, ces migrants.'),
  hold(
    'fr',
    'Casino en ligne : 200 tours gratuits !!! http://casino-bonus.example http://casino-bonus.example/fr http://casino-bonus.example/go'
  ),

  ok(
    'nl',
    'Er verdrinken elk jaar honderden mensen. Veilige routes zouden de smokkelaars uit de markt drukken.'
  ),
  ok('nl', 'Veroordeelde mensenhandelaars mogen wat mij betreft direct uitgezet worden.'),
  ok('nl', 'Dit kabinet heeft de arbeidsinspectie jarenlang uitgekleed. Nu doen ze verbaasd.'),
  ok('nl', 'Wie slachtoffers "gelukszoekers" noemt, snapt niets van uitbuiting.'),
  ok('nl', 'Dank voor dit stuk. Ik wist niet dat de meeste slachtoffers uit de EU zelf komen.'),
  hold('nl', 'Het zijn ratten, allemaal, en ratten moet je bestrijden.'),
  hold('nl', 'De omvolking is in volle gang en jullie journalisten helpen mee.'),
  hold('nl', 'Schiet die bootjes gewoon lek, probleem opgelost.'),
  hold('nl', 'Allemaal dieven en verkrachters, die nieuwkomers.'),
  hold(
    'nl',
    'Gratis iPhone winnen!!! Doe mee op http://winactie.example http://winactie.example/nu http://winactie.example/snel'
  ),

  ok(
    'de',
    'Jedes Jahr ertrinken Hunderte im Mittelmeer. Sichere Fluchtwege würden den Schleusern das Geschäft verderben.'
  ),
  ok(
    'de',
    'Verurteilte Menschenhändler gehören nach der Haft abgeschoben, das sage ich ganz offen.'
  ),
  ok('de', 'Die Bundesregierung redet seit Jahren und tut nichts. Peinlich.'),
  ok(
    'de',
    'Wer Betroffene als "Schmarotzer" beschimpft, wie es hier gestern jemand tat, hat nichts verstanden.'
  ),
  ok('de', 'Danke für den Artikel, besonders für die Zahlen zur Arbeitsausbeutung.'),
  hold('de', 'Das sind Kakerlaken, die man ausräuchern muss.'),
  hold('de', 'Der Bevölkerungsaustausch ist gewollt, und ihr Journalisten lügt darüber.'),
  hold('de', 'Auf die Boote schießen, dann kommt keiner mehr.'),
  hold('de', 'Alles Diebe und Vergewaltiger, diese Migranten.'),
  hold(
    'de',
    'Billige Medikamente ohne Rezept!!! http://pillen.example http://pillen.example/a http://pillen.example/b'
  ),
]
