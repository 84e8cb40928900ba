import {
  ADMIN_ROUTES,
  AdminExpertListSchema,
  AdminExpertResponsePageSchema,
  AdminExpertResponseSchema,
  AdminExpertSchema,
  EXPERT_RESPONSE_MAX,
  FEATURED_MAX,
  PINNED_MAX,
  ReplyPageSchema,
  type Comment,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { publishedResponsesFor } from '../src/db/expert-responses.ts'
import {
  addResponse,
  createExpert,
  freshComment,
  invite,
  setResponseTime,
} from './experts-helpers.ts'
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
  OTHER_SITE,
  postComment,
  SITE,
} from './helpers.ts'
import { admin, auditOf, sitePath } from './admin-helpers.ts'
import { createPoll } from './polls-helpers.ts'

const expertsPath = (site = SITE) => sitePath(ADMIN_ROUTES.experts, {}, site)
const expertPath = (id: string) => sitePath(ADMIN_ROUTES.expert, { expert: id })
const responsesOf = (commentId: string) =>
  sitePath(ADMIN_ROUTES.commentExpertResponses, { comment: commentId })
const responsePath = (id: string) => sitePath(ADMIN_ROUTES.expertResponse, { response: id })

beforeAll(async () => {
  await createSites()
})

describe('POST /v1/admin/sites/:site/experts', () => {
  it('records an expert with cleaned fields and audits it', async () => {
    const res = await admin(expertsPath(), {
      method: 'POST',
      json: {
        name: '  Ana   Ferreira ',
        title: 'Member of the European Parliament',
        organisation: 'European Parliament (fictional)',
        photoUrl: 'https://news.example/ana.jpg',
      },
    })
    const expert = await expectBody(res, 201, AdminExpertSchema)
    expect(expert).toMatchObject({
      name: 'Ana Ferreira',
      photoUrl: 'https://news.example/ana.jpg',
      archivedAt: null,
      responseCount: 0,
    })
    expect(expert.id).toMatch(/^x_/)
    expect(res.headers.get('location')).toBe(expertPath(expert.id))
    expect(await auditOf('expert', expert.id)).toEqual([
      expect.objectContaining({ actor: 'owner', actor_role: 'owner', action: 'expert.create' }),
    ])
  })

  it('defaults photoUrl to null', async () => {
    expect((await createExpert()).photoUrl).toBeNull()
  })

  it('refuses a photo that is not https, an empty name and unknown fields, naming each', async () => {
    const res = await admin(expertsPath(), {
      method: 'POST',
      json: { name: ' ', title: 'T', organisation: 'O', photoUrl: 'http://x.example/p.jpg' },
    })
    await expectError(res, 400, 'invalid_input', ['body.name', 'body.photoUrl'])
    const extra = await admin(expertsPath(), {
      method: 'POST',
      json: { name: 'N', title: 'T', organisation: 'O', email: 'n@x.example' },
    })
    await expectError(extra, 400, 'invalid_input', ['body'])
  })
})

describe('GET, PATCH and DELETE experts', () => {
  it('lists experts by name, archived ones only on request', async () => {
    const b = await createExpert({ name: 'Zz Listed B' })
    const a = await createExpert({ name: 'Zz Listed A' })
    await admin(expertPath(b.id), { method: 'DELETE' })
    const names = async (query = '') => {
      const res = await admin(`${expertsPath()}${query}`)
      const body = await expectBody(res, 200, AdminExpertListSchema)
      return body.experts.map((e) => e.name).filter((n) => n.startsWith('Zz Listed'))
    }
    expect(await names()).toEqual(['Zz Listed A'])
    expect(await names('?archived=include')).toEqual(['Zz Listed A', 'Zz Listed B'])
    expect(await names('?archived=only')).toEqual(['Zz Listed B'])
    expect(a.archivedAt).toBeNull()
  })

  it('does not list or find the experts of another site', async () => {
    const other = await createExpert({ name: 'Other site expert' }, OTHER_SITE)
    const body = await expectBody(await admin(expertsPath()), 200, AdminExpertListSchema)
    expect(body.experts.map((e) => e.id)).not.toContain(other.id)
    const res = await admin(expertPath(other.id), { method: 'PATCH', json: { title: 'X' } })
    await expectError(res, 404, 'expert_not_found')
  })

  it('edits only the fields sent; photoUrl null removes the photo', async () => {
    const expert = await createExpert({ photoUrl: 'https://news.example/p.jpg' })
    const res = await admin(expertPath(expert.id), {
      method: 'PATCH',
      json: { title: 'EU Anti-Trafficking Coordinator', photoUrl: null },
    })
    const edited = await expectBody(res, 200, AdminExpertSchema)
    expect(edited).toMatchObject({
      name: expert.name,
      organisation: expert.organisation,
      title: 'EU Anti-Trafficking Coordinator',
      photoUrl: null,
    })
    const [, update] = await auditOf('expert', expert.id)
    expect(update).toMatchObject({ action: 'expert.update' })
    expect(update!.details).toMatchObject({
      changes: { title: 'EU Anti-Trafficking Coordinator', photoUrl: null },
      previous: { title: expert.title, photoUrl: 'https://news.example/p.jpg' },
    })
  })

  it('refuses an empty edit with 400 naming the body', async () => {
    const expert = await createExpert()
    const res = await admin(expertPath(expert.id), { method: 'PATCH', json: {} })
    await expectError(res, 400, 'invalid_input', ['body'])
  })

  it('answers 404 expert_not_found for an unknown expert and 400 for a malformed id', async () => {
    await expectError(
      await admin(expertPath('x_0000000000000000'), { method: 'DELETE' }),
      404,
      'expert_not_found'
    )
    await expectError(await admin(expertPath('nope'), { method: 'DELETE' }), 400, 'invalid_input', [
      'params.expert',
    ])
  })

  it('archives on DELETE: responses stay, no new ones, open invitations are revoked', async () => {
    const expert = await createExpert()
    const comment = await freshComment('archive')
    const response = await addResponse(comment.id, expert.id, 'Stays.')
    const invitation = await invite((await freshComment('archive')).id, expert.id)

    const res = await admin(expertPath(expert.id), { method: 'DELETE' })
    const archived = await expectBody(res, 200, AdminExpertSchema)
    expect(archived.archivedAt).not.toBeNull()
    expect(archived.responseCount).toBe(1)

    const page = await getPage('archive')
    expect(findInTree(page.comments, comment.id)?.expertResponses.map((r) => r.id)).toEqual([
      response.id,
    ])
    const refused = await admin(responsesOf(comment.id), {
      method: 'POST',
      json: { expertId: expert.id, text: 'More.' },
    })
    await expectError(refused, 404, 'expert_not_found', ['body.expertId'])
    const row = await env.DB.prepare('SELECT revoked_at FROM expert_invitations WHERE id = ?1')
      .bind(invitation.id)
      .first<{ revoked_at: number | null }>()
    expect(row?.revoked_at).not.toBeNull()

    // Again: nothing changes, nothing more is audited.
    const again = await expectBody(
      await admin(expertPath(expert.id), { method: 'DELETE' }),
      200,
      AdminExpertSchema
    )
    expect(again.archivedAt).toBe(archived.archivedAt)
    const actions = (await auditOf('expert', expert.id)).map((r) => r.action)
    expect(actions).toEqual(['expert.create', 'expert.archive'])
  })
})

describe('POST /v1/admin/sites/:site/comments/:comment/expert-responses', () => {
  it('publishes the response at once, rendered like a comment, and audits it', async () => {
    const expert = await createExpert()
    const comment = await freshComment('respond')
    const res = await admin(responsesOf(comment.id), {
      method: 'POST',
      json: { expertId: expert.id, text: 'It is **mostly** women.\n\n<script>x</script>' },
    })
    const response = await expectBody(res, 201, AdminExpertResponseSchema)
    expect(response).toMatchObject({
      status: 'published',
      commentId: comment.id,
      threadKey: 'respond',
      invitationId: null,
      expert: { id: expert.id, name: expert.name },
    })
    expect(response.html).toContain('<strong>mostly</strong>')
    expect(response.html).not.toContain('<script>')
    expect(res.headers.get('location')).toBe(responsePath(response.id))
    expect(await auditOf('expert_response', response.id)).toEqual([
      expect.objectContaining({
        action: 'expert_response.create',
        details: { commentId: comment.id, expertId: expert.id },
      }),
    ])
  })

  it('refuses an over-long text, an unknown expert and another site’s comment', async () => {
    const expert = await createExpert()
    const comment = await freshComment('respond')
    const long = await admin(responsesOf(comment.id), {
      method: 'POST',
      json: { expertId: expert.id, text: 'x'.repeat(EXPERT_RESPONSE_MAX + 1) },
    })
    await expectError(long, 400, 'invalid_input', ['body.text'])
    const unknown = await admin(responsesOf(comment.id), {
      method: 'POST',
      json: { expertId: 'x_0000000000000000', text: 'A' },
    })
    await expectError(unknown, 404, 'expert_not_found', ['body.expertId'])
    const foreign = await freshComment('respond', {}, OTHER_SITE)
    const elsewhere = await admin(responsesOf(foreign.id), {
      method: 'POST',
      json: { expertId: expert.id, text: 'A' },
    })
    await expectError(elsewhere, 404, 'comment_not_found')
  })

  it('refuses a comment its author deleted (409 comment_deleted) or one held for review', async () => {
    const expert = await createExpert()
    const { token } = await newReader()
    const parent = await postComment(token, 'respond', { text: 'To be deleted' })
    await postComment(token, 'respond', { text: 'Keeps it as a placeholder', parentId: parent.id })
    expect((await api(commentPath(parent.id), { method: 'DELETE', token })).status).toBe(200)
    const deleted = await admin(responsesOf(parent.id), {
      method: 'POST',
      json: { expertId: expert.id, text: 'A' },
    })
    await expectError(deleted, 409, 'comment_deleted')

    const held = await freshComment('respond')
    await env.DB.prepare("UPDATE comments SET status = 'pending' WHERE id = ?1").bind(held.id).run()
    const pending = await admin(responsesOf(held.id), {
      method: 'POST',
      json: { expertId: expert.id, text: 'A' },
    })
    await expectError(pending, 409, 'conflict')
  })
})

describe('readers see responses under the comment', () => {
  const THREAD = 'listing-experts'
  let top: Comment
  let reply: Comment
  let other: Comment
  let first: string
  let second: string
  let onReply: string

  beforeAll(async () => {
    await createPoll({
      key: 'listing-stance',
      question: 'Q?',
      options: ['Yes', 'No'],
      thread: THREAD,
    })
    const { token } = await newReader()
    top = await postComment(token, THREAD, {
      text: 'Who is most at risk of being trafficked in Europe, and why are women and girls affected so much more often?',
    })
    reply = await postComment(token, THREAD, { text: 'A reply', parentId: top.id })
    other = await postComment(token, THREAD, { text: 'Unanswered' })
    const [mep, coordinator] = await Promise.all([createExpert(), createExpert()])
    first = (await addResponse(top.id, mep.id, 'First answer')).id
    second = (await addResponse(top.id, coordinator.id, 'Second answer')).id
    onReply = (await addResponse(reply.id, mep.id, 'On the reply')).id
    await setResponseTime(first, 1_000)
    await setResponseTime(second, 2_000)
  })

  const idsOf = (comment: Comment | undefined) => comment?.expertResponses.map((r) => r.id)

  it.each(['newest', 'oldest', 'top', 'balanced'])(
    'with sort=%s, replies included',
    async (sort) => {
      const page = await getPage(THREAD, { sort })
      expect(idsOf(findInTree(page.comments, top.id))).toEqual([first, second])
      expect(idsOf(findInTree(page.comments, reply.id))).toEqual([onReply])
      expect(idsOf(findInTree(page.comments, other.id))).toEqual([])
    }
  )

  it('with a language filter, for a reader with a token, and in the replies route', async () => {
    const filtered = await getPage(THREAD, { lang: 'en' })
    expect(idsOf(findInTree(filtered.comments, top.id))).toEqual([first, second])
    const { token } = await newReader()
    const mine = await getPage(THREAD, {}, token)
    expect(idsOf(findInTree(mine.comments, top.id))).toEqual([first, second])
    const res = await api(`${commentPath(top.id)}/replies`)
    const replies = await expectBody(res, 200, ReplyPageSchema)
    expect(idsOf(replies.replies.find((r) => r.id === reply.id))).toEqual([onReply])
  })

  it('shows the expert and the rendered answer, oldest first', async () => {
    const page = await getPage(THREAD)
    const [a, b] = findInTree(page.comments, top.id)!.expertResponses
    expect(a).toMatchObject({ html: '<p>First answer</p>', expert: { title: expect.any(String) } })
    expect(Date.parse(a!.createdAt)).toBeLessThanOrEqual(Date.parse(b!.createdAt))
  })

  it('publishedResponsesFor reads many comments in one statement, published ones only', async () => {
    const ids = [top.id, reply.id, other.id, ...Array.from({ length: 200 }, (_, i) => `c_${i}x`)]
    const map = await publishedResponsesFor(env.DB, ids)
    expect(map.get(top.id)?.map((r) => r.id)).toEqual([first, second])
    expect(map.has(other.id)).toBe(false)
    expect((await publishedResponsesFor(env.DB, [])).size).toBe(0)
  })
})

describe('PATCH, DELETE and GET expert responses', () => {
  it('edits the text (re-rendered) and audits the previous text', async () => {
    const expert = await createExpert()
    const comment = await freshComment('edit-response')
    const response = await addResponse(comment.id, expert.id, 'Before')
    const res = await admin(responsePath(response.id), {
      method: 'PATCH',
      json: { text: 'After *this*' },
    })
    const edited = await expectBody(res, 200, AdminExpertResponseSchema)
    expect(edited).toMatchObject({ text: 'After *this*', html: '<p>After <em>this</em></p>' })
    const [, update] = await auditOf('expert_response', response.id)
    expect(update).toMatchObject({ action: 'expert_response.update' })
    expect(update!.details).toMatchObject({ previousText: 'Before' })
  })

  it('moves a response to another expert, not to an archived one', async () => {
    const [a, b, gone] = await Promise.all([createExpert(), createExpert(), createExpert()])
    await admin(expertPath(gone.id), { method: 'DELETE' })
    const response = await addResponse((await freshComment('edit-response')).id, a.id)
    const moved = await expectBody(
      await admin(responsePath(response.id), { method: 'PATCH', json: { expertId: b.id } }),
      200,
      AdminExpertResponseSchema
    )
    expect(moved.expert.id).toBe(b.id)
    const refused = await admin(responsePath(response.id), {
      method: 'PATCH',
      json: { expertId: gone.id },
    })
    await expectError(refused, 404, 'expert_not_found', ['body.expertId'])
  })

  it('deletes a response (204): gone from the listing and the Featured section, audited', async () => {
    const expert = await createExpert()
    const comment = await freshComment('delete-response')
    const response = await addResponse(comment.id, expert.id, 'Withdrawn')
    expect((await getThread('delete-response')).featured.map((c) => c.id)).toEqual([comment.id])
    const res = await admin(responsePath(response.id), { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(
      findInTree((await getPage('delete-response')).comments, comment.id)?.expertResponses
    ).toEqual([])
    expect((await getThread('delete-response')).featured).toEqual([])
    const [, removal] = await auditOf('expert_response', response.id)
    expect(removal).toMatchObject({ action: 'expert_response.delete' })
    expect(removal!.details).toMatchObject({ text: 'Withdrawn', commentId: comment.id })
    await expectError(
      await admin(responsePath(response.id), { method: 'DELETE' }),
      404,
      'not_found'
    )
  })

  it('lists responses newest first, by status, in pages', async () => {
    const expert = await createExpert()
    const made: string[] = []
    for (let i = 0; i < 3; i++) {
      const { id } = await addResponse((await freshComment('list-responses')).id, expert.id)
      await setResponseTime(id, 5_000 + i)
      made.push(id)
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query = `?status=published&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const res = await admin(`${sitePath(ADMIN_ROUTES.expertResponses)}${query}`)
      const page = await expectBody(res, 200, AdminExpertResponsePageSchema)
      expect(page.responses.every((r) => r.status === 'published')).toBe(true)
      seen.push(...page.responses.map((r) => r.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.filter((id) => made.includes(id))).toEqual([...made].reverse())
    expect(new Set(seen).size).toBe(seen.length)
    const bad = await admin(`${sitePath(ADMIN_ROUTES.expertResponses)}?cursor=nope`)
    await expectError(bad, 400, 'invalid_input', ['query.cursor'])
  })
})

describe('Thread.featured', () => {
  it('holds answered comments, most recently answered first, with responses and no replies', async () => {
    const THREAD = 'featured-order'
    const expert = await createExpert()
    const { token } = await newReader()
    const a = await postComment(token, THREAD, { text: 'A' })
    const b = await postComment(token, THREAD, { text: 'B' })
    await postComment(token, THREAD, { text: 'Not answered' })
    await postComment(token, THREAD, { text: 'Reply under A', parentId: a.id })
    await setResponseTime((await addResponse(a.id, expert.id, 'Answer to A')).id, 1_000)
    await setResponseTime((await addResponse(b.id, expert.id, 'Answer to B')).id, 2_000)
    // Answering A again makes it the most recently answered.
    await setResponseTime((await addResponse(a.id, expert.id, 'More on A')).id, 3_000)

    const thread = await getThread(THREAD)
    expect(thread.featured.map((c) => c.id)).toEqual([a.id, b.id])
    expect(thread.featured[0]!.expertResponses.map((r) => r.html)).toEqual([
      '<p>Answer to A</p>',
      '<p>More on A</p>',
    ])
    expect(thread.featured[0]!.replies).toEqual([])
    expect(thread.featured[0]!.replyCount).toBe(1)
  })

  it(`keeps at most FEATURED_MAX (${FEATURED_MAX}) and leaves out comments no longer published`, async () => {
    const THREAD = 'featured-cap'
    const expert = await createExpert()
    const answered: string[] = []
    for (let i = 0; i < FEATURED_MAX + 2; i++) {
      const comment = await freshComment(THREAD)
      await setResponseTime((await addResponse(comment.id, expert.id)).id, 1_000 + i)
      answered.push(comment.id)
    }
    const featured = (await getThread(THREAD)).featured.map((c) => c.id)
    expect(featured).toHaveLength(FEATURED_MAX)
    expect(new Set(featured)).toEqual(new Set(answered.slice(-FEATURED_MAX)))

    await env.DB.prepare("UPDATE comments SET status = 'removed' WHERE id = ?1")
      .bind(answered.at(-1))
      .run()
    expect((await getThread(THREAD)).featured.map((c) => c.id)).not.toContain(answered.at(-1))
  })

  it('is empty for a thread nobody commented on', async () => {
    const thread = await getThread('featured-nobody')
    expect(thread).toMatchObject({ featured: [], pinned: [] })
  })
})

describe('Thread.pinned', () => {
  it(`lists published pinned comments, most recently pinned first, at most PINNED_MAX (${PINNED_MAX})`, async () => {
    const THREAD = 'pinned'
    const expert = await createExpert()
    const pinned: string[] = []
    for (let i = 0; i < PINNED_MAX + 1; i++) {
      const comment = await freshComment(THREAD)
      await env.DB.prepare('UPDATE comments SET pinned_at = ?2 WHERE id = ?1')
        .bind(comment.id, 1_000_000 + i)
        .run()
      pinned.push(comment.id)
    }
    await freshComment(THREAD)
    await addResponse(pinned.at(-1)!, expert.id, 'Pinned and answered')
    const thread = await getThread(THREAD)
    expect(thread.pinned.map((c) => c.id)).toEqual([...pinned].reverse().slice(0, PINNED_MAX))
    expect(thread.pinned[0]!.expertResponses.map((r) => r.html)).toEqual([
      '<p>Pinned and answered</p>',
    ])

    await env.DB.prepare("UPDATE comments SET status = 'pending' WHERE id = ?1")
      .bind(pinned.at(-1))
      .run()
    const after = await getThread(THREAD)
    expect(after.pinned.map((c) => c.id)).toEqual([...pinned].reverse().slice(1, PINNED_MAX + 1))
  })
})
