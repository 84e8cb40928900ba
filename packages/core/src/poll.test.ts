import { describe, expect, it } from 'vitest'
import { percentages, pollStatus, resultsStatus, VOTE_OPTION_IDS_MAX, VoteSchema } from './poll.ts'

describe('percentages', () => {
  it('sums to 100 by largest remainder', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33])
    expect(percentages([2, 1])).toEqual([67, 33])
    expect(percentages([7, 0, 3])).toEqual([70, 0, 30])
  })
  it('returns zeros when nobody voted', () => {
    expect(percentages([0, 0])).toEqual([0, 0])
  })
  it('always sums to 100 for any non-empty tally', () => {
    for (let seed = 1; seed < 500; seed++) {
      const counts = Array.from({ length: (seed % 9) + 2 }, (_, i) => (seed * (i + 7)) % 13)
      const sum = percentages(counts).reduce((a, b) => a + b, 0)
      expect(sum).toBe(counts.some((n) => n > 0) ? 100 : 0)
    }
  })
})

describe('pollStatus', () => {
  const at = { opensAt: 1000, closesAt: 2000 }
  it('is scheduled before opensAt, open from it, closed from closesAt on', () => {
    expect(pollStatus(at, 999)).toBe('scheduled')
    expect(pollStatus(at, 1000)).toBe('open')
    expect(pollStatus(at, 1999)).toBe('open')
    expect(pollStatus(at, 2000)).toBe('closed')
  })
  it('treats null as open-ended', () => {
    expect(pollStatus({ opensAt: null, closesAt: null }, 0)).toBe('open')
    expect(pollStatus({ opensAt: null, closesAt: 5 }, 5)).toBe('closed')
  })
})

describe('resultsStatus', () => {
  it('shows results always, after a vote, or after close, as the publisher chose', () => {
    expect(resultsStatus('always', 'open', false)).toBe('visible')
    expect(resultsStatus('after_vote', 'open', false)).toBe('hidden_until_vote')
    expect(resultsStatus('after_vote', 'open', true)).toBe('visible')
    expect(resultsStatus('after_close', 'open', true)).toBe('hidden_until_close')
    expect(resultsStatus('after_close', 'scheduled', false)).toBe('hidden_until_close')
  })
  it('shows everyone the results of a closed poll', () => {
    expect(resultsStatus('after_close', 'closed', false)).toBe('visible')
    expect(resultsStatus('after_vote', 'closed', false)).toBe('visible')
  })
})

describe('VoteSchema', () => {
  it('takes one or more option ids', () => {
    expect(VoteSchema.parse({ optionIds: ['o_1', 'o_2'] })).toEqual({ optionIds: ['o_1', 'o_2'] })
  })
  it('leaves more ids than any poll allows, and repeated ones, to the poll to refuse', () => {
    const optionIds = Array.from({ length: VOTE_OPTION_IDS_MAX }, (_, i) => `o_${i % 11}`)
    expect(VoteSchema.parse({ optionIds })).toEqual({ optionIds })
  })
  it.each([
    {},
    { optionIds: [] },
    { optionIds: ['1'] },
    { optionId: 'o_1' },
    { optionIds: Array(VOTE_OPTION_IDS_MAX + 1).fill('o_1') },
  ])('refuses %j', (body) => {
    expect(VoteSchema.safeParse(body).success).toBe(false)
  })
})
