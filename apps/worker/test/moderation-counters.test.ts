import { CommentSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { StoredStatus } from '../src/db/moderation-writes.ts'
import {
  api,
  commentPath,
  commentsPath,
  createSites,
  expectBody,
  getThread,
  setModeration,
} from './helpers.ts'
import {
  counterMismatches,
  moderate,
  type ModerationAction,
  transition,
} from './moderation-helpers.ts'
import { readerToken } from './polls-helpers.ts'

// The counters count published comments only, and stay exactly equal to a recount of the rows
// after every kind of change, in any order: posts and replies (held or not), the author's edits
// and deletes, reports reaching the threshold, and every moderator action.

const THREAD = 'counters-walk'
const STEPS = 150

/** A small seeded generator (mulberry32), so a failure replays the same walk. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Known {
  id: string
  token: string
}

beforeAll(async () => {
  await createSites()
  // Reports hide a comment at the second one; "scumbag" holds a comment.
  await setModeration({ bannedTerms: ['scumbag'], holdRules: { reportThreshold: 2 } })
})

async function rows(): Promise<{ id: string; status: StoredStatus; deleted_at: number | null }[]> {
  const { results } = await env.DB.prepare(
    `SELECT c.id, c.status, c.deleted_at FROM comments c JOIN threads t ON t.id = c.thread_id
     WHERE t.key = ?1`
  )
    .bind(THREAD)
    .all<{ id: string; status: StoredStatus; deleted_at: number | null }>()
  return results
}

describe('counters after every change', () => {
  it(`equal a recount of the rows at each of ${STEPS} random steps`, async () => {
    const next = random(20261129)
    const pick = <T>(list: T[]): T | undefined => list[Math.floor(next() * list.length)]
    const readers = await Promise.all(Array.from({ length: 6 }, () => readerToken()))
    const known: Known[] = []
    const done: Record<string, number> = {}
    for (let step = 0; step < STEPS; step++) {
      const roll = next()
      const token = pick(readers)!
      const target = pick(known)
      let kind: string
      if (roll < 0.3 || !target) {
        kind = 'post'
        const held = next() < 0.25
        const parentId = target && next() < 0.6 ? target.id : undefined
        const res = await api(commentsPath(THREAD), {
          method: 'POST',
          token,
          json: { authorName: 'Walker', text: held ? 'What a scumbag' : `Step ${step}`, parentId },
        })
        if (res.status === 201) {
          known.push({ id: (await expectBody(res, 201, CommentSchema)).id, token })
        }
      } else if (roll < 0.55) {
        kind = 'moderate'
        const action = pick<ModerationAction>(['approve', 'reject', 'spam', 'restore'])!
        const json = action === 'reject' ? { reason: 'other', statement: 'Walk' } : undefined
        const res = await moderate(target.id, action, json)
        expect([200, 404, 409]).toContain(res.status)
      } else if (roll < 0.65) {
        kind = 'report'
        await api(`${commentPath(target.id)}/reports`, {
          method: 'POST',
          token,
          json: { reason: 'spam' },
        })
      } else if (roll < 0.75) {
        kind = 'edit'
        await api(commentPath(target.id), {
          method: 'PATCH',
          token: target.token,
          json: { text: next() < 0.5 ? `Scumbag edit ${step}` : `Clean edit ${step}` },
        })
      } else if (roll < 0.85) {
        kind = 'delete'
        await api(commentPath(target.id), { method: 'DELETE', token: target.token })
      } else {
        kind = 'shadow'
        const from = (await rows()).find((r) => r.id === target.id)
        if (from && from.deleted_at === null) await transition(target.id, from.status, 'shadow')
      }
      done[kind] = (done[kind] ?? 0) + 1
      const mismatches = await counterMismatches()
      expect(mismatches, `after step ${step} (${kind})`).toEqual([])
    }
    // The walk did reach every kind of change and every status.
    expect(Object.keys(done).sort()).toEqual(
      ['delete', 'edit', 'moderate', 'post', 'report', 'shadow'].sort()
    )
    const statuses = new Set((await rows()).map((r) => r.status))
    expect([...statuses].sort()).toEqual(['pending', 'published', 'removed', 'shadow', 'spam'])
    const published = (await rows()).filter((r) => r.status === 'published' && !r.deleted_at)
    expect((await getThread(THREAD)).commentCount).toBe(published.length)
  }, 60_000)
})
