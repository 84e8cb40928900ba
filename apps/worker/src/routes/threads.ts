import { zValidator } from '@hono/zod-validator'
import { ThreadParamsSchema, type Poll, type Thread } from '@parley/core'
import { Hono } from 'hono'
import { loadThreadTop } from '../db/featured.ts'
import { listThreadPolls, loadPolls } from '../db/polls.ts'
import { countStances, getThreadWithStancePoll, type StancePoll } from '../db/stances.ts'
import { countLanguages } from '../db/threads.ts'
import type { Site } from '../db/sites.ts'
import type { AppEnv } from '../env.ts'
import { validationHook } from '../errors.ts'
import { readerOf } from '../middleware/reader.ts'
import { commentView, reactionsOf } from './comment-access.ts'

/**
 * Thread.stances: the stance poll's key and its top-level comments per stance. The counts are
 * null while the poll withholds its results from this caller: comments per side track votes per
 * side, so they would tell early how people voted. (Each badge stays: its author chose to show it.)
 */
async function stancesOf(
  db: D1Database,
  threadId: number,
  stancePoll: StancePoll | null,
  polls: Poll[]
): Promise<Thread['stances']> {
  if (!stancePoll) return null
  const poll = polls.find((p) => p.id === stancePoll.key)
  // Not among the polls just read (moved off the thread meanwhile): withhold rather than guess.
  if (poll?.resultsStatus !== 'visible') return { poll: stancePoll.key, counts: null }
  const counts = await countStances(db, threadId, {
    id: stancePoll.id,
    visibleOptions: poll.options.map((o) => o.id),
  })
  return { poll: stancePoll.key, counts }
}

/** Thread.turnstile: what the widget needs to show Turnstile, null while the site has it off. */
const turnstileOf = ({ settings: { turnstile } }: Site): Thread['turnstile'] =>
  turnstile.enabled ? { siteKey: turnstile.siteKey, votes: turnstile.votes } : null

export const threads = new Hono<AppEnv>().get(
  '/',
  zValidator('param', ThreadParamsSchema, validationHook),
  async (c) => {
    const { site, thread: key } = c.req.valid('param')
    const { showStances } = c.var.site.settings
    const { thread: row, stancePoll } = await getThreadWithStancePoll(
      c.env.DB,
      site,
      key,
      showStances
    )
    if (!row) {
      // A page nobody has commented on yet: nothing to store until the first comment.
      const empty: Thread = {
        site,
        key,
        title: null,
        commentCount: 0,
        polls: [],
        reactions: reactionsOf(c.var.site, undefined),
        stances: null,
        languages: {},
        featured: [],
        pinned: [],
        uiLanguages: c.var.site.settings.uiLanguages,
        turnstile: turnstileOf(c.var.site),
        signIn: c.var.site.settings.signIn,
      }
      return c.json(empty)
    }
    const pollRows = await listThreadPolls(c.env.DB, row.id)
    // The reader's own poll choices, and mine/myReaction on the featured and pinned comments.
    const readerId = await readerOf(c)
    const polls = await loadPolls(c.env.DB, pollRows, readerId)
    const [stances, languages, top] = await Promise.all([
      stancesOf(c.env.DB, row.id, stancePoll, polls),
      countLanguages(c.env.DB, row.id),
      loadThreadTop(c.env.DB, row.id, commentView(c.var.site, row.settings, readerId)),
    ])
    const thread: Thread = {
      site,
      key,
      title: row.title,
      commentCount: row.comment_count,
      polls,
      reactions: reactionsOf(c.var.site, row.settings),
      stances,
      languages,
      featured: top.featured,
      pinned: top.pinned,
      uiLanguages: c.var.site.settings.uiLanguages,
      turnstile: turnstileOf(c.var.site),
      signIn: c.var.site.settings.signIn,
    }
    return c.json(thread)
  }
)
