import {
  CountsSchema,
  ReplyPageSchema,
  type Comment,
  type CommentSort,
  type Thread,
} from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { StoredStatus } from '../src/db/moderation-writes.ts'
import {
  api,
  commentPath,
  createSites,
  expectBody,
  expectError,
  findInTree,
  getPage,
  getThread,
  newReader,
  postComment,
  setModeration,
  SITE,
} from './helpers.ts'
import { expectCountersExact, resetModeration, transition } from './moderation-helpers.ts'
import { createPoll, readerToken, vote } from './polls-helpers.ts'

// Who sees a comment in each moderation state, in every listing and count (the table in
// src/db/comment-rows.ts): its author, another reader and an anonymous visitor.

const FRENCH =
  "Un nouveau commentaire écrit pendant que quelqu'un d'autre lit les pages plus anciennes."

type Viewer = 'author' | 'other' | 'anonymous'
const VIEWERS: Viewer[] = ['author', 'other', 'anonymous']
const SORTS: CommentSort[] = ['newest', 'oldest', 'top', 'balanced']

let seq = 0

/**
 * A thread with a stance poll where the author (who voted Yes) wrote a French top-level comment
 * `hidden` and a reply `hiddenReply` under another reader's comment `shown`; both then move to
 * `status`.
 */
async function scene(status: StoredStatus, removal = true) {
  const thread = `visibility-${++seq}`
  const poll = await createPoll({
    key: `visibility-poll-${seq}`,
    question: 'Yes or no?',
    options: ['Yes', 'No'],
    thread,
  })
  const yes = poll.options[0]!.id
  const author = await readerToken()
  expect((await vote(poll.id, [yes], author)).status).toBe(200)
  const other = (await newReader()).token
  const hidden = await postComment(author, thread, { text: FRENCH })
  const shown = await postComment(other, thread, { text: 'A published comment' })
  const hiddenReply = await postComment(author, thread, { text: 'My reply', parentId: shown.id })
  const reason = removal ? { reason: 'hate' as const, statement: 'Hateful' } : null
  if (status !== 'published') {
    expect(await transition(hidden.id, 'published', status, reason)).toBe(true)
    expect(await transition(hiddenReply.id, 'published', status, reason)).toBe(true)
  }
  await expectCountersExact()
  const tokens: Record<Viewer, string | undefined> = { author, other, anonymous: undefined }
  return { thread, yes, hidden, shown, hiddenReply, tokens }
}

type Scene = Awaited<ReturnType<typeof scene>>

/** What `viewer` should see of the author's comments: as what status, or nothing. */
function expected(status: StoredStatus, viewer: Viewer, tombstones: boolean) {
  if (viewer === 'author') {
    return {
      published: 'published',
      shadow: 'published',
      pending: 'pending',
      spam: 'removed',
      removed: 'removed',
    }[status]
  }
  if (status === 'published') return 'published'
  if (status === 'removed' && tombstones) return 'removed'
  return null
}

async function listingsOf(s: Scene, viewer: Viewer) {
  const token = s.tokens[viewer]
  const pages = await Promise.all(SORTS.map((sort) => getPage(s.thread, { sort }, token)))
  const byLang = await getPage(s.thread, { lang: 'fr' }, token)
  const byStance = await getPage(s.thread, { stance: s.yes }, token)
  const res = await api(`${commentPath(s.shown.id)}/replies`, { token })
  const replies = (await expectBody(res, 200, ReplyPageSchema)).replies
  return { pages, byLang, byStance, replies }
}

function expectShownAs(
  comment: Comment | undefined,
  as: string | null,
  viewer: Viewer,
  text: string
) {
  if (as === null) {
    expect(comment).toBeUndefined()
    return
  }
  expect(comment).toBeDefined()
  expect(comment!.status).toBe(as)
  expect(comment!.deleted).toBe(false)
  expect(comment!.mine).toBe(viewer === 'author')
  if (viewer === 'author') {
    expect(comment!.text).toBe(text)
    if (as === 'removed') {
      expect(comment!.removal).toMatchObject({ appeal: 'none' })
    }
  } else if (as === 'removed') {
    // The tombstone: the reason and statement, nothing the author wrote.
    expect(comment!).toMatchObject({ text: '', html: '', author: { name: '' }, lang: null })
    expect(comment!.removal).toMatchObject({ reason: 'hate', statement: 'Hateful', appeal: null })
  }
  if (as !== 'removed') expect(comment!.removal).toBeNull()
}

async function expectCounts(s: Scene, published: boolean) {
  const thread: Thread = await getThread(s.thread)
  expect(thread.commentCount).toBe(published ? 3 : 1)
  expect(thread.languages.fr ?? 0).toBe(published ? 1 : 0)
  expect(thread.stances?.counts?.[s.yes]).toBe(published ? 1 : 0)
  const res = await api(`/v1/sites/${SITE}/counts?threads=${s.thread}`)
  expect((await expectBody(res, 200, CountsSchema)).counts[s.thread]).toBe(published ? 3 : 1)
}

beforeAll(createSites)

describe.each<[StoredStatus, boolean]>([
  ['published', true],
  ['pending', true],
  ['shadow', true],
  ['spam', true],
  ['removed', true],
  ['removed', false],
])('a %s comment (tombstones: %s)', (status, tombstones) => {
  let s: Scene
  beforeAll(async () => {
    await setModeration({ tombstones })
    s = await scene(status, status === 'removed')
  })

  it.each(VIEWERS)(
    'shows as expected to the %s in every sort, filter and the replies',
    async (viewer) => {
      await setModeration({ tombstones })
      const as = expected(status, viewer, tombstones)
      const { pages, byLang, byStance, replies } = await listingsOf(s, viewer)
      for (const page of pages) {
        expectShownAs(findInTree(page.comments, s.hidden.id), as, viewer, FRENCH)
        expectShownAs(findInTree(page.comments, s.hiddenReply.id), as, viewer, 'My reply')
        // The other reader's comment is always there.
        expect(findInTree(page.comments, s.shown.id)?.status).toBe('published')
      }
      expectShownAs(findInTree(byLang.comments, s.hidden.id), as, viewer, FRENCH)
      expectShownAs(findInTree(byStance.comments, s.hidden.id), as, viewer, FRENCH)
      expectShownAs(
        replies.find((r) => r.id === s.hiddenReply.id),
        as,
        viewer,
        'My reply'
      )
    }
  )

  it('counts only published comments, whoever asks', async () => {
    await expectCounts(s, status === 'published')
  })

  it('lets others neither react to nor report a comment they cannot see', async () => {
    await setModeration({ tombstones })
    const other = s.tokens.other!
    const react = await api(`${commentPath(s.hidden.id)}/reaction`, {
      method: 'PUT',
      token: other,
      json: { emoji: '👍' },
    })
    const report = await api(`${commentPath(s.hidden.id)}/reports`, {
      method: 'POST',
      token: other,
      json: { reason: 'spam' },
    })
    const reply = await api(`/v1/sites/${SITE}/threads/${s.thread}/comments`, {
      method: 'POST',
      token: other,
      json: { authorName: 'Bo', text: 'Reply', parentId: s.hidden.id },
    })
    const as = expected(status, 'other', tombstones)
    if (as === 'published') {
      expect([react.status, report.status, reply.status]).toEqual([200, 201, 201])
    } else if (as === 'removed') {
      await expectError(react, 409, 'conflict')
      await expectError(report, 409, 'conflict')
      await expectError(reply, 409, 'conflict')
    } else {
      await expectError(react, 404, 'comment_not_found')
      await expectError(report, 404, 'comment_not_found')
      await expectError(reply, 422, 'parent_not_found', ['body.parentId'])
    }
    await resetModeration()
  })
})

describe('a hidden comment with published replies', () => {
  it('stays in the tree as a bare placeholder for others, whole for its author', async () => {
    await resetModeration()
    const thread = `placeholder-${++seq}`
    const author = (await newReader()).token
    const other = (await newReader()).token
    const top = await postComment(author, thread, { text: 'Held later' })
    const reply = await postComment(other, thread, { text: 'An answer', parentId: top.id })
    const deep = await postComment(author, thread, { text: 'Held reply', parentId: reply.id })
    const deeper = await postComment(other, thread, { text: 'Below it', parentId: deep.id })
    await transition(top.id, 'published', 'pending')
    await transition(deep.id, 'published', 'spam')
    await expectCountersExact()
    for (const token of [other, undefined]) {
      for (const sort of SORTS) {
        const page = await getPage(thread, { sort }, token)
        const placeholder = findInTree(page.comments, top.id)!
        expect(placeholder).toMatchObject({
          deleted: true,
          status: 'published',
          text: '',
          html: '',
          author: { name: '', badges: [] },
          removal: null,
          mine: false,
        })
        expect(placeholder.replies.map((r) => r.id)).toEqual([reply.id])
        expect(findInTree(page.comments, deep.id)).toMatchObject({ deleted: true, text: '' })
        expect(findInTree(page.comments, deeper.id)?.text).toBe('Below it')
      }
      const res = await api(`${commentPath(top.id)}/replies`, { token })
      const replies = (await expectBody(res, 200, ReplyPageSchema)).replies
      expect(replies.map((r) => [r.id, r.deleted])).toEqual([
        [reply.id, false],
        [deep.id, true],
        [deeper.id, false],
      ])
    }
    const mine = await getPage(thread, {}, author)
    expect(findInTree(mine.comments, top.id)).toMatchObject({
      status: 'pending',
      text: 'Held later',
      deleted: false,
      mine: true,
    })
    expect(findInTree(mine.comments, deep.id)).toMatchObject({ status: 'removed', deleted: false })
    // Only the two published replies count.
    expect((await getThread(thread)).commentCount).toBe(2)
  })

  it('is left out when none of its replies is published', async () => {
    const thread = `placeholder-${++seq}`
    const author = (await newReader()).token
    const top = await postComment(author, thread, { text: 'Held' })
    const reply = await postComment(author, thread, { text: 'Mine too', parentId: top.id })
    await transition(reply.id, 'published', 'pending')
    await transition(top.id, 'published', 'pending')
    expect((await getPage(thread)).comments).toEqual([])
    const mine = await getPage(thread, {}, author)
    expect(findInTree(mine.comments, reply.id)?.status).toBe('pending')
  })
})

describe('the author of a removed comment', () => {
  it('sees where their appeal stands; others never do', async () => {
    await resetModeration()
    const thread = `appeal-${++seq}`
    const author = (await newReader()).token
    const comment = await postComment(author, thread, { text: 'Removed soon' })
    await transition(comment.id, 'published', 'removed', { reason: 'harassment', statement: 'No.' })
    const { env } = await import('cloudflare:workers')
    await env.DB.prepare(
      `INSERT INTO appeals (comment_id, site_id, reader_id, text, status, created_at)
       SELECT id, site_id, reader_id, 'Please', 'open', 1 FROM comments WHERE id = ?1`
    )
      .bind(comment.id)
      .run()
    const mine = findInTree((await getPage(thread, {}, author)).comments, comment.id)
    expect(mine?.removal).toMatchObject({ reason: 'harassment', statement: 'No.', appeal: 'open' })
    expect(mine?.editableUntil).toBeNull()
    const theirs = findInTree((await getPage(thread)).comments, comment.id)
    expect(theirs?.removal?.appeal).toBeNull()
  })
})
