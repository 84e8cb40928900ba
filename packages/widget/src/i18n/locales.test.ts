import { ERROR_CODES } from '@parley/core/errors'
import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import type { Translation, UnseenErrorCode } from './translation.ts'

// Every shipped locale, found by file name: a new file is checked without touching this test.
const modules = import.meta.glob<Record<string, Translation>>('./locales/*.ts', { eager: true })
const locales = Object.entries(modules).map(([path, module]) => {
  const code = /\/(\w+)\.ts$/.exec(path)![1]!
  return [code, module[code]!] as const
})

/** The error codes a locale may leave out; `satisfies` keeps this list equal to the type. */
const UNSEEN = {
  invalid_json: true,
  unsupported_media_type: true,
  method_not_allowed: true,
  option_has_votes: true,
  network_unknown: true,
  expert_not_found: true,
  invitation_invalid: true,
  invitation_expired: true,
  already_answered: true,
  sso_token_invalid: true,
  sso_not_configured: true,
} satisfies Record<UnseenErrorCode, true>

type Fn = { [K in keyof Translation]: Translation[K] extends (...a: never[]) => string ? K : never }
/** Arguments for every counted or templated string, from a count `n`. */
const ARGS: { [K in Fn[keyof Fn]]: (n: number) => Parameters<Translation[K]> } = {
  votes: (n) => [n],
  total: (n) => [n + 1, n],
  chooseUpTo: (n) => [n],
  opens: () => ['1 March 2026 at 09:00'],
  closes: () => ['in 3 days'],
  resultsAfterClose: () => ['1 March 2026 at 09:00'],
  retryIn: (n) => [n],
  commentHelp: (n) => [n],
  comments: (n) => [n],
  inReplyTo: () => ['Ana'],
  languageOption: (n) => ['Français', n],
  stanceOption: (n) => ['Yes', n],
  noStance: (n) => [n],
  voted: () => ['Yes'],
  showStance: () => ['Yes'],
  count: (n) => [n],
  showReplies: (n) => [n],
  hideReplies: (n) => [n],
  moreReplies: (n) => [n],
  reactionCount: (n) => ['Like', n],
  reacted: () => ['Like'],
  removed: () => ['spam'],
}
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 100, 1000]

/** The keys of a translation, nested records included, with the type of each value. */
const shape = (value: unknown): unknown =>
  value && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
    : typeof value

/** Every string of a translation that is not a function, with its path. */
const strings = (value: object, path = ''): [string, unknown][] =>
  Object.entries(value).flatMap(([k, v]): [string, unknown][] =>
    v && typeof v === 'object' ? strings(v, `${path}${k}.`) : [[path + k, v]]
  )

describe('shipped locales', () => {
  it('are the eight of the README: fr de nl es it pl pt ar', () => {
    expect(locales.map(([code]) => code).sort()).toEqual(
      ['ar', 'de', 'es', 'fr', 'it', 'nl', 'pl', 'pt'].sort()
    )
  })

  it('English has a message for every error code the widget can get, and nothing else', () => {
    const seen = ERROR_CODES.filter((code) => !(code in UNSEEN))
    expect(Object.keys(en.errors).sort()).toEqual([...seen].sort())
    expect(Object.keys(UNSEEN).filter((code) => !ERROR_CODES.includes(code as never))).toEqual([])
  })

  it('the test knows the arguments of every function string', () => {
    const functions = Object.keys(en).filter(
      (k) => typeof en[k as keyof Translation] === 'function'
    )
    expect(functions.sort()).toEqual(Object.keys(ARGS).sort())
  })

  describe.each(locales)('%s', (code, t) => {
    it("has exactly English's keys, nested records included", () => {
      expect(shape(t)).toEqual(shape(en))
    })

    it('has a code, a direction and plural rules of its own', () => {
      expect(t.$code).toBe(code)
      expect(Intl.getCanonicalLocales(t.$code)).toEqual([code])
      expect(new Intl.PluralRules(t.$code).resolvedOptions().locale).toBe(code)
      const info = new Intl.Locale(code) as Intl.Locale & {
        getTextInfo?: () => { direction: string }
        textInfo?: { direction: string }
      }
      expect(t.$dir).toBe((info.getTextInfo?.() ?? info.textInfo)!.direction)
    })

    it('has no empty string, and no English left untranslated', () => {
      const english = new Map(strings(en))
      const texts = strings(t).filter(([, v]) => typeof v !== 'function')
      for (const [path, value] of texts) expect(String(value).trim(), path).not.toBe('')
      // What may stay as in English: words most of these languages borrowed, and German "Name".
      const borrowed =
        /^(\$|name$|reasons\.spam|removalReasons\.spam|reactionNames\.|badges\.expert)/
      const untranslated = texts.filter(([p, v]) => v === english.get(p) && !borrowed.test(p))
      expect(untranslated).toEqual([])
    })

    it.each(Object.keys(ARGS) as (keyof typeof ARGS)[])(
      '%s returns text for every count',
      (key) => {
        const fn = t[key] as (...args: unknown[]) => string
        for (const n of COUNTS) {
          const text = fn(...ARGS[key](n))
          expect(text.trim(), `${key}(${n})`).not.toBe('')
          expect(text, `${key}(${n})`).not.toMatch(/#|undefined|NaN|\[object/)
        }
      }
    )

    it('names the stance filter options without a count when it is withheld (null)', () => {
      const [yes, none] = [t.stanceOption('Yes', null), t.noStance(null)]
      expect(t.stanceOption('Yes', 3)).toContain(yes)
      expect(t.noStance(3)).toContain(none)
      expect(`${yes} ${none}`).not.toMatch(/[()\d٠-٩]|null|undefined/)
    })

    it("counts in every plural category of the language's CLDR rules", () => {
      const rules = new Intl.PluralRules(code)
      const categories = new Set(COUNTS.map((n) => rules.select(n)))
      for (const key of ['votes', 'comments'] as const) {
        const forms = new Set(COUNTS.map((n) => t[key](n).replace(n.toLocaleString(code), '#')))
        expect(forms.size, key).toBe(categories.size)
      }
      expect(t.comments(1000)).toContain((1000).toLocaleString(code))
    })
  })
})
