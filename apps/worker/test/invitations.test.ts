import {
  ADMIN_ROUTES,
  AdminExpertResponsePageSchema,
  AdminExpertResponseSchema,
  INVITATION_HOURS_DEFAULT,
  InvitationPageSchema,
  InvitationResponseSchema,
  InvitationSchema,
  InvitationViewSchema,
  type Invitation,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { signInvitationToken, verifyInvitationToken } from '../src/lib/invitation-token.ts'
import {
  answer,
  createExpert,
  freshComment,
  invitationPath,
  invite,
  tokenOf,
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
  OTHER_ORIGIN,
  postComment,
  setModeration,
  SITE,
  WORKER_ORIGIN,
} from './helpers.ts'
import { admin, auditOf, sitePath } from './admin-helpers.ts'

const HOUR = 60 * 60 * 1000
const invitationsPath = sitePath(ADMIN_ROUTES.invitations)
const revoke = (id: string) =>
  admin(sitePath(ADMIN_ROUTES.invitation, { invitation: id }), { method: 'DELETE' })
const view = (token: string, headers: Record<string, string> = {}) =>
  api(invitationPath(token), { headers })

let expertId: string

async function freshInvitation(thread = 'invitations', hours?: number): Promise<Invitation> {
  const comment = await freshComment(thread)
  return invite(comment.id, expertId, hours)
}

/** Moves an invitation's expiry and returns a validly signed token for the new one. */
async function expireAt(invitation: Invitation, expiresAt: number): Promise<string> {
  await env.DB.prepare('UPDATE expert_invitations SET expires_at = ?2 WHERE id = ?1')
    .bind(invitation.id, expiresAt)
    .run()
  return signInvitationToken(env.READER_TOKEN_SECRET, { id: invitation.id, expiresAt })
}

async function listed(status: string): Promise<string[]> {
  const res = await admin(`${invitationsPath}?status=${status}&limit=100`)
  return (await expectBody(res, 200, InvitationPageSchema)).invitations.map((i) => i.id)
}

beforeAll(async () => {
  await createSites()
  expertId = (await createExpert({ name: 'Invited Expert' })).id
})

describe('the invitation token', () => {
  it('round-trips the id and expiry, and is deterministic', async () => {
    const claim = { id: 'xi_0123456789abcdef', expiresAt: 1_900_000_000_000 }
    const token = await signInvitationToken(env.READER_TOKEN_SECRET, claim)
    expect(await verifyInvitationToken(env.READER_TOKEN_SECRET, token)).toEqual(claim)
    expect(await signInvitationToken(env.READER_TOKEN_SECRET, claim)).toBe(token)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
  })

  it('is refused under another secret or with any byte changed', async () => {
    const claim = { id: 'xi_0123456789abcdef', expiresAt: 1_900_000_000_000 }
    const token = await signInvitationToken(env.READER_TOKEN_SECRET, claim)
    expect(await verifyInvitationToken('another-secret-of-sufficient-length', token)).toBeNull()
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue
      const flipped = `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`
      expect(await verifyInvitationToken(env.READER_TOKEN_SECRET, flipped), `byte ${i}`).toBeNull()
    }
    for (const junk of ['', '.', 'abc', `${token}.x`, token.replace('.', '')]) {
      expect(await verifyInvitationToken(env.READER_TOKEN_SECRET, junk)).toBeNull()
    }
  })
})

describe('POST /v1/admin/sites/:site/comments/:comment/invitations', () => {
  it('returns the link on this origin, open for a week by default, and audits it', async () => {
    const before = Date.now()
    const comment = await freshComment('invitations', {
      text: 'Can immigration policy change anything about trafficking?',
    })
    const res = await admin(sitePath(ADMIN_ROUTES.commentInvitations, { comment: comment.id }), {
      method: 'POST',
      json: { expertId },
    })
    const invitation = await expectBody(res, 201, InvitationSchema)
    expect(invitation.url).toMatch(new RegExp(`^${WORKER_ORIGIN}/admin/answer#[A-Za-z0-9_.-]+$`))
    expect(invitation).toMatchObject({
      commentId: comment.id,
      threadKey: 'invitations',
      question: { authorName: 'Ada', text: comment.text },
      expert: { id: expertId, name: 'Invited Expert' },
      status: 'open',
      answeredAt: null,
      revokedAt: null,
    })
    const expires = Date.parse(invitation.expiresAt)
    expect(expires).toBeGreaterThanOrEqual(before + INVITATION_HOURS_DEFAULT * HOUR)
    expect(expires).toBeLessThanOrEqual(Date.now() + INVITATION_HOURS_DEFAULT * HOUR)
    expect(res.headers.get('location')).toBe(
      sitePath(ADMIN_ROUTES.invitation, { invitation: invitation.id })
    )
    expect(await auditOf('invitation', invitation.id)).toEqual([
      expect.objectContaining({ action: 'invitation.create', actor: 'owner' }),
    ])
  })

  it('takes 1 to 720 hours, naming body.expiresInHours otherwise', async () => {
    const comment = await freshComment()
    const path = sitePath(ADMIN_ROUTES.commentInvitations, { comment: comment.id })
    for (const expiresInHours of [0, 721, 1.5]) {
      const res = await admin(path, { method: 'POST', json: { expertId, expiresInHours } })
      await expectError(res, 400, 'invalid_input', ['body.expiresInHours'])
    }
    const short = await invite(comment.id, expertId, 1)
    expect(Date.parse(short.expiresAt) - Date.parse(short.createdAt)).toBe(HOUR)
  })

  it('refuses an unknown expert and an unknown comment', async () => {
    const comment = await freshComment()
    const unknownExpert = await admin(
      sitePath(ADMIN_ROUTES.commentInvitations, { comment: comment.id }),
      { method: 'POST', json: { expertId: 'x_0000000000000000' } }
    )
    await expectError(unknownExpert, 404, 'expert_not_found', ['body.expertId'])
    const unknownComment = await admin(
      sitePath(ADMIN_ROUTES.commentInvitations, { comment: 'c_0000000000000000' }),
      { method: 'POST', json: { expertId } }
    )
    await expectError(unknownComment, 404, 'comment_not_found')
  })
})

describe('GET /v1/invitations/:token', () => {
  it('shows the site, the thread, the comment with its parents and replies, and the expert', async () => {
    const { token: reader } = await newReader()
    const root = await postComment(reader, 'context', { text: 'The root comment' })
    const middle = await postComment(reader, 'context', { text: 'A reply', parentId: root.id })
    const asked = await postComment(reader, 'context', {
      text: 'The question',
      parentId: middle.id,
    })
    const below = await postComment(reader, 'context', { text: 'Below it', parentId: asked.id })
    const invitation = await invite(asked.id, expertId)

    const res = await view(tokenOf(invitation))
    const body = await expectBody(res, 200, InvitationViewSchema)
    expect(body.site).toEqual({ id: SITE, name: 'News' })
    expect(body.thread).toEqual({ key: 'context', title: null })
    expect(body.parents.map((c) => c.text)).toEqual(['The root comment', 'A reply'])
    expect(body.comment).toMatchObject({ id: asked.id, text: 'The question', mine: false })
    expect(body.comment.replies.map((c) => c.id)).toEqual([below.id])
    expect(body.expert).toMatchObject({ id: expertId, name: 'Invited Expert' })
    expect(body).toMatchObject({ answered: false, response: null, expiresAt: invitation.expiresAt })
    expect(res.headers.get('cache-control')).toBe('no-store')
    for (const [name] of res.headers) expect(name).not.toMatch(/^access-control-/)
  })

  it('answers same-origin browsers and requests without Origin, never other origins', async () => {
    const invitation = await freshInvitation()
    expect((await view(tokenOf(invitation), { origin: WORKER_ORIGIN })).status).toBe(200)
    await expectError(
      await view(tokenOf(invitation), { origin: OTHER_ORIGIN }),
      403,
      'forbidden_origin'
    )
    await expectError(
      await answer(tokenOf(invitation), 'x', { origin: OTHER_ORIGIN }),
      403,
      'forbidden_origin'
    )
  })

  it('answers 404 invitation_invalid for a tampered, forged or unknown link', async () => {
    const invitation = await freshInvitation()
    const token = tokenOf(invitation)
    const [payload, mac] = token.split('.') as [string, string]
    const tampered = [
      `${payload}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`,
      `${payload.startsWith('A') ? 'B' : 'A'}${payload.slice(1)}.${mac}`,
      'not-a-token',
      // A valid signature over another expiry than the invitation's.
      await signInvitationToken(env.READER_TOKEN_SECRET, {
        id: invitation.id,
        expiresAt: Date.parse(invitation.expiresAt) + HOUR,
      }),
      // A valid signature for an invitation that does not exist.
      await signInvitationToken(env.READER_TOKEN_SECRET, {
        id: 'xi_0000000000000000',
        expiresAt: Date.now() + HOUR,
      }),
    ]
    for (const bad of tampered) {
      await expectError(await view(bad), 404, 'invitation_invalid')
      await expectError(await answer(bad), 404, 'invitation_invalid')
    }
  })

  it('answers 410 invitation_expired after the expiry, and lists it as expired', async () => {
    const invitation = await freshInvitation()
    const token = await expireAt(invitation, Date.now() - 1000)
    await expectError(await view(token), 410, 'invitation_expired')
    await expectError(await answer(token), 410, 'invitation_expired')
    expect(await listed('expired')).toContain(invitation.id)
    expect(await listed('open')).not.toContain(invitation.id)
  })
})

describe('DELETE /v1/admin/sites/:site/invitations/:invitation', () => {
  it('revokes the link at once (404), once, and audits it', async () => {
    const invitation = await freshInvitation()
    const res = await revoke(invitation.id)
    const revoked = await expectBody(res, 200, InvitationSchema)
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) })
    await expectError(await view(tokenOf(invitation)), 404, 'invitation_invalid')
    await expectError(await answer(tokenOf(invitation)), 404, 'invitation_invalid')
    expect(await listed('revoked')).toContain(invitation.id)

    expect((await revoke(invitation.id)).status).toBe(200)
    const actions = (await auditOf('invitation', invitation.id)).map((r) => r.action)
    expect(actions).toEqual(['invitation.create', 'invitation.revoke'])
  })

  it('refuses to revoke an answered invitation (409 already_answered)', async () => {
    const invitation = await freshInvitation()
    expect((await answer(tokenOf(invitation))).status).toBe(201)
    await expectError(await revoke(invitation.id), 409, 'already_answered')
  })

  it('answers 404 for an invitation of another site', async () => {
    const invitation = await freshInvitation()
    const res = await admin(
      sitePath(ADMIN_ROUTES.invitation, { invitation: invitation.id }, 'blog'),
      { method: 'DELETE' }
    )
    await expectError(res, 404, 'not_found')
  })
})

describe('POST /v1/invitations/:token/response', () => {
  it('publishes the answer under the comment and in Featured at once', async () => {
    const comment = await freshComment('answered')
    const invitation = await invite(comment.id, expertId)
    const res = await answer(tokenOf(invitation), 'Women and girls, **mostly**.')
    const created = await expectBody(res, 201, InvitationResponseSchema)
    expect(created).toMatchObject({
      status: 'published',
      text: 'Women and girls, **mostly**.',
      html: '<p>Women and girls, <strong>mostly</strong>.</p>',
    })
    const page = await getPage('answered')
    const shown = findInTree(page.comments, comment.id)!.expertResponses
    expect(shown).toEqual([
      expect.objectContaining({
        id: created.id,
        expert: expect.objectContaining({ id: expertId }),
      }),
    ])
    expect((await getThread('answered')).featured.map((c) => c.id)).toEqual([comment.id])

    // The link now shows the answer, and takes no second one.
    const after = await expectBody(await view(tokenOf(invitation)), 200, InvitationViewSchema)
    expect(after).toMatchObject({ answered: true, response: { id: created.id } })
    await expectError(await answer(tokenOf(invitation)), 409, 'already_answered')
    expect(await listed('answered')).toContain(invitation.id)
    const row = await env.DB.prepare('SELECT invitation_id FROM expert_responses WHERE id = ?1')
      .bind(created.id)
      .first<{ invitation_id: string }>()
    expect(row?.invitation_id).toBe(invitation.id)
  })

  it('still shows an answered invitation after its expiry', async () => {
    const invitation = await freshInvitation()
    expect((await answer(tokenOf(invitation))).status).toBe(201)
    const token = await expireAt(invitation, Date.now() - 1000)
    const body = await expectBody(await view(token), 200, InvitationViewSchema)
    expect(body.answered).toBe(true)
    await expectError(await answer(token), 409, 'already_answered')
  })

  it('takes exactly one of several answers sent at once', async () => {
    const invitation = await freshInvitation()
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => answer(tokenOf(invitation), `Answer ${i}`))
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409])
    for (const res of results.filter((r) => r.status === 409)) {
      await expectError(res, 409, 'already_answered')
    }
    const { n } = (await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM expert_responses WHERE invitation_id = ?1'
    )
      .bind(invitation.id)
      .first<{ n: number }>())!
    expect(n).toBe(1)
  })

  it('holds the answer for review when the site asks for it; a moderator approves it', async () => {
    await setModeration({ reviewExpertResponses: true })
    try {
      const comment = await freshComment('reviewed')
      const invitation = await invite(comment.id, expertId)
      const created = await expectBody(
        await answer(tokenOf(invitation), 'Awaiting review'),
        201,
        InvitationResponseSchema
      )
      expect(created.status).toBe('pending')
      expect(findInTree((await getPage('reviewed')).comments, comment.id)?.expertResponses).toEqual(
        []
      )
      expect((await getThread('reviewed')).featured).toEqual([])

      const pending = await admin(`${sitePath(ADMIN_ROUTES.expertResponses)}?status=pending`)
      const page = await expectBody(pending, 200, AdminExpertResponsePageSchema)
      expect(page.responses.find((r) => r.id === created.id)).toMatchObject({
        status: 'pending',
        invitationId: invitation.id,
        commentId: comment.id,
        text: 'Awaiting review',
      })

      const approvePath = sitePath(ADMIN_ROUTES.expertResponseApprove, { response: created.id })
      const approved = await expectBody(
        await admin(approvePath, { method: 'POST' }),
        200,
        AdminExpertResponseSchema
      )
      expect(approved.status).toBe('published')
      expect(
        findInTree((await getPage('reviewed')).comments, comment.id)?.expertResponses.map(
          (r) => r.id
        )
      ).toEqual([created.id])
      expect((await getThread('reviewed')).featured.map((c) => c.id)).toEqual([comment.id])
      await expectError(await admin(approvePath, { method: 'POST' }), 409, 'conflict')
      expect((await auditOf('expert_response', created.id)).map((r) => r.action)).toEqual([
        'expert_response.approve',
      ])
    } finally {
      await setModeration({ reviewExpertResponses: false })
    }
  })

  it('refuses a comment deleted by its author (409 comment_deleted)', async () => {
    const { token } = await newReader()
    const comment = await postComment(token, 'invitations', { text: 'Asked, then deleted' })
    await postComment(token, 'invitations', { text: 'A reply keeps it', parentId: comment.id })
    const invitation = await invite(comment.id, expertId)
    expect((await api(commentPath(comment.id), { method: 'DELETE', token })).status).toBe(200)
    await expectError(await view(tokenOf(invitation)), 409, 'comment_deleted')
    await expectError(await answer(tokenOf(invitation)), 409, 'comment_deleted')
  })

  it('validates the text, naming body.text', async () => {
    const invitation = await freshInvitation()
    await expectError(await answer(tokenOf(invitation), '   '), 400, 'invalid_input', ['body.text'])
    const res = await api(`${invitationPath(tokenOf(invitation))}/response`, {
      method: 'POST',
      body: 'text',
      headers: { 'content-type': 'text/plain' },
    })
    await expectError(res, 415, 'unsupported_media_type')
  })

  it('lists open invitations as the unanswered questions, newest first, in pages', async () => {
    const made = [await freshInvitation('unanswered'), await freshInvitation('unanswered')]
    await env.DB.prepare('UPDATE expert_invitations SET created_at = ?2 WHERE id = ?1')
      .bind(made[0]!.id, 1_000)
      .run()
    await env.DB.prepare('UPDATE expert_invitations SET created_at = ?2 WHERE id = ?1')
      .bind(made[1]!.id, 2_000)
      .run()
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query: string = `?status=open&limit=1${cursor ? `&cursor=${cursor}` : ''}`
      const page = await expectBody(
        await admin(`${invitationsPath}${query}`),
        200,
        InvitationPageSchema
      )
      expect(page.invitations.every((i) => i.status === 'open')).toBe(true)
      seen.push(...page.invitations.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.filter((id) => made.some((m) => m.id === id))).toEqual([made[1]!.id, made[0]!.id])
  })
})
