import { describe, expect, it } from 'vitest'
import { COMMENT_TEXT_MAX, DISPLAY_NAME_MAX } from './limits.ts'
import { NewCommentSchema } from './comment.ts'
import { ThreadKeySchema } from './ids.ts'

describe('NewCommentSchema', () => {
  it('normalises to NFC and strips invisible characters', () => {
    const parsed = NewCommentSchema.parse({
      authorName: '  Ame\u0301lie\u200B  ',
      text: 'Bonjour\u202E\r\nà tous\u0007',
    })
    expect(parsed.authorName).toBe('Amélie')
    expect(parsed.text).toBe('Bonjour\nà tous')
  })

  it('rejects a text that is empty after trimming, naming the field', () => {
    const result = NewCommentSchema.safeParse({ authorName: 'Tom', text: ' \u200B\n ' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['text'], message: 'must not be empty' })
  })

  it('enforces the display name and text limits after cleaning', () => {
    expect(
      NewCommentSchema.safeParse({ authorName: 'x'.repeat(DISPLAY_NAME_MAX), text: 'ok' }).success
    ).toBe(true)
    expect(
      NewCommentSchema.safeParse({ authorName: 'x'.repeat(DISPLAY_NAME_MAX + 1), text: 'ok' })
        .success
    ).toBe(false)
    expect(
      NewCommentSchema.safeParse({ authorName: 'Tom', text: 'y'.repeat(COMMENT_TEXT_MAX + 1) })
        .success
    ).toBe(false)
  })

  it('collapses white space inside a display name', () => {
    expect(NewCommentSchema.parse({ authorName: 'Jan \n  de Vries', text: 'Hoi' }).authorName).toBe(
      'Jan de Vries'
    )
  })
})

describe('ThreadKeySchema', () => {
  it('accepts page paths and unicode slugs', () => {
    expect(ThreadKeySchema.safeParse('/2020/02/trafficking').success).toBe(true)
    expect(ThreadKeySchema.safeParse('débat-europe').success).toBe(true)
  })
  it('refuses spaces and control characters', () => {
    expect(ThreadKeySchema.safeParse('a b').success).toBe(false)
    expect(ThreadKeySchema.safeParse('a\u0000b').success).toBe(false)
  })
})
