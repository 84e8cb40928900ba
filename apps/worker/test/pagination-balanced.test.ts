import { PAGE_SIZE_MAX, type AdminPoll } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { balancedPageSql, turnsOf } from '../src/db/balanced-pages.ts'
import { ballotOptionSql, COUNT_STANCES } from '../src/db/stances.ts'
import { parseOptionId } from '../src/lib/ids.ts'
import { insertBulkThread } from './fixtures.ts'
import { createSites, getPage, postComment, queryPlan } from './helpers.ts'
import { createPoll, readerToken, vote } from './polls-helpers.ts'

const THREAD = 'balanced-thousands'
const TOTAL = 3000
// Ends an hour ago, so the comments posted during the walks rank among the seeded ones.
const FIRST = Date.now() - 60 * 60_000 - Math.ceil(TOTAL / 3) * 1000

let poll: AdminPoll
/** The stance groups in turn order: Yes, No, Not sure (option row ids), then none. */
let groups: (number | null)[]
/** A reader per group, who voted that way (the last one did not vote). */
let voters: string[]
const postedByWalks = new Set<string>()

beforeAll(async () => {
  await createSites()
  poll = await createPoll({
    key: 'balanced-poll',
    question: 'Should Europe do more in countries of origin?',
    options: ['Yes', 'No', 'Not sure'],
    thread: THREAD,
  })
  const [yes, no, unsure] = poll.options.map((o) => parseOptionId(o.id)!)
  groups = [yes!, no!, unsure!, null]
  // Uneven sides, as in a real debate: half Yes, a fifth No, a tenth Not sure, a fifth none, so
  // the small sides run out long before the walk ends.
  const stances = [yes!, yes!, yes!, yes!, no!, no!, unsure!, null, null, yes!]
  await insertBulkThread(THREAD, TOTAL, {
    idPrefix: 'bal',
    firstCreatedAt: FIRST,
    stepMs: 1000,
    stances,
  })
  voters = await Promise.all(
    poll.options
      .map((option) => option.id)
      .concat('')
      .map(async (optionId) => {
        const token = await readerToken()
        if (optionId) await vote(poll.id, [optionId], token)
        return token
      })
  )
})

interface StoredRow {
  id: string
  rank: number
  stance_option_id: number | null
}

/** Each group's comments by "top" (rank, then id, descending), as stored now. */
async function storedGroups(): Promise<string[][]> {
  const { results } = await env.DB.prepare(
    `SELECT c.id, c.rank, c.stance_option_id FROM comments c JOIN threads t ON t.id = c.thread_id
     WHERE t.key = ?1 AND c.parent_id IS NULL`
  )
    .bind(THREAD)
    .all<StoredRow>()
  const byTop = (a: StoredRow, b: StoredRow) => b.rank - a.rank || (a.id < b.id ? 1 : -1)
  return groups.map((group) =>
    results
      .filter((row) => row.stance_option_id === group)
      .sort(byTop)
      .map((row) => row.id)
  )
}

/** The documented order, computed independently: round-robin over the groups, skipping empty ones. */
function roundRobin(lists: string[][]): string[] {
  const order: string[] = []
  for (let round = 0; order.length < lists.flat().length; round++) {
    for (const list of lists) if (round < list.length) order.push(list[round]!)
  }
  return order
}

/** Pages through by 100; with `postBetween`, a reader of the next side posts before each page. */
async function walk(postBetween: boolean) {
  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const query: Record<string, string | number> = { sort: 'balanced', limit: PAGE_SIZE_MAX }
    if (cursor) query.cursor = cursor
    const page = await getPage(THREAD, query)
    seen.push(...page.comments.map((c) => c.id))
    cursor = page.nextCursor
    if (postBetween) {
      const { id } = await postComment(voters[pages % voters.length]!, THREAD, {
        text: 'Meanwhile',
      })
      postedByWalks.add(id)
    }
    pages++
  } while (cursor)
  return seen
}

describe(`${TOTAL} top-level comments over three sides and none, balanced`, () => {
  it('starts with the best comment of every side, in option order, then none', async () => {
    const lists = await storedGroups()
    const page = await getPage(THREAD, { sort: 'balanced', limit: 4 })
    expect(page.comments.map((c) => c.id)).toEqual(lists.map((list) => list[0]))
    expect(page.comments.map((c) => c.stance?.label ?? null)).toEqual([
      'Yes',
      'No',
      'Not sure',
      null,
    ])
  })

  it('walks every comment once, in round-robin order, when nothing is posted meanwhile', async () => {
    const lists = await storedGroups()
    expect(lists.map((list) => list.length)).toEqual([1500, 600, 300, 600])
    expect(await walk(false)).toEqual(roundRobin(lists))
  })

  it('returns every original comment exactly once, each side in order, while every side posts', async () => {
    const lists = await storedGroups()
    const original = new Set(lists.flat())
    const seen = await walk(true)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.filter((id) => original.has(id)).length).toBe(original.size)
    for (const list of lists) {
      const side = new Set(list)
      expect(seen.filter((id) => side.has(id))).toEqual(list)
    }
    // Whatever else the walk met was posted by a walk.
    expect(seen.filter((id) => !original.has(id)).every((id) => postedByWalks.has(id))).toBe(true)
  })
})

describe('balanced query plans', () => {
  const base = () => [1, 21, null, null, null, 'r_x', 50] as (string | number | null)[]
  const groupKeys = ['o_1', 'o_2', 'o_3', 'none']

  describe.each([
    ['the first page', null],
    [
      'a later page',
      {
        order: 'balanced' as const,
        last: 'o_2',
        positions: [
          { group: 'o_1', key: 490_000.5, id: 'c_zzzzzzzzzz' },
          { group: 'o_2', key: 490_000.5, id: 'c_zzzzzzzzzz' },
        ],
      },
    ],
  ])('%s', (_, after) => {
    const params = base()
    const sql = balancedPageSql(turnsOf({ groups: groupKeys, limit: 20, after }), params, {
      tombstones: true,
    })

    // Not from the index alone any more: whether the reader sees a candidate (its status, its
    // author) is read from its row, one primary-key lookup per candidate.
    it('reads each side as a range of comments_top_stance_rank', async () => {
      const detail = await queryPlan(sql.topLevel, ...params)
      const searches = detail.match(
        /SEARCH c USING (COVERING )?INDEX comments_top_stance_rank \(thread_id=\? AND stance_option_id=\?/g
      )
      expect(searches).toHaveLength(groupKeys.length)
      expect(detail).not.toMatch(/SCAN c\b|SCAN comments/)
      // Only the candidates (sides × page size) are sorted; the rest are primary-key lookups.
      expect(detail).toMatch(/SEARCH c USING INDEX sqlite_autoindex_comments_1 \(id=\?\)/)
    })

    it("reads the page's replies by root, without a scan of comments", async () => {
      const detail = await queryPlan(sql.replies, ...params)
      expect(detail).toMatch(
        /SEARCH c USING INDEX comments_by_root \(root_id=\? AND \(created_at,id\)<\(\?,\?\)\)/
      )
      expect(detail).not.toMatch(/SCAN (c|r|s|comments)\b/)
    })
  })

  it("reads the author's vote by the ballot's unique key when a comment is posted", async () => {
    const detail = await queryPlan(`SELECT ${ballotOptionSql('?1', '?2')}`, 1, 'r_x')
    expect(detail).toMatch(/SEARCH p USING INDEX polls_by_thread \(thread_id=\?\)/)
    expect(detail).toMatch(
      /SEARCH b USING (COVERING )?INDEX sqlite_autoindex_ballots_1 \(poll_id=\? AND reader_id=\?\)/
    )
    expect(detail).not.toMatch(/SCAN (b|v|p)\b/)
  })

  it('counts stances from the comments_top_stance_rank index alone, without sorting', async () => {
    const detail = await queryPlan(COUNT_STANCES, 1, 1)
    expect(detail).toMatch(
      /SEARCH comments USING COVERING INDEX comments_top_stance_rank \(thread_id=\?\)/
    )
    expect(detail).not.toMatch(/TEMP B-TREE|SCAN comments/)
  })
})
