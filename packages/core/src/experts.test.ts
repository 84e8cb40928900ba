import { describe, expect, it } from 'vitest'
import {
  EditExpertResponseSchema,
  EditExpertSchema,
  EXPERT_NAME_MAX,
  INVITATION_HOURS_DEFAULT,
  NewExpertResponseSchema,
  NewExpertSchema,
} from './experts.ts'
import { InvitationListQuerySchema, NewInvitationSchema } from './invitations.ts'

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? []

describe('NewExpertSchema', () => {
  const expert = { name: ' Ana  Ferreira ', title: 'MEP', organisation: 'European Parliament' }

  it('cleans the names and defaults the photo to none', () => {
    expect(NewExpertSchema.parse(expert)).toEqual({
      name: 'Ana Ferreira',
      title: 'MEP',
      organisation: 'European Parliament',
      photoUrl: null,
    })
  })

  it('takes only https photo URLs', () => {
    const photo = (photoUrl: string) => NewExpertSchema.safeParse({ ...expert, photoUrl })
    expect(photo('https://news.example/a.jpg').success).toBe(true)
    for (const bad of [
      'http://news.example/a.jpg',
      'javascript:alert(1)',
      'data:image/png;base64,AA',
    ]) {
      expect(paths(photo(bad)), bad).toEqual(['photoUrl'])
    }
  })

  it('refuses empty or over-long fields and unknown ones', () => {
    const bad = NewExpertSchema.safeParse({
      name: 'x'.repeat(EXPERT_NAME_MAX + 1),
      title: '  ',
      organisation: 'O',
      email: 'a@b.example',
    })
    expect(paths(bad).sort()).toEqual(['', 'name', 'title'])
  })
})

describe('edits', () => {
  it('need at least one field', () => {
    expect(EditExpertSchema.safeParse({}).success).toBe(false)
    expect(EditExpertSchema.parse({ photoUrl: null })).toEqual({ photoUrl: null })
    expect(EditExpertResponseSchema.safeParse({}).success).toBe(false)
  })
})

describe('NewExpertResponseSchema', () => {
  it('trims the text and names an empty one', () => {
    const id = 'x_0123456789abcdef'
    expect(NewExpertResponseSchema.parse({ expertId: id, text: ' Hi ' }).text).toBe('Hi')
    expect(paths(NewExpertResponseSchema.safeParse({ expertId: id, text: ' ' }))).toEqual(['text'])
    expect(paths(NewExpertResponseSchema.safeParse({ expertId: 'c_1', text: 'x' }))).toEqual([
      'expertId',
    ])
  })
})

describe('invitations', () => {
  it('expire after a week unless told, within 1–720 hours', () => {
    const expertId = 'x_0123456789abcdef'
    expect(NewInvitationSchema.parse({ expertId }).expiresInHours).toBe(INVITATION_HOURS_DEFAULT)
    for (const expiresInHours of [0, 721, 2.5]) {
      expect(paths(NewInvitationSchema.safeParse({ expertId, expiresInHours }))).toEqual([
        'expiresInHours',
      ])
    }
  })

  it('page with the cursor the listing gave', () => {
    expect(
      InvitationListQuerySchema.safeParse({ cursor: '1700000000000.xi_0123456789abcdef' }).success
    ).toBe(true)
    expect(paths(InvitationListQuerySchema.safeParse({ cursor: '17.c_0123456789abcdef' }))).toEqual(
      ['cursor']
    )
  })
})
