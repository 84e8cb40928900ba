import { ADMIN_ROUTES, CommentSchema } from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { admin, sitePath } from './admin-helpers.ts'
import { adminCommentsPath } from './moderation-helpers.ts'
import { commentRow, createSites, expectBody, getPage, newReader, sendComment } from './helpers.ts'

// The comment form's bot checks: a filled honeypot or a form sent faster than the site's
// botChecks.minSubmitSeconds stores the comment as spam, for a moderator; nothing is lost.

let token: string
beforeAll(async () => {
  await createSites()
  token = (await newReader()).token
})

const setMinSeconds = async (minSubmitSeconds: number) => {
  const json = { settings: { botChecks: { minSubmitSeconds } } }
  expect((await admin(sitePath(ADMIN_ROUTES.site), { method: 'PATCH', json })).status).toBe(200)
}

async function post(thread: string, body: Record<string, unknown>) {
  return expectBody(await sendComment(token, thread, body), 201, CommentSchema)
}

async function storedAsSpam(id: string, detail: RegExp) {
  const row = await commentRow(id)
  expect(row?.status).toBe('spam')
  const moderation = JSON.parse(String(row?.moderation)) as {
    reasons: { signal: string; detail: string }[]
  }
  expect(moderation.reasons).toContainEqual({
    signal: 'bot_check',
    detail: expect.stringMatching(detail),
    weight: 0,
  })
}

describe('honeypot', () => {
  it('stores a comment with the trap filled as spam: hidden from others, kept for moderators', async () => {
    const comment = await post('bots-honeypot', {
      honeypot: 'http://spam.example',
      elapsedMs: 60_000,
    })
    // Its author sees it removed as spam, with the reason, and may appeal.
    expect(comment.status).toBe('removed')
    expect(comment.removal?.statement).toMatch(/bot check/)
    await storedAsSpam(comment.id, /honeypot/)
    expect((await getPage('bots-honeypot')).comments).toEqual([])
    const queue = await admin(`${adminCommentsPath()}?view=spam`)
    expect(JSON.stringify(await queue.json())).toContain(comment.id)
  })

  it('publishes a comment with the trap empty or absent', async () => {
    expect((await post('bots-clean', { honeypot: '', elapsedMs: 60_000 })).status).toBe('published')
    expect((await post('bots-clean', {})).status).toBe('published')
  })

  it('refuses a honeypot that is not a string, naming the field', async () => {
    const res = await sendComment(token, 'bots-bad', { honeypot: 42 })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('body.honeypot')
  })
})

describe('minimum time to submit', () => {
  it('stores a comment sent faster than the minimum (2 s by default) as spam', async () => {
    const fast = await post('bots-fast', { elapsedMs: 800 })
    expect(fast.status).toBe('removed')
    await storedAsSpam(fast.id, /0\.8 s after the form appeared \(minimum 2 s\)/)
    expect((await post('bots-fast', { elapsedMs: 2000 })).status).toBe('published')
  })

  it('follows the site setting, and 0 turns the check off', async () => {
    await setMinSeconds(10)
    expect((await post('bots-setting', { elapsedMs: 5000 })).status).toBe('removed')
    await setMinSeconds(0)
    expect((await post('bots-setting', { elapsedMs: 0 })).status).toBe('published')
    await setMinSeconds(2)
  })

  it('does not time API clients that send no elapsedMs', async () => {
    expect((await post('bots-api', {})).status).toBe('published')
  })

  it('refuses a negative or fractional elapsedMs, naming the field', async () => {
    for (const elapsedMs of [-1, 1.5, '2000']) {
      const res = await sendComment(token, 'bots-bad', { elapsedMs })
      expect(res.status).toBe(400)
      expect(JSON.stringify(await res.json())).toContain('body.elapsedMs')
    }
  })
})

describe('bot-check spam', () => {
  it('is not lost: a moderator restores it and it is published', async () => {
    const comment = await post('bots-restore', { honeypot: 'x' })
    const res = await admin(`${sitePath(ADMIN_ROUTES.commentRestore, { comment: comment.id })}`, {
      method: 'POST',
      json: {},
    })
    expect(res.status, await res.clone().text()).toBe(200)
    expect((await getPage('bots-restore')).comments.map((c) => c.id)).toEqual([comment.id])
  })
})
