import { ReplyPageSchema, type Comment, type CommentSort } from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { StoredStatus } from '../src/db/moderation-writes.ts'
import {
  api,
  commentPath,
  createSites,
  expectBody,
  findInTree,
  getPage,
  newReader,
  postComment,
  setModeration,
} from './helpers.ts'
import { expectCountersExact, resetModeration, transition } from './moderation-helpers.ts'
import { createPoll } from './polls-helpers.ts'
import { reached, walkThread } from './tree-walk.ts'

// The tree stays whole whatever lies between a published reply and its top-level comment: every
// comment hidden from the caller (held, removed without tombstones, spam, shadow-banned) or
// deleted by its author is listed as a bare placeholder as long as something the caller sees lies
// below it, at any depth (descendant_count, src/db/comment-rows.ts), in every sort, inline with
// the page and through …/replies.

// balanced with a stance poll on the thread, so the balanced sort is its own statement.
const SORTS: CommentSort[] = ['newest', 'oldest', 'top', 'balanced']

let seq = 0

beforeAll(async () => {
  await createSites()
  await resetModeration()
})

interface Chain {
  thread: string
  top: Comment
  /** The comments between top and leaf, from the top down. */
  middle: Comment[]
  leaf: Comment
  leafAuthor: string
}

/**
 * top (published unless `topStatus`) → one reply per entry of `hidden`, each moved to that
 * status → leaf (published), each by a different reader, on a thread with a stance poll.
 */
async function chain(hidden: StoredStatus[], topStatus: StoredStatus = 'published') {
  const thread = `tree-${++seq}`
  await createPoll({
    key: `tree-poll-${seq}`,
    question: 'Yes or no?',
    options: ['Yes', 'No'],
    thread,
  })
  const token = async () => (await newReader()).token
  const top = await postComment(await token(), thread, { text: 'Top' })
  const middle: Comment[] = []
  let parent = top
  for (const [i] of hidden.entries()) {
    parent = await postComment(await token(), thread, {
      text: `Level ${i + 1}`,
      parentId: parent.id,
    })
    middle.push(parent)
  }
  const leafAuthor = await token()
  const leaf = await postComment(leafAuthor, thread, { text: 'Leaf', parentId: parent.id })
  for (const [i, status] of hidden.entries()) {
    expect(await transition(middle[i]!.id, 'published', status)).toBe(true)
  }
  if (topStatus !== 'published') {
    expect(await transition(top.id, 'published', topStatus)).toBe(true)
  }
  await expectCountersExact()
  return { thread, top, middle, leaf, leafAuthor } satisfies Chain
}

async function repliesOf(id: string, token?: string): Promise<Comment[]> {
  const res = await api(`${commentPath(id)}/replies`, { token })
  return (await expectBody(res, 200, ReplyPageSchema)).replies
}

/** The ids from the top-level comment down to `id` in the trees, or null when not reachable. */
function pathTo(trees: Comment[], id: string, path: string[] = []): string[] | null {
  for (const comment of trees) {
    if (comment.id === id) return [...path, id]
    const found = pathTo(comment.replies, id, [...path, comment.id])
    if (found) return found
  }
  return null
}

/** The leaf sits below its whole chain, in the first page alone and in a full walk, every sort. */
async function expectLeafReachable(c: Chain, token: string | undefined, placeholders: string[]) {
  const path = [c.top.id, ...c.middle.map((m) => m.id), c.leaf.id]
  for (const sort of SORTS) {
    const page = await getPage(c.thread, { sort }, token)
    expect(pathTo(page.comments, c.leaf.id), `${sort}, first page`).toEqual(path)
    const walked = await walkThread(c.thread, { sort, token })
    expect(pathTo(walked, c.leaf.id), `${sort}, full walk`).toEqual(path)
    for (const id of placeholders) {
      expect(reached(walked, id), `${sort}: ${id}`).toMatchObject({
        deleted: true,
        text: '',
        author: { name: '' },
        mine: false,
      })
    }
    expect(reached(walked, c.leaf.id)).toMatchObject({ text: 'Leaf', deleted: false })
  }
  // The replies route, below the top-level comment and below each level in between.
  const below = [c.top, ...c.middle]
  for (const [i, comment] of below.entries()) {
    const flat = await repliesOf(comment.id, token)
    expect(flat.map((r) => r.id)).toEqual(path.slice(i + 1))
  }
}

const HIDDEN: StoredStatus[] = ['pending', 'spam', 'shadow', 'removed']

describe('a published reply below hidden comments', () => {
  for (const levels of [2, 3]) {
    for (const status of HIDDEN) {
      it(`is reachable below ${levels} levels of ${status} comments (no tombstones), for anyone`, async () => {
        await setModeration({ tombstones: false })
        try {
          const c = await chain(Array<StoredStatus>(levels).fill(status))
          const ids = c.middle.map((m) => m.id)
          await expectLeafReachable(c, undefined, ids)
          await expectLeafReachable(c, c.leafAuthor, ids)
          // Each level above the leaf counts it, and only it: the hidden ones count for nothing.
          const flat = await repliesOf(c.top.id)
          expect(flat.map((r) => r.descendantCount)).toEqual([...ids.map(() => 1), 0])
          expect((await getPage(c.thread)).comments[0]!.descendantCount).toBe(1)
        } finally {
          await resetModeration()
        }
      })
    }
  }

  it('is reachable below a mix of hidden levels under a hidden top-level comment', async () => {
    await setModeration({ tombstones: false })
    try {
      const c = await chain(['pending', 'removed', 'spam'], 'pending')
      await expectLeafReachable(c, undefined, [c.top.id, ...c.middle.map((m) => m.id)])
      const page = await getPage(c.thread)
      expect(page.comments.map((t) => [t.id, t.deleted, t.descendantCount])).toEqual([
        [c.top.id, true, 1],
      ])
    } finally {
      await resetModeration()
    }
  })

  it('shows removed levels as tombstones when the site keeps them', async () => {
    const c = await chain(['removed', 'removed'])
    const walked = await walkThread(c.thread)
    expect(pathTo(walked, c.leaf.id)).toEqual([c.top.id, ...c.middle.map((m) => m.id), c.leaf.id])
    for (const m of c.middle) {
      expect(reached(walked, m.id)).toMatchObject({ status: 'removed', deleted: false, text: '' })
    }
  })

  it('leaves the hidden levels out again once the leaf is hidden too', async () => {
    const c = await chain(['pending', 'pending'])
    expect(await transition(c.leaf.id, 'published', 'pending')).toBe(true)
    await expectCountersExact()
    for (const sort of SORTS) {
      const page = await getPage(c.thread, { sort })
      expect(page.comments.map((t) => [t.id, t.replies.length])).toEqual([[c.top.id, 0]])
    }
    expect(await repliesOf(c.top.id)).toEqual([])
  })
})

describe("a reader's own hidden reply below comments hidden from them", () => {
  it('is shown to them, with its path as placeholders; nobody else sees any of it', async () => {
    const thread = `tree-own-${++seq}`
    const token = async () => (await newReader()).token
    const top = await postComment(await token(), thread, { text: 'Top' })
    const b = await postComment(await token(), thread, { text: 'B', parentId: top.id })
    const c = await postComment(await token(), thread, { text: 'C', parentId: b.id })
    const me = await token()
    const mine = await postComment(me, thread, { text: 'Mine', parentId: c.id })
    for (const id of [b.id, c.id, mine.id]) {
      expect(await transition(id, 'published', 'pending')).toBe(true)
    }
    await expectCountersExact()
    for (const sort of SORTS) {
      const anonymous = await getPage(thread, { sort })
      expect(anonymous.comments.map((t) => [t.id, t.replies.length])).toEqual([[top.id, 0]])
      const page = await getPage(thread, { sort }, me)
      expect(pathTo(page.comments, mine.id), sort).toEqual([top.id, b.id, c.id, mine.id])
      expect(findInTree(page.comments, b.id)).toMatchObject({ deleted: true, text: '' })
      expect(findInTree(page.comments, mine.id)).toMatchObject({
        status: 'pending',
        mine: true,
        text: 'Mine',
      })
    }
    expect((await repliesOf(top.id, me)).map((r) => r.id)).toEqual([b.id, c.id, mine.id])
    expect((await repliesOf(b.id, me)).map((r) => r.id)).toEqual([c.id, mine.id])
    expect(await repliesOf(top.id)).toEqual([])
  })
})

describe('a deleted placeholder', () => {
  const remove = (id: string, token: string) => api(commentPath(id), { method: 'DELETE', token })

  it('is left out once every reply below it is hidden, and comes back with one', async () => {
    const thread = `tree-deleted-${++seq}`
    const writer = (await newReader()).token
    const replier = (await newReader()).token
    const top = await postComment(writer, thread, { text: 'Top' })
    const b = await postComment(writer, thread, { text: 'B', parentId: top.id })
    const c = await postComment(replier, thread, { text: 'C', parentId: b.id })
    expect((await remove(b.id, writer)).status).toBe(200)
    expect(findInTree((await getPage(thread)).comments, b.id)).toMatchObject({ deleted: true })

    expect(await transition(c.id, 'published', 'pending')).toBe(true)
    await expectCountersExact()
    for (const token of [undefined, writer]) {
      for (const sort of SORTS) {
        const page = await getPage(thread, { sort }, token)
        expect(page.comments.map((t) => [t.id, t.replies.length])).toEqual([[top.id, 0]])
      }
      expect(await repliesOf(top.id, token)).toEqual([])
    }
    // The author of the held reply still sees it in its place.
    const theirs = await getPage(thread, {}, replier)
    expect(pathTo(theirs.comments, c.id)).toEqual([top.id, b.id, c.id])

    expect(await transition(c.id, 'pending', 'published')).toBe(true)
    await expectCountersExact()
    const again = await getPage(thread)
    expect(pathTo(again.comments, c.id)).toEqual([top.id, b.id, c.id])
  })

  it('at the top level is left out with nothing visible below it', async () => {
    await setModeration({ tombstones: false })
    try {
      const thread = `tree-deleted-${++seq}`
      const writer = (await newReader()).token
      const top = await postComment(writer, thread, { text: 'Top' })
      const reply = await postComment((await newReader()).token, thread, {
        text: 'Reply',
        parentId: top.id,
      })
      const deeper = await postComment(writer, thread, { text: 'Deeper', parentId: reply.id })
      expect((await remove(top.id, writer)).status).toBe(200)
      expect((await getPage(thread)).comments.map((t) => [t.id, t.deleted])).toEqual([
        [top.id, true],
      ])
      expect(await transition(reply.id, 'published', 'removed')).toBe(true)
      // The deeper reply keeps the whole path listed.
      const walked = await walkThread(thread)
      expect(pathTo(walked, deeper.id)).toEqual([top.id, reply.id, deeper.id])
      expect(await transition(deeper.id, 'published', 'spam')).toBe(true)
      await expectCountersExact()
      for (const sort of SORTS) expect((await getPage(thread, { sort })).comments).toEqual([])
    } finally {
      await resetModeration()
    }
  })

  it('below another placeholder: both go when what they held is hidden', async () => {
    const thread = `tree-deleted-${++seq}`
    const writer = (await newReader()).token
    const top = await postComment(writer, thread, { text: 'Top' })
    const b = await postComment(writer, thread, { text: 'B', parentId: top.id })
    const c = await postComment(writer, thread, { text: 'C', parentId: b.id })
    const d = await postComment((await newReader()).token, thread, { text: 'D', parentId: c.id })
    expect((await remove(c.id, writer)).status).toBe(200)
    expect((await remove(b.id, writer)).status).toBe(200)
    await expectCountersExact()
    expect(pathTo(await walkThread(thread), d.id)).toEqual([top.id, b.id, c.id, d.id])
    expect(await transition(d.id, 'published', 'pending')).toBe(true)
    await expectCountersExact()
    const page = await getPage(thread)
    expect(page.comments.map((t) => [t.id, t.replies.length])).toEqual([[top.id, 0]])
  })
})
