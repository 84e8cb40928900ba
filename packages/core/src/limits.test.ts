import { describe, expect, it } from 'vitest'
import { DEFAULT_RATE_LIMITS, rateLimitsOutOfReach } from './limits.ts'
import { SiteSettingsSchema } from './settings.ts'

describe('rateLimitsOutOfReach', () => {
  it('keeps the listed actions at their defaults and lifts every other limit', () => {
    const limits = rateLimitsOutOfReach(['votes'])
    expect(limits.votes).toEqual(DEFAULT_RATE_LIMITS.votes)
    expect(limits.comments.network).toEqual({ max: 1_000_000, windowSeconds: 60 })
    expect(Object.keys(limits.readers)).toEqual(Object.keys(DEFAULT_RATE_LIMITS.readers))
    expect(Object.keys(limits)).toEqual(Object.keys(DEFAULT_RATE_LIMITS))
  })

  it('is a valid rateLimits setting', () => {
    const settings = SiteSettingsSchema.parse({ rateLimits: rateLimitsOutOfReach() })
    expect(settings.rateLimits.reports.reader.max).toBe(1_000_000)
  })
})
