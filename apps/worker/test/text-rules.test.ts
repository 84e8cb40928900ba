import { CommentSchema, COMMENT_TEXT_MAX, DISPLAY_NAME_MAX, type Comment } from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  commentPath,
  commentRow,
  commentsPath,
  createSites,
  expectBody,
  expectError,
  findInTree,
  getPage,
  newReader,
} from './helpers.ts'

// The text rules of the contract (packages/core/src/text.ts, cleanedString in comment.ts) through
// the API: what is stored and listed after cleaning, and what is refused, on POST and on PATCH.

const THREAD = 'text-rules'
let token: string

beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
})

const post = (json: Record<string, unknown>) =>
  api(commentsPath(THREAD), {
    method: 'POST',
    token,
    json: { authorName: 'Ada', text: 'Hi', ...json },
  })
const edit = (id: string, text: unknown) =>
  api(commentPath(id), { method: 'PATCH', token, json: { text } })

async function posted(json: Record<string, unknown>): Promise<Comment> {
  return expectBody(await post(json), 201, CommentSchema)
}

/** The comment as stored and as listed. */
async function storedAndListed(id: string) {
  const row = (await commentRow(id)) as { text: string; author_name: string }
  const listed = findInTree((await getPage(THREAD, { limit: 100 }, token)).comments, id)!
  return { row, listed }
}

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'
const PERSIAN = '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645'

describe('text cleaning through POST and PATCH', () => {
  it('stores and lists NFC text without control, zero-width or bidi-override characters', async () => {
    const comment = await posted({
      authorName: ' Ame\u0301lie\u200B\u202E ',
      text: ' Caf\u0065\u0301\u0007 \u200Bzero\u2066 \u202Eevil\u202C\r\nnext\uFEFF ',
    })
    const { row, listed } = await storedAndListed(comment.id)
    expect(row.author_name).toBe('Amélie')
    expect(row.text).toBe('Café zero evil\nnext')
    expect(row.text.normalize('NFC')).toBe(row.text)
    expect(listed).toMatchObject({ author: { name: 'Amélie' }, text: 'Café zero evil\nnext' })
    expect(comment.text).toBe('Café zero evil\nnext')
  })

  it('keeps the joiners of emoji sequences and of Persian text', async () => {
    const comment = await posted({ authorName: `Sara ${FAMILY}`, text: `${FAMILY} ${PERSIAN}` })
    const { row } = await storedAndListed(comment.id)
    expect(row).toMatchObject({ author_name: `Sara ${FAMILY}`, text: `${FAMILY} ${PERSIAN}` })
  })

  it.each([
    ['a text of invisible characters', { text: '\u200B\u0007 \u202E\n' }, ['body.text']],
    ['a blank name', { authorName: ' \u200B\u2066 ' }, ['body.authorName']],
    [
      'a name over the limit',
      { authorName: 'x'.repeat(DISPLAY_NAME_MAX + 1) },
      ['body.authorName'],
    ],
    ['a text over the limit', { text: 'y'.repeat(COMMENT_TEXT_MAX + 1) }, ['body.text']],
    // 2,501 emoji outside the BMP: 5,002 UTF-16 code units, as the widget's maxlength counts.
    ['a text of too many code units', { text: '\u{1F600}'.repeat(2501) }, ['body.text']],
  ])('refuses %s with 400 naming the field', async (_, json, paths) => {
    const res = await post(json)
    const body = await expectError(res, 400, 'invalid_input', paths)
    expect(body.error.issues?.[0]?.message).toMatch(/must not be empty|must be at most/)
  })

  it('accepts a name and a text at their limits, counted after trimming', async () => {
    const name = 'n'.repeat(DISPLAY_NAME_MAX)
    const text = 't'.repeat(COMMENT_TEXT_MAX)
    const comment = await posted({ authorName: `  ${name}  `, text: `\n${text}\u200B\n` })
    const { row } = await storedAndListed(comment.id)
    expect(row).toMatchObject({ author_name: name, text })
  })

  it('applies the same rules to an edit', async () => {
    const comment = await posted({ text: 'First' })
    const res = await edit(comment.id, ' e\u0301\u200B\u202Edit\u0000 ')
    expect((await expectBody(res, 200, CommentSchema)).text).toBe('\u00E9dit')
    expect((await commentRow(comment.id))?.text).toBe('\u00E9dit')
    await expectError(await edit(comment.id, '\u200B \u0007'), 400, 'invalid_input', ['body.text'])
    await expectError(
      await edit(comment.id, 'z'.repeat(COMMENT_TEXT_MAX + 1)),
      400,
      'invalid_input',
      ['body.text']
    )
    const full = 'z'.repeat(COMMENT_TEXT_MAX)
    expect((await expectBody(await edit(comment.id, full), 200, CommentSchema)).text).toBe(full)
    expect((await commentRow(comment.id))?.text).toBe(full)
  })
})
