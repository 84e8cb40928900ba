import { describe, expect, it } from 'vitest'
import {
  compileLexicon,
  findLexicon,
  isQuoted,
  LEXICON,
  lexiconMatcher,
  type LexiconCategory,
} from './lexicon.ts'

const categories = (text: string): LexiconCategory[] =>
  findLexicon(text).map((hit) => hit.entry.category)
const weight = (text: string) => findLexicon(text).reduce((sum, hit) => sum + hit.weight, 0)

describe('the built-in lexicon', () => {
  it('compiles, with entries in all four languages and every category', () => {
    expect(lexiconMatcher().size).toBe(LEXICON.length)
    for (const lang of ['en', 'fr', 'nl', 'de'] as const) {
      expect(LEXICON.some((e) => e.lang === lang)).toBe(true)
    }
    const all: LexiconCategory[] = [
      'dehumanising',
      'generalisation',
      'exclusion',
      'conspiracy',
      'violence',
      'threat',
      'slur',
      'spam',
    ]
    expect(new Set(LEXICON.map((e) => e.category))).toEqual(new Set(all))
    for (const e of LEXICON) expect([0.4, 0.5, 1, 2], e.pattern).toContain(e.weight)
  })

  it('rejects a malformed pattern', () => {
    const entry = { lang: 'en', category: 'spam', weight: 1 } as const
    expect(() => compileLexicon([{ ...entry, pattern: '{nope}' }])).toThrow(/unknown macro/)
    expect(() => compileLexicon([{ ...entry, pattern: '~2 spam' }])).toThrow(/start and end/)
    expect(() => compileLexicon([{ ...entry, pattern: "spam|l'eggs" }])).toThrow(/one word/)
    expect(() => compileLexicon([{ ...entry, pattern: 'spam ^|eggs' }])).toThrow(/must begin/)
    expect(() => compileLexicon([{ ...entry, pattern: '^|spam ~2 eggs' }])).toThrow(/gap/)
    expect(() => compileLexicon([{ ...entry, pattern: 'spam [^|a] eggs' }])).toThrow(/one word/)
  })

  it('reads "^" as the start of a sentence, [x] as an optional word', () => {
    const entry = { lang: 'en', category: 'violence', weight: 1 } as const
    const matcher = compileLexicon([{ ...entry, pattern: '^|should [just] eat them' }])
    const found = (text: string) => findLexicon(text, matcher).map((h) => h.excerpt)
    expect(found('Eat them.')).toEqual(['Eat them'])
    expect(found('Fine. Just eat them.')).toEqual(['Just eat them'])
    expect(found('We should eat them.')).toEqual(['should eat them'])
    expect(found('Bears eat them.')).toEqual([])
    expect(found('We should really eat them.')).toEqual([])
  })

  it('cancels a match near an "unless" word, or one whose nearest referent is "notAbout"', () => {
    const entry = { lang: 'en', category: 'dehumanising', weight: 1 } as const
    const matcher = compileLexicon([
      { ...entry, pattern: 'they are beasts', unless: 'not|never', notAbout: 'elite' },
    ])
    const found = (text: string) => findLexicon(text, matcher).length
    expect(found('They are beasts.')).toBe(1)
    expect(found('It is not true that they are beasts.')).toBe(0)
    expect(found('They are beasts, never forget it.')).toBe(0)
    // The nearest referent decides: the smugglers (elite) cancel, migrants (a group) keep it.
    expect(found('The smugglers beat them. They are beasts.')).toBe(0)
    expect(found('The smugglers brought migrants. They are beasts.')).toBe(1)
  })

  it('counts overlapping matches once, at the highest weight, except spam cues', () => {
    // "ils sont tous des criminels" is matched by two generalisation entries.
    expect(findLexicon('Ils sont tous des criminels.').map((h) => h.weight)).toEqual([1])
    // Untermenschen is in three languages' lists (and "das sind …" applies it to people).
    expect(weight('Das sind Untermenschen.')).toBe(1)
    expect(weight('Online casino: 50 free spins!')).toBeGreaterThan(2)
  })

  it('finds word families, not fragments of other words', () => {
    expect(categories('They are parasites.')).toEqual(['dehumanising'])
    expect(categories('De parasieten!')).toEqual(['dehumanising'])
    // "neger" is a Dutch slur; "negeren" (to ignore) is not.
    expect(categories('We kunnen dit niet negeren.')).toEqual([])
    expect(categories('Policies in Niger and Nigeria')).toEqual([])
    expect(categories('A Pakistani court ruled on it.')).toEqual([])
  })
})

describe('generalisations', () => {
  it.each([
    'All migrants are criminals.',
    'Refugees are nothing but parasites',
    'Les immigrés sont tous des délinquants.',
    'Asielzoekers zijn allemaal profiteurs.',
    'Die Flüchtlinge sind alle Verbrecher.',
  ])('flags "%s"', (text) => {
    expect(categories(text)).toContain('generalisation')
  })

  it.each([
    'Some migrants are criminals, like in any population.',
    'Refugees are not criminals.',
    "Refugees aren't criminals.",
    'Migrants are often victims of criminals.',
    'Migrants in some of those camps are treated like animals.',
    'Les migrants ne sont pas des criminels.',
    'Les migrants sont des victimes, pas des criminels.',
    'Asielzoekers zijn geen criminelen.',
    'Geflüchtete sind nicht krimineller als andere.',
    'Die Flüchtlinge sind Opfer von kriminellen Banden.',
    'Migrants who are criminals should be deported.',
  ])('does not flag "%s"', (text) => {
    expect(categories(text)).not.toContain('generalisation')
  })
})

describe('threats and exclusion', () => {
  it('flags calls for violence, in four languages, at weight 2', () => {
    for (const text of [
      'They should all be shot.',
      'Il faut les fusiller.',
      'Die moeten allemaal opgehangen worden.',
      'Die sollte man erschießen.',
    ]) {
      const hits = findLexicon(text).filter((h) => h.entry.category === 'threat')
      expect(
        hits.map((h) => h.weight),
        text
      ).toEqual([2])
    }
  })

  it('does not flag policy words or negated violence', () => {
    for (const text of [
      'Failed asylum seekers should be deported.',
      'No one should be shot for crossing a border.',
      'They should not be killed in the desert.',
      'Trafficking must be eradicated.',
      'Il faut éliminer la pauvreté.',
      'Mensenhandel moet uitgeroeid worden.',
      'Menschenhandel muss ausgerottet werden.',
      'Traffickers should be prosecuted and jailed.',
    ]) {
      expect(categories(text), text).toEqual([])
    }
  })

  it('flags mass expulsion of a group, not removal of people without a right to stay', () => {
    expect(categories('Deport all Muslims.')).toEqual(['exclusion'])
    expect(categories('Renvoyez tous les étrangers.')).toEqual(['exclusion'])
    expect(categories('Deport all illegal migrants with a final rejection.')).toEqual([])
    expect(categories('Alle uitgeprocedeerde asielzoekers terugsturen.')).toEqual([])
  })
})

describe('spam', () => {
  it('adds up several spam phrases to a hold', () => {
    expect(
      weight('Earn 500 euros a day from home with bitcoin, write me on WhatsApp')
    ).toBeGreaterThanOrEqual(1)
    expect(weight('Online casino: 50 free spins!')).toBeGreaterThanOrEqual(1)
  })

  it('one innocent mention alone stays under the hold score', () => {
    for (const text of [
      'Traffickers launder money through crypto and casinos.',
      'Victims are recruited through WhatsApp groups.',
      'Migrant workers earn 3 euros an hour in those greenhouses.',
      'She was far from home.',
      'Girls are lured away from home with job offers on WhatsApp.',
      'Migrant workers earn 3 euros an hour and are recruited on Telegram.',
    ]) {
      expect(weight(text), text).toBeLessThan(1)
    }
  })
})

const holds = (text: string) => weight(text) >= 1

describe('violence: wishes and calls for violence against people', () => {
  it.each([
    // en
    'Shoot them before they land.',
    'Just drown them.',
    'We should gas the lot of them.',
    'Honestly they should have let them drown.',
    'I hope every one of those dinghies sinks.',
    'They should all die.',
    'Line them up against the wall.',
    'These invaders should be eradicated.',
    'Burn down the asylum hotels.',
    'The navy should open fire on the boats.',
    'The only good migrant is a dead one.',
    'They deserve a bullet.',
    // fr
    'Il faut les noyer.',
    "Qu'on les fusille.",
    'Noyez-les tous !',
    "J'espère qu'ils vont tous se noyer.",
    "Qu'ils crèvent.",
    'Il faudrait couler leurs rafiots.',
    'Ils devraient tous être fusillés.',
    'Au poteau !',
    // nl
    'Die moeten ze allemaal afschieten.',
    'Schiet ze allemaal neer.',
    'Laat ze maar verzuipen.',
    'Ik hoop dat ze allemaal verzuipen.',
    'Hopelijk zinkt die boot.',
    'Zet ze tegen de muur.',
    // de
    'Man sollte sie alle ertränken.',
    'Knallt sie ab!',
    'Lasst sie absaufen.',
    'Sollen sie doch verrecken.',
    'Hoffentlich kentert der Kahn.',
    'Die Asylheime sollte man abfackeln.',
  ])('holds "%s"', (text) => {
    expect(
      categories(text).some((c) => c === 'violence' || c === 'threat'),
      text
    ).toBe(true)
    expect(holds(text), text).toBe(true)
  })

  it.each([
    // Reports of deaths, policy and metaphors, not wishes.
    'Hundreds drowned when the boat sank off Lampedusa.',
    'People drown in the Mediterranean every week while Brussels debates.',
    'The police shot down that theory within a day.',
    'Traffickers must be prosecuted and their assets seized.',
    'Smugglers beat them and sometimes kill them.',
    'The smugglers threatened to kill them if they talked.',
    'Europe lets them drown.',
    'The EU let them drown in 2015 and learned nothing.',
    'We cannot let them drown.',
    'Nobody should drown crossing the sea.',
    'Why should they die because Europe cannot agree?',
    'How many more people must drown before the EU acts?',
    'I hope they survive the crossing.',
    'I hope nobody drowns this summer.',
    'Better they stay home than drown at sea.',
    'We need to kill the people smuggling business.',
    'Kill the bill, it helps nobody.',
    'Greek coastguards push migrants back into the sea, reports say.',
    'Il faut couler le modèle économique des passeurs.',
    'Les passeurs menacent de les tuer.',
    'Il ne faut pas les laisser se noyer.',
    "Il est inacceptable qu'ils se noient par milliers.",
    "Les décisions d'expulsion doivent être exécutées.",
    'Europa laat ze verdrinken in de Middellandse Zee.',
    'We mogen ze niet laten verdrinken.',
    'Ze hopen op een beter leven en verdrinken onderweg.',
    'De smokkelaars dreigden ze overboord te gooien.',
    'De politie schiet ze neer als ze vluchten.',
    'Die EU lässt sie absaufen.',
    'Viele hoffen auf ein besseres Leben und sterben im Mittelmeer.',
    'Hoffentlich sinken die Zahlen bald.',
    'Die Schlepperbanden muss man zerschlagen.',
    'Erschießen ist keine Lösung.',
  ])('does not hold "%s"', (text) => {
    expect(holds(text), text).toBe(false)
  })
})

describe('dehumanising words applied to people', () => {
  it.each([
    'They are animals.',
    'These people are savages.',
    'A bunch of rats, that is what they are.',
    'Filthy animals, the lot of them.',
    'They spread like cockroaches.',
    'They are not human.',
    'Ce sont des animaux.',
    "C'est de la racaille.",
    'Une bande de sauvages.',
    'Ces gens sont des bêtes sauvages.',
    'Het zijn beesten.',
    'Dat tuig hoort hier niet.',
    'Ze zijn geen mensen.',
    'Das ist Pack.',
    'Dieses Gesindel gehört nicht hierher.',
    'Diese Leute sind Tiere.',
  ])('holds "%s" on its own', (text) => {
    expect(categories(text), text).toContain('dehumanising')
    expect(holds(text), text).toBe(true)
  })

  it.each([
    // A condemnation of how people are treated, a negation, a literal animal, or the smugglers.
    'Smugglers treat people like animals.',
    'They are treated like animals in those camps.',
    'They are treated like rats in those detention centres.',
    'They are not animals, they are human beings.',
    'Ils sont traités comme des animaux.',
    'Het zijn geen beesten, het zijn mensen.',
    'Ze worden als beesten behandeld.',
    'Das sind keine Tiere, das sind Menschen.',
    'Diese armen Tiere wurden geschmuggelt.',
    'The smugglers? They are animals, every one of them.',
    'Dieses Pack von Schleusern gehört hinter Gitter.',
    'Wer Geflüchtete als „Ungeziefer“ bezeichnet, hat nichts gelernt.',
    'Dit stelletje politici doet niets.',
  ])('does not hold "%s"', (text) => {
    expect(holds(text), text).toBe(false)
  })

  it.each([
    'Migrant scum everywhere you look.',
    'Refugee parasites living off our taxes.',
    'Our cities are crawling with migrants.',
    'Europe is full of savages now.',
  ])('holds "%s" (a group called vermin, or a place overrun by them)', (text) => {
    expect(holds(text), text).toBe(true)
  })

  it.each([
    'Refugee camps in Greece are overcrowded and full of rats.',
    'Scum of the earth, these traffickers.',
  ])('does not hold "%s" (real rats, or the smugglers)', (text) => {
    expect(holds(text), text).toBe(false)
  })

  it('still counts a lone word of the rabble family at 0.5', () => {
    expect(weight('What scum.')).toBe(0.5)
    expect(weight('So ein Gesindel.')).toBe(0.5)
  })
})

describe('glorifying extermination', () => {
  it.each([
    'Hitler was right.',
    'Hitler avait raison.',
    'Time for a final solution to the migrant problem.',
    'Ab ins Gas mit denen.',
  ])('holds "%s"', (text) => {
    expect(holds(text), text).toBe(true)
  })

  it.each([
    "The Nazis' final solution began with words like these.",
    'Nobody thinks Hitler was right about anything.',
    "Hitler was right-wing, obviously, but that's not the point.",
  ])('does not hold "%s"', (text) => {
    expect(holds(text), text).toBe(false)
  })
})

describe('conspiracy and replacement vocabulary', () => {
  it.each([
    'The great replacement is happening before our eyes.',
    'This is a planned invasion of Europe.',
    'White genocide is real.',
    'We are being replaced.',
    'This is not immigration, it is an invasion.',
    'Le grand remplacement est en marche.',
    "C'est une invasion migratoire.",
    'De omvolking is in volle gang.',
    'Die Umvolkung läuft.',
    'Der Bevölkerungsaustausch ist gewollt.',
  ])('holds "%s"', (text) => {
    expect(categories(text), text).toContain('conspiracy')
    expect(holds(text), text).toBe(true)
  })

  it.each([
    'The great replacement is a racist conspiracy theory.',
    'The so-called great replacement is a far-right myth.',
    'La théorie du grand remplacement est un fantasme d’extrême droite.',
    'Omvolking is een complottheorie van extreemrechts.',
    'Die Verschwörungstheorie vom großen Austausch ist Unsinn.',
    "Russia's invasion of Ukraine forced millions to flee.",
    'Die Invasion der Ukraine hat Millionen vertrieben.',
    'Robots will replace us before migrants do.',
  ])('does not hold "%s" (debunked, or another invasion)', (text) => {
    expect(holds(text), text).toBe(false)
  })
})

describe('blanket exclusion', () => {
  it.each([
    'Send them all back.',
    'Migrants out!',
    "They don't belong here.",
    'Ship every last one of them back.',
    'Renvoyez-les tous chez eux.',
    "Ils n'ont qu'à rentrer chez eux.",
    'On est chez nous !',
    'Stuur ze allemaal terug.',
    'Ze moeten allemaal terug.',
    "They're not welcome here.",
    'This is our country, not theirs.',
    'Alle abschieben!',
    'Schiebt sie alle ab.',
  ])('holds "%s"', (text) => {
    expect(categories(text), text).toContain('exclusion')
    expect(holds(text), text).toBe(true)
  })

  it.each([
    // Policy about legal status, a negation, or people leaving camps.
    'Rejected asylum seekers must leave. Deport them all, quickly and humanely.',
    'The government cannot simply deport them all.',
    'Refugees out of the camps and into proper housing!',
    'Children do not belong in detention camps.',
    'Les déboutés doivent partir, il faut les renvoyer chez eux.',
    'De uitgeprocedeerden moeten allemaal terug, dat is de wet.',
    'De vluchtelingen gaan allemaal terug als het veilig is.',
    'Abgelehnte Asylbewerber sofort abschieben.',
    'Straftäter sofort abschieben, das ist Konsens.',
    'Der Islam gehört nicht zu Deutschland, sagte der Minister.',
    'Our country is not yours to destroy, minister.',
    'Refugees go home when the war ends, most of them.',
  ])('does not hold "%s"', (text) => {
    expect(holds(text), text).toBe(false)
  })
})

describe('collective criminalisation', () => {
  it.each([
    'All of them are criminals.',
    'They are all rapists.',
    'Every migrant is a potential terrorist.',
    'Migrants bring crime wherever they go.',
    'Ils sont tous des criminels.',
    'Tous des voleurs.',
    'Ze zijn allemaal crimineel.',
    'Allemaal crimineel, die gasten.',
    'Das sind alles Verbrecher.',
    'Die sind alle kriminell.',
  ])('holds "%s"', (text) => {
    expect(categories(text), text).toContain('generalisation')
    expect(holds(text), text).toBe(true)
  })

  it.each([
    'Not all of them are criminals.',
    'They are all victims of the same criminal networks.',
    'Our politicians are all criminals for letting this happen.',
    'The ministers? Tous des voleurs.',
    'De smokkelaars zijn allemaal criminelen.',
    'Die Schlepper sind alle Verbrecher.',
    'Migrants are taking dangerous routes.',
    'Ils ne sont pas tous des criminels.',
  ])('does not hold "%s"', (text) => {
    expect(holds(text), text).toBe(false)
  })
})

describe('quotation marks', () => {
  it('counts a quoted word at half its weight', () => {
    for (const text of [
      'He called them "vermin".',
      'Il les a traités de « vermine ».',
      "Ze noemde ze 'ongedierte'.",
      'Er nannte sie „Ungeziefer“.',
    ]) {
      const [hit] = findLexicon(text)
      expect(hit?.quoted, text).toBe(true)
      expect(hit?.weight, text).toBe(0.5)
    }
    expect(findLexicon('They are vermin.')[0]?.weight).toBe(1)
  })

  it('counts a match inside a longer quotation, or ending on a quoted word, at half', () => {
    expect(weight('He said "send them all back", which is disgraceful.')).toBe(0.5)
    expect(weight('Wer Geflüchtete als „Ungeziefer“ bezeichnet, hat nichts gelernt.')).toBe(0.5)
    // Apostrophes and a possessive are not quotation marks.
    expect(findLexicon("They're animals.")[0]?.quoted).toBe(false)
    expect(findLexicon("The smugglers' boats? Sink the boats.")[0]?.quoted).toBe(false)
  })

  it('isQuoted needs a quotation mark on both sides', () => {
    expect(isQuoted('"abc"', 1, 4)).toBe(true)
    expect(isQuoted('« abc »', 2, 5)).toBe(true)
    expect(isQuoted('"abc', 1, 4)).toBe(false)
    expect(isQuoted('abc', 0, 3)).toBe(false)
    expect(isQuoted('"abc def" x', 1, 4)).toBe(true)
    expect(isQuoted("don't abc", 6, 9)).toBe(false)
  })
})
