import { CommentSchema, DeleteResultSchema, EDIT_WINDOW_MS, type Comment } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectedRank } from './fixtures.ts'
import {
  api,
  commentPath,
  commentRow,
  countRows,
  createSites,
  expectBody,
  expectError,
  findInTree,
  getPage,
  getThread,
  newReader,
  postComment,
} from './helpers.ts'

let token: string

const edit = (id: string, text: string, as = token) =>
  api(commentPath(id), { method: 'PATCH', token: as, json: { text } })
const remove = (id: string, as = token) => api(commentPath(id), { method: 'DELETE', token: as })

async function revisions(id: string) {
  const { results } = await env.DB.prepare(
    'SELECT text, editor FROM comment_revisions WHERE comment_id = ?1 ORDER BY replaced_at'
  )
    .bind(id)
    .all<{ text: string; editor: string }>()
  return results
}

/** A reaction and a report by another reader, so a removal has something to take along. */
async function decorate(id: string): Promise<void> {
  const other = await newReader()
  await api(`${commentPath(id)}/reaction`, {
    method: 'PUT',
    token: other.token,
    json: { emoji: '👍' },
  })
  await api(`${commentPath(id)}/reports`, {
    method: 'POST',
    token: other.token,
    json: { reason: 'spam' },
  })
}

beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
})

describe('PATCH /v1/sites/:site/comments/:comment', () => {
  it('replaces the text, re-renders and re-detects it, and keeps the old text as a revision', async () => {
    const posted = await postComment(token, 'edit', {
      text: 'Protecting victims matters more than anything else in this whole debate.',
    })
    const french =
      'Protéger les victimes compte plus que tout le reste dans ce débat, *vraiment* tout.'
    const edited = await expectBody(await edit(posted.id, french), 200, CommentSchema)
    expect(edited).toMatchObject({
      id: posted.id,
      text: french,
      html: '<p>Protéger les victimes compte plus que tout le reste dans ce débat, <em>vraiment</em> tout.</p>',
      lang: 'fr',
      mine: true,
      editableUntil: posted.editableUntil,
    })
    expect(Date.parse(edited.editedAt!)).toBeGreaterThanOrEqual(Date.parse(posted.createdAt))
    await edit(posted.id, 'Third version, short.')
    expect(await revisions(posted.id)).toEqual([
      { text: posted.text, editor: 'author' },
      { text: french, editor: 'author' },
    ])
    const [listed] = (await getPage('edit')).comments
    expect(listed).toMatchObject({ text: 'Third version, short.', lang: null })
    expect(listed!.editedAt).not.toBeNull()
  })

  it('treats saving the same text as no edit: no revision, no "edited" mark', async () => {
    const posted = await postComment(token, 'edit-same', { text: 'Unchanged' })
    const res = await expectBody(await edit(posted.id, '  Unchanged \u200B'), 200, CommentSchema)
    expect(res.editedAt).toBeNull()
    expect(await revisions(posted.id)).toEqual([])
  })

  it('answers 409 edit_window_closed once EDIT_WINDOW_MS has passed', async () => {
    const posted = await postComment(token, 'edit-late')
    await env.DB.prepare('UPDATE comments SET created_at = ?2 WHERE id = ?1')
      .bind(posted.id, Date.now() - EDIT_WINDOW_MS - 1)
      .run()
    await expectError(await edit(posted.id, 'Too late'), 409, 'edit_window_closed')
    expect((await commentRow(posted.id))!.text).toBe('Hello')
  })

  it('answers 409 comment_deleted for a deleted placeholder', async () => {
    const posted = await postComment(token, 'edit-deleted')
    await postComment(token, 'edit-deleted', { parentId: posted.id })
    await remove(posted.id)
    await expectError(await edit(posted.id, 'Back from the dead'), 409, 'comment_deleted')
  })

  it('validates the text like a new comment, naming body.text', async () => {
    const posted = await postComment(token, 'edit-invalid')
    await expectError(await edit(posted.id, ' \u200B '), 400, 'invalid_input', ['body.text'])
  })
})

describe('DELETE /v1/sites/:site/comments/:comment', () => {
  it('removes a comment without replies with its reactions, reports and revisions', async () => {
    const top = await postComment(token, 'delete-leaf')
    const reply = await postComment(token, 'delete-leaf', { parentId: top.id })
    const nested = await postComment(token, 'delete-leaf', { parentId: reply.id, text: 'v1' })
    await edit(nested.id, 'v2')
    await decorate(nested.id)
    expect(await commentRow(top.id)).toMatchObject({ descendant_count: 2 })

    const result = await expectBody(await remove(nested.id), 200, DeleteResultSchema)
    expect(result).toEqual({ id: nested.id, outcome: 'removed' })
    expect(await commentRow(nested.id)).toBeNull()
    for (const table of ['reactions', 'reports', 'comment_revisions']) {
      expect(await countRows(table, nested.id), table).toBe(0)
    }
    expect(await commentRow(reply.id)).toMatchObject({ reply_count: 0 })
    expect((await commentRow(reply.id))!.rank).toBe(expectedRank(Date.parse(reply.createdAt), 0, 0))
    expect(await commentRow(top.id)).toMatchObject({ reply_count: 1, descendant_count: 1 })
    expect((await getThread('delete-leaf')).commentCount).toBe(2)
    // A second delete finds nothing.
    await expectError(await remove(nested.id), 404, 'comment_not_found')
  })

  it('leaves a placeholder for a comment with replies, keeping its reactions and nothing it said', async () => {
    const french =
      "Un long commentaire en français pour que la langue soit bien détectée par l'outil."
    const top = await postComment(token, 'delete-placeholder', { text: french })
    await edit(top.id, `${french} Modifié.`)
    await decorate(top.id)
    const reply = await postComment(token, 'delete-placeholder', { parentId: top.id })
    await env.DB.prepare(`UPDATE comments SET badges = '["expert"]' WHERE id = ?1`)
      .bind(top.id)
      .run()

    const result = await expectBody(await remove(top.id), 200, DeleteResultSchema)
    expect(result).toEqual({ id: top.id, outcome: 'placeholder' })
    const row = await commentRow(top.id)
    expect(row).toMatchObject({ text: '', html: '', author_name: '', badges: '[]', lang: null })
    expect(row!.deleted_at).not.toBeNull()
    expect(await countRows('comment_revisions', top.id)).toBe(0)
    expect(await countRows('reactions', top.id)).toBe(1)

    const [listed] = (await getPage('delete-placeholder', {}, token)).comments
    expect(listed).toMatchObject({
      id: top.id,
      deleted: true,
      text: '',
      html: '',
      lang: null,
      editedAt: null,
      author: { name: '', badges: [] },
      reactions: { '👍': 1 },
      mine: false,
      editableUntil: null,
      replyCount: 1,
    })
    expect(listed!.replies.map((c) => c.id)).toEqual([reply.id])
    const thread = await getThread('delete-placeholder')
    expect(thread.commentCount).toBe(1)
    expect(thread.languages).toEqual({})
    // Deleting it again is a conflict, not a second decrement.
    await expectError(await remove(top.id), 409, 'comment_deleted')
    expect((await getThread('delete-placeholder')).commentCount).toBe(1)
  })

  it('removes placeholders left without replies, all the way up', async () => {
    const a = await postComment(token, 'delete-chain')
    const b = await postComment(token, 'delete-chain', { parentId: a.id })
    const c = await postComment(token, 'delete-chain', { parentId: b.id })
    const d = await postComment(token, 'delete-chain', { parentId: c.id })
    const sibling = await postComment(token, 'delete-chain', { parentId: a.id })
    for (const id of [a.id, b.id, c.id]) {
      expect((await expectBody(await remove(id), 200, DeleteResultSchema)).outcome).toBe(
        'placeholder'
      )
    }
    expect((await getThread('delete-chain')).commentCount).toBe(2)

    // d goes, and with it c and b; a keeps its other reply.
    expect((await expectBody(await remove(d.id), 200, DeleteResultSchema)).outcome).toBe('removed')
    for (const id of [b.id, c.id, d.id]) expect(await commentRow(id)).toBeNull()
    expect(await commentRow(a.id)).toMatchObject({ reply_count: 1, descendant_count: 1 })
    expect((await getThread('delete-chain')).commentCount).toBe(1)

    // The last reply goes, and so does the top-level placeholder.
    await remove(sibling.id)
    expect(await commentRow(a.id)).toBeNull()
    expect(await getPage('delete-chain')).toEqual({ comments: [], nextCursor: null })
    expect((await getThread('delete-chain')).commentCount).toBe(0)
  })

  it('shows placeholders in the replies route the same way', async () => {
    const top = await postComment(token, 'delete-in-replies')
    const middle = await postComment(token, 'delete-in-replies', { parentId: top.id })
    await postComment(token, 'delete-in-replies', { parentId: middle.id })
    await remove(middle.id)
    const res = await api(`${commentPath(top.id)}/replies`)
    const { replies } = (await res.json()) as { replies: Comment[] }
    expect(replies[0]).toMatchObject({
      id: middle.id,
      deleted: true,
      text: '',
      author: { name: '' },
    })
    const page = await getPage('delete-in-replies')
    expect(findInTree(page.comments, middle.id)).toMatchObject({ deleted: true })
  })

  it('counts exactly once under five concurrent deletes of the same comment', async () => {
    await postComment(token, 'delete-race')
    const target = await postComment(token, 'delete-race')
    const responses = await Promise.all(Array.from({ length: 5 }, () => remove(target.id)))
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses[0]).toBe(200)
    expect(statuses.slice(1).every((s) => s === 404 || s === 409)).toBe(true)
    expect((await getThread('delete-race')).commentCount).toBe(1)
  })
})
