import { describe, expect, it } from 'vitest'
import { COMMENT_TEXT_MAX, DISPLAY_NAME_MAX } from './limits.ts'
import { EditCommentSchema, NewCommentSchema } from './comment.ts'
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

  it('keeps the joiners of emoji sequences and of Persian and Indic scripts', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'
    const persian = '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645'
    const hindi = '\u0915\u094D\u200D\u0937'
    const parsed = NewCommentSchema.parse({
      authorName: `Ana ${family}`,
      text: `${family} ${persian} ${hindi}`,
    })
    expect(parsed.authorName).toBe(`Ana ${family}`)
    expect(parsed.text).toBe(`${family} ${persian} ${hindi}`)
  })

  it('strips zero-width spaces, bidi overrides and isolates, and direction marks from names', () => {
    const parsed = NewCommentSchema.parse({
      authorName: '\u200FAda\u200E\u2066',
      text: 'a\u200Bb \u202Dc\u202C \u2067d\u2069 \uFEFFe \u05D0\u200F!',
    })
    expect(parsed.authorName).toBe('Ada')
    // Direction marks stay in a text: they place punctuation next to right-to-left words.
    expect(parsed.text).toBe('ab c d e \u05D0\u200F!')
  })

  it('counts lengths in UTF-16 code units, as HTML maxlength does', () => {
    const emoji = '\u{1F600}'
    expect(emoji.length).toBe(2)
    const fits = emoji.repeat(COMMENT_TEXT_MAX / 2)
    expect(NewCommentSchema.safeParse({ authorName: 'Tom', text: fits }).success).toBe(true)
    expect(NewCommentSchema.safeParse({ authorName: 'Tom', text: `${fits}x` }).success).toBe(false)
  })

  it('applies the same rules to an edit', () => {
    expect(EditCommentSchema.parse({ text: ' e\u0301\u200B ' }).text).toBe('\u00E9')
    const empty = EditCommentSchema.safeParse({ text: '\u200B \u0007' })
    expect(empty.error?.issues[0]).toMatchObject({ path: ['text'], message: 'must not be empty' })
    expect(EditCommentSchema.safeParse({ text: 'y'.repeat(COMMENT_TEXT_MAX + 1) }).success).toBe(
      false
    )
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
