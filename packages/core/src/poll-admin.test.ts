import { describe, expect, it } from 'vitest'
import {
  EditPollSchema,
  NewPollSchema,
  pollDefinitionIssues,
  type PollDefinition,
} from './poll-admin.ts'

const options = (...labels: string[]) => labels.map((label) => ({ label, hidden: false }))
const valid: PollDefinition = {
  kind: 'multiple',
  maxChoices: 2,
  opensAt: null,
  closesAt: null,
  options: options('A', 'B', 'C'),
}
const paths = (def: Partial<PollDefinition>) =>
  pollDefinitionIssues({ ...valid, ...def }).map((i) => i.path)

describe('pollDefinitionIssues', () => {
  it('accepts a consistent poll', () => {
    expect(paths({})).toEqual([])
  })

  it('counts only visible options towards the 2–10 and the maximum', () => {
    expect(paths({ options: [...options('A'), { label: 'B', hidden: true }] })).toEqual([
      'options',
      'maxChoices',
    ])
    expect(paths({ options: options(...'ABCDEFGHIJK') })).toEqual(['options'])
    expect(paths({ maxChoices: 4 })).toEqual(['maxChoices'])
  })

  it('keeps hidden options within the stored maximum', () => {
    const hidden = Array.from({ length: 19 }, (_, i) => ({ label: `H${i}`, hidden: true }))
    expect(paths({ options: [...options('A', 'B'), ...hidden] })).toEqual(['options'])
  })

  it('refuses the same label twice among visible options, whatever the case', () => {
    expect(paths({ options: options('Yes', 'yes') })).toEqual(['options'])
    expect(paths({ options: [...options('Yes', 'No'), { label: 'yes', hidden: true }] })).toEqual(
      []
    )
  })

  it('wants maxChoices 1 on a single-choice poll and closesAt after opensAt', () => {
    expect(paths({ kind: 'single' })).toEqual(['maxChoices'])
    expect(paths({ kind: 'single', maxChoices: 1 })).toEqual([])
    expect(paths({ opensAt: 10, closesAt: 10 })).toEqual(['closesAt'])
  })
})

describe('NewPollSchema', () => {
  it('cleans text and applies defaults', () => {
    expect(
      NewPollSchema.parse({ key: 'p', question: ' Q? ', options: [' Yes\u200B ', 'No'] })
    ).toEqual({
      key: 'p',
      question: 'Q?',
      options: ['Yes', 'No'],
      kind: 'single',
      opensAt: null,
      closesAt: null,
      resultsVisibility: 'always',
      allowVoteChange: true,
      thread: null,
    })
  })

  it('refuses unknown fields, so a typo is not silently ignored', () => {
    expect(
      NewPollSchema.safeParse({ key: 'p', question: 'Q', options: ['A', 'B'], kinds: 'x' }).success
    ).toBe(false)
  })
})

describe('EditPollSchema', () => {
  it('tells existing options (by id) from new ones (by label)', () => {
    const parsed = EditPollSchema.parse({
      options: [{ id: 'o_1', hidden: true }, { label: 'New' }],
    })
    expect(parsed.options).toEqual([
      { id: 'o_1', hidden: true },
      { label: 'New', hidden: false },
    ])
  })

  it('accepts null to clear a time and refuses closeNow: false', () => {
    expect(EditPollSchema.parse({ closesAt: null })).toEqual({ closesAt: null })
    expect(EditPollSchema.safeParse({ closeNow: false }).success).toBe(false)
  })
})
