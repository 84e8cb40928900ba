import { describe, expect, it } from 'vitest'
import {
  EditSiteSchema,
  mergePatch,
  mergeSiteSettings,
  OriginSchema,
  SiteSettingsPatchSchema,
} from './admin-sites.ts'
import { SiteSettingsSchema } from './settings.ts'

const DEFAULTS = SiteSettingsSchema.parse({})
const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.'))

describe('SiteSettingsPatchSchema', () => {
  it('accepts any part of the settings at any depth, and nothing else', () => {
    expect(SiteSettingsPatchSchema.parse({})).toEqual({})
    const patch = { moderation: { holdRules: { maxLinks: 5 } }, reactions: { showCounts: false } }
    expect(SiteSettingsPatchSchema.parse(patch)).toEqual(patch)
  })

  it('adds no defaults, so the fields left out keep their stored value', () => {
    expect(SiteSettingsPatchSchema.parse({ moderation: { mode: 'pre' } })).toEqual({
      moderation: { mode: 'pre' },
    })
  })

  it('names the offending field at any depth', () => {
    const result = SiteSettingsPatchSchema.safeParse({
      moderation: { holdRules: { maxLinks: -1 }, mode: 'sometimes' },
      reactions: { set: ['👍', '👍'] },
    })
    expect(result.success).toBe(false)
    expect(paths(result)?.sort()).toEqual([
      'moderation.holdRules.maxLinks',
      'moderation.mode',
      'reactions.set',
    ])
  })

  it('refuses unknown fields instead of dropping them', () => {
    const result = SiteSettingsPatchSchema.safeParse({ moderaton: { mode: 'pre' } })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys')
    expect(SiteSettingsPatchSchema.safeParse({ moderation: { holdRule: {} } }).success).toBe(false)
  })
})

describe('mergePatch and mergeSiteSettings', () => {
  it('merge objects field by field and replace arrays whole', () => {
    expect(mergePatch({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] } })).toEqual({
      a: { b: 1, c: [3] },
      d: 1,
    })
  })

  it('return the whole settings, validated', () => {
    const merged = mergeSiteSettings(DEFAULTS, { moderation: { holdRules: { maxLinks: 0 } } })
    expect(merged.success).toBe(true)
    expect(merged.data?.moderation.holdRules).toEqual({
      ...DEFAULTS.moderation.holdRules,
      maxLinks: 0,
    })
    expect(merged.data?.reactions).toEqual(DEFAULTS.reactions)
  })
})

describe('OriginSchema and EditSiteSchema', () => {
  it.each(['https://news.example', 'http://localhost:8787', 'https://news.example/'])(
    'accepts the origin %s',
    (origin) => expect(OriginSchema.safeParse(origin).success).toBe(true)
  )

  it.each([
    'news.example',
    'ftp://news.example',
    'https://news.example/path',
    'https://a.example?x',
    'https://a.example#x',
    'https://user@a.example',
    'https://a.example:99999',
    'https://a..example',
    'https://naïve.example',
  ])('refuses %s', (origin) => expect(OriginSchema.safeParse(origin).success).toBe(false))

  it('normalises and de-duplicates the origins, as browsers send them', () => {
    expect(
      EditSiteSchema.parse({
        allowedOrigins: ['https://News.example/', 'https://news.example:443', 'http://[::1]:8787'],
      })
    ).toEqual({ allowedOrigins: ['https://news.example', 'http://[::1]:8787'] })
    expect(OriginSchema.parse('http://localhost:80')).toBe('http://localhost')
  })
})
