import {
  AdminPollPageSchema,
  AdminPollSchema,
  PollExportSchema,
  type AdminPoll,
  type NewPoll,
} from '@parley/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, createSites, expectBody, expectError, SITE } from './helpers.ts'
import { admin } from './admin-helpers.ts'
import {
  adminPollPath,
  adminPollsPath,
  createPoll,
  editPoll,
  getPoll,
  readerToken,
  vote,
} from './polls-helpers.ts'

const HOUR = 3600_000
let seq = 0
const nextKey = () => `admin-${++seq}`
const fresh = (overrides: Partial<NewPoll> = {}) =>
  createPoll({ key: nextKey(), question: 'Which?', options: ['A', 'B', 'C'], ...overrides })
const create = (json: unknown) => admin(adminPollsPath(), { method: 'POST', json })
const patch = (key: string, json: unknown) => admin(adminPollPath(key), { method: 'PATCH', json })
const deleteOption = (key: string, option: string) =>
  admin(`${adminPollPath(key)}/options/${option}`, { method: 'DELETE' })
const exportPoll = (key: string, format?: string) =>
  admin(`${adminPollPath(key)}/export${format ? `?format=${format}` : ''}`)
const labels = (poll: AdminPoll) => poll.options.map((o) => o.label)

beforeAll(createSites)

describe('POST /v1/admin/sites/:site/polls', () => {
  it('creates a poll with defaults and answers 201 with its Location', async () => {
    const key = nextKey()
    const res = await create({ key, question: '  Is it  enough? ', options: [' Yes ', 'No'] })
    const poll = await expectBody(res, 201, AdminPollSchema)
    expect(res.headers.get('location')).toBe(adminPollPath(key))
    expect(poll).toMatchObject({
      id: key,
      thread: null,
      question: 'Is it  enough?',
      kind: 'single',
      maxChoices: 1,
      opensAt: null,
      closesAt: null,
      status: 'open',
      resultsVisibility: 'always',
      allowVoteChange: true,
      totalVotes: 0,
      voters: 0,
    })
    expect(poll.options.map((o) => [o.label, o.position, o.hidden, o.votes])).toEqual([
      ['Yes', 0, false, 0],
      ['No', 1, false, 0],
    ])
  })

  it('takes every setting, and shows the poll with its thread', async () => {
    const opensAt = new Date(Date.now() + HOUR).toISOString()
    const poll = await fresh({
      kind: 'multiple',
      maxChoices: 2,
      opensAt,
      closesAt: '2099-01-01T00:00:00+01:00',
      resultsVisibility: 'after_close',
      allowVoteChange: false,
      thread: '2026/budget',
    })
    expect(poll).toMatchObject({
      kind: 'multiple',
      maxChoices: 2,
      opensAt,
      closesAt: '2098-12-31T23:00:00.000Z',
      status: 'scheduled',
      resultsVisibility: 'after_close',
      allowVoteChange: false,
      thread: '2026/budget',
    })
    const thread = await api(`/v1/sites/${SITE}/threads/${encodeURIComponent('2026/budget')}`)
    expect(((await thread.json()) as { polls: { id: string }[] }).polls.map((p) => p.id)).toEqual([
      poll.id,
    ])
  })

  it('defaults maxChoices of a multiple-choice poll to every option', async () => {
    expect((await fresh({ kind: 'multiple' })).maxChoices).toBe(3)
  })

  it('answers 409 conflict for a key the site already uses, changing nothing', async () => {
    const poll = await fresh()
    const res = await create({ key: poll.id, question: 'Other?', options: ['X', 'Y'] })
    await expectError(res, 409, 'conflict')
    const after = await expectBody(await admin(adminPollPath(poll.id)), 200, AdminPollSchema)
    expect(after).toEqual(poll)
  })

  it.each([
    ['one option', { options: ['Only'] }, ['body.options']],
    [
      'eleven options',
      { options: Array.from({ length: 11 }, (_, i) => `O${i}`) },
      ['body.options'],
    ],
    ['an empty label', { options: ['A', ' '] }, ['body.options.1']],
    ['the same label twice', { options: ['Yes', 'yes'] }, ['body.options']],
    ['maxChoices 2 on a single-choice poll', { maxChoices: 2 }, ['body.maxChoices']],
    ['maxChoices over the options', { kind: 'multiple', maxChoices: 3 }, ['body.maxChoices']],
    [
      'closesAt before opensAt',
      { opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' },
      ['body.closesAt'],
    ],
    ['a time without a zone', { opensAt: '2030-01-01T00:00:00' }, ['body.opensAt']],
    ['an unknown kind', { kind: 'ranked' }, ['body.kind']],
    ['an unknown field', { colour: 'red' }, ['body']],
    ['a bad key', { key: 'Bad Key' }, ['body.key']],
    ['a bad thread key', { thread: 'a b' }, ['body.thread']],
  ])('rejects %s with 400 naming the field', async (_, overrides, paths) => {
    const res = await create({ key: nextKey(), question: 'Q?', options: ['A', 'B'], ...overrides })
    await expectError(res, 400, 'invalid_input', paths)
  })
})

describe('GET /v1/admin/sites/:site/polls', () => {
  it('lists the site’s polls newest first, page by page', async () => {
    const made = [await fresh(), await fresh(), await fresh()]
    const first = await expectBody(
      await admin(`${adminPollsPath()}?limit=2`),
      200,
      AdminPollPageSchema
    )
    expect(first.polls.map((p) => p.id)).toEqual([made[2]!.id, made[1]!.id])
    expect(first.polls[0]).toEqual(made[2])
    const rest = await expectBody(
      await admin(`${adminPollsPath()}?limit=2&cursor=${first.nextCursor}`),
      200,
      AdminPollPageSchema
    )
    expect(rest.polls[0]!.id).toBe(made[0]!.id)
  })

  /** Every page of the list for this query string, following nextCursor. */
  async function listAll(query: string): Promise<AdminPoll[]> {
    const polls: AdminPoll[] = []
    let cursor: string | null = null
    do {
      const qs: string = `${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = await expectBody(
        await admin(`${adminPollsPath()}?${qs}`),
        200,
        AdminPollPageSchema
      )
      polls.push(...page.polls)
      cursor = page.nextCursor
    } while (cursor)
    return polls
  }

  it('lists the polls of one thread with ?thread=, newest first, page by page', async () => {
    const thread = `list-thread-${++seq}`
    const made = [await fresh({ thread }), await fresh(), await fresh({ thread })]
    await fresh({ thread: `${thread}-other` })
    const third = await fresh({ thread })
    const listed = await listAll(`thread=${encodeURIComponent(thread)}`)
    expect(listed.map((p) => p.id)).toEqual([third.id, made[2]!.id, made[0]!.id])
    expect(listed[0]).toEqual(third)
    expect(await listAll('thread=no-such-thread')).toEqual([])
  })

  it('lists only the polls without a thread with ?thread=none', async () => {
    const alone = [await fresh(), await fresh(), await fresh()]
    const threaded = await fresh({ thread: `list-thread-${++seq}` })
    const listed = await listAll('thread=none')
    expect(listed.every((p) => p.thread === null)).toBe(true)
    const ids = listed.map((p) => p.id)
    expect(ids.slice(0, 3)).toEqual(alone.map((p) => p.id).reverse())
    expect(ids).not.toContain(threaded.id)
    // The same polls as the unfiltered list, less the threaded ones.
    const all = await listAll('')
    expect(all.filter((p) => p.thread === null).map((p) => p.id)).toEqual(ids)
  })

  it('rejects a malformed cursor, limit or thread with 400 naming the query field', async () => {
    await expectError(await admin(`${adminPollsPath()}?cursor=abc`), 400, 'invalid_input', [
      'query.cursor',
    ])
    await expectError(await admin(`${adminPollsPath()}?thread=a%20b`), 400, 'invalid_input', [
      'query.thread',
    ])
    await expectError(await admin(`${adminPollsPath()}?limit=0`), 400, 'invalid_input', [
      'query.limit',
    ])
  })
})

describe('GET /v1/admin/sites/:site/polls/:poll', () => {
  it('shows hidden options and results whatever the visibility', async () => {
    const poll = await fresh({ resultsVisibility: 'after_close' })
    await vote(poll.id, [poll.options[1]!.id], await readerToken())
    const seen = await expectBody(await admin(adminPollPath(poll.id)), 200, AdminPollSchema)
    expect(seen.options.map((o) => o.votes)).toEqual([0, 1, 0])
    expect(seen).toMatchObject({ totalVotes: 1, voters: 1 })
  })

  it('answers 404 poll_not_found for an unknown poll', async () => {
    await expectError(await admin(adminPollPath('nope')), 404, 'poll_not_found')
  })
})

describe('PATCH /v1/admin/sites/:site/polls/:poll', () => {
  it('edits the question, relabels, adds, reorders, hides and unhides options', async () => {
    const poll = await fresh()
    const [a, b, c] = poll.options.map((o) => o.id)
    const edited = await editPoll(poll.id, {
      question: 'Which one?',
      options: [{ id: c }, { id: a, label: 'Alpha' }, { label: 'D' }, { id: b, hidden: true }],
    })
    expect(edited.question).toBe('Which one?')
    expect(edited.options.map((o) => [o.label, o.position, o.hidden])).toEqual([
      ['C', 0, false],
      ['Alpha', 1, false],
      ['D', 2, false],
      ['B', 3, true],
    ])
    expect(edited.options.slice(0, 2).map((o) => o.id)).toEqual([c, a])
    const readers = await getPoll(poll.id)
    expect(readers.options.map((o) => o.label)).toEqual(['C', 'Alpha', 'D'])
    const unhidden = await editPoll(poll.id, {
      options: edited.options.map((o) => ({ id: o.id, hidden: false })),
    })
    expect(unhidden.options.every((o) => !o.hidden)).toBe(true)
  })

  it('keeps the votes of a hidden option and shows them again when unhidden', async () => {
    const poll = await fresh()
    const [a, b, c] = poll.options.map((o) => o.id)
    await vote(poll.id, [b!], await readerToken())
    const hidden = await editPoll(poll.id, {
      options: [{ id: a }, { id: b, hidden: true }, { id: c }],
    })
    expect(hidden.options[1]).toMatchObject({ hidden: true, votes: 1, percent: 100 })
    expect((await getPoll(poll.id)).results?.totalVotes).toBe(0)
    await editPoll(poll.id, { options: [{ id: a }, { id: b, hidden: false }, { id: c }] })
    expect((await getPoll(poll.id)).results?.options.map((o) => o.votes)).toEqual([0, 1, 0])
  })

  it('changes times, visibility and locking, closes now and reopens', async () => {
    const poll = await fresh()
    const closesAt = new Date(Date.now() + HOUR).toISOString()
    const edited = await editPoll(poll.id, {
      closesAt,
      resultsVisibility: 'after_vote',
      allowVoteChange: false,
    })
    expect(edited).toMatchObject({
      closesAt,
      status: 'open',
      resultsVisibility: 'after_vote',
      allowVoteChange: false,
    })
    const closed = await editPoll(poll.id, { closeNow: true })
    expect(closed.status).toBe('closed')
    expect(Date.parse(closed.closesAt!)).toBeLessThanOrEqual(Date.now())
    const reopened = await editPoll(poll.id, { closesAt: null })
    expect(reopened).toMatchObject({ closesAt: null, status: 'open' })
    const scheduled = await editPoll(poll.id, {
      opensAt: new Date(Date.now() + HOUR).toISOString(),
    })
    expect(scheduled.status).toBe('scheduled')
  })

  it('moves the poll to a thread and back to standing alone', async () => {
    const poll = await fresh()
    expect((await editPoll(poll.id, { thread: 'moved-here' })).thread).toBe('moved-here')
    expect((await editPoll(poll.id, { question: 'Still there?' })).thread).toBe('moved-here')
    expect((await editPoll(poll.id, { thread: null })).thread).toBeNull()
  })

  it('switches kind with that kind’s default maximum', async () => {
    const poll = await fresh()
    expect((await editPoll(poll.id, { kind: 'multiple' })).maxChoices).toBe(3)
    expect((await editPoll(poll.id, { maxChoices: 2 })).maxChoices).toBe(2)
    expect((await editPoll(poll.id, { kind: 'single' })).maxChoices).toBe(1)
  })

  it('lowers the maximum with the visible options when options are hidden', async () => {
    const poll = await fresh({ kind: 'multiple' })
    const [a, b, c] = poll.options.map((o) => o.id)
    const edited = await editPoll(poll.id, {
      options: [{ id: a }, { id: b }, { id: c, hidden: true }],
    })
    expect(edited.maxChoices).toBe(2)
  })

  it('refuses to lower maxChoices once there are votes (409), but raises it', async () => {
    const poll = await fresh({ kind: 'multiple', maxChoices: 2 })
    await vote(
      poll.id,
      poll.options.slice(0, 2).map((o) => o.id),
      await readerToken()
    )
    await expectError(await patch(poll.id, { maxChoices: 1 }), 409, 'conflict', ['body.maxChoices'])
    await expectError(await patch(poll.id, { kind: 'single' }), 409, 'conflict', [
      'body.maxChoices',
    ])
    expect((await editPoll(poll.id, { maxChoices: 3 })).maxChoices).toBe(3)
  })

  it.each([
    [
      'an option left out',
      (ids: string[]) => ({ options: [{ id: ids[0] }, { id: ids[1] }] }),
      ['body.options'],
    ],
    [
      'an unknown option',
      (ids: string[]) => ({ options: [...ids.map((id) => ({ id })), { id: 'o_99999' }] }),
      ['body.options.3.id'],
    ],
    [
      'an option listed twice',
      (ids: string[]) => ({ options: [...ids.map((id) => ({ id })), { id: ids[0] }] }),
      ['body.options.3.id'],
    ],
    [
      'too few visible options',
      (ids: string[]) => ({ options: ids.map((id, i) => ({ id, hidden: i > 0 })) }),
      ['body.options'],
    ],
    [
      'a duplicate visible label',
      (ids: string[]) => ({ options: [...ids.map((id) => ({ id })), { label: 'a' }] }),
      ['body.options'],
    ],
    ['closeNow with closesAt', () => ({ closeNow: true, closesAt: null }), ['body.closeNow']],
    ['closeNow false', () => ({ closeNow: false }), ['body.closeNow']],
    ['maxChoices 2 on a single-choice poll', () => ({ maxChoices: 2 }), ['body.maxChoices']],
    ['an unknown field', () => ({ questoin: 'typo' }), ['body']],
  ])('rejects %s with 400 naming the field', async (_, body, paths) => {
    const poll = await fresh()
    const res = await patch(poll.id, body(poll.options.map((o) => o.id)))
    await expectError(res, 400, 'invalid_input', paths)
    expect(await expectBody(await admin(adminPollPath(poll.id)), 200, AdminPollSchema)).toEqual(
      poll
    )
  })

  it('applies concurrent edits one at a time: each lands whole or changes nothing', async () => {
    const poll = await fresh()
    const existing = poll.options.map((o) => ({ id: o.id }))
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        patch(poll.id, { options: [...existing, { label: `New ${i}` }] })
      )
    )
    // 409: the poll changed between reading and writing; 400: read after another edit landed,
    // so the stale list misses that edit's option.
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s !== 200 && s !== 409 && s !== 400)).toEqual([])
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    await Promise.all(responses.map((r) => r.body?.cancel()))
    const after = await expectBody(await admin(adminPollPath(poll.id)), 200, AdminPollSchema)
    expect(after.options).toHaveLength(4)
    expect(after.options.map((o) => o.position)).toEqual([0, 1, 2, 3])
  })
})

describe('DELETE /v1/admin/sites/:site/polls/:poll/options/:option', () => {
  it('deletes an option nobody chose', async () => {
    const poll = await fresh({ options: ['A', 'B', 'C', 'D'] })
    const res = await deleteOption(poll.id, poll.options[1]!.id)
    expect(labels(await expectBody(res, 200, AdminPollSchema))).toEqual(['A', 'C', 'D'])
  })

  it('answers 409 option_has_votes for an option with votes: hide it instead', async () => {
    const poll = await fresh()
    await vote(poll.id, [poll.options[0]!.id], await readerToken())
    await expectError(await deleteOption(poll.id, poll.options[0]!.id), 409, 'option_has_votes')
    expect(
      labels(await expectBody(await admin(adminPollPath(poll.id)), 200, AdminPollSchema))
    ).toEqual(['A', 'B', 'C'])
  })

  it('answers 409 conflict when fewer than two visible options would remain', async () => {
    const poll = await fresh({ options: ['A', 'B'] })
    await expectError(await deleteOption(poll.id, poll.options[0]!.id), 409, 'conflict')
  })

  it('lowers the maximum with the options', async () => {
    const poll = await fresh({ kind: 'multiple' })
    const res = await deleteOption(poll.id, poll.options[2]!.id)
    expect((await expectBody(res, 200, AdminPollSchema)).maxChoices).toBe(2)
  })

  it('answers 404 for an option of another poll and 400 for a malformed id', async () => {
    const poll = await fresh()
    const other = await fresh()
    await expectError(await deleteOption(poll.id, other.options[0]!.id), 404, 'not_found')
    await expectError(await deleteOption(poll.id, 'x'), 400, 'invalid_input', ['params.option'])
  })
})

describe('GET /v1/admin/sites/:site/polls/:poll/export', () => {
  let poll: AdminPoll

  beforeAll(async () => {
    poll = await fresh({
      question: 'Which, "really"?',
      options: ['=HYPERLINK("http://evil.example","click")', '+1, or more', '@home', '-5 points'],
      kind: 'multiple',
    })
    const [a, b, c, d] = poll.options.map((o) => o.id)
    await vote(poll.id, [a!, b!], await readerToken())
    await vote(poll.id, [b!], await readerToken())
    await vote(poll.id, [d!], await readerToken())
    await editPoll(poll.id, { options: [{ id: a }, { id: b }, { id: c }, { id: d, hidden: true }] })
  })

  it('sends CSV as an attachment: a header row, RFC 4180 quoting, formulas neutralised', async () => {
    const res = await exportPoll(poll.id)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="parley-${SITE}-${poll.id}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`)
    )
    expect(res.headers.get('cache-control')).toBe('no-store')
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(
      await res.arrayBuffer()
    )
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).split('\r\n')
    expect(lines.at(-1)).toBe('')
    const q = '"Which, ""really""?"'
    const [a, b, c, d] = poll.options.map((o) => o.id)
    expect(lines.slice(0, -1)).toEqual([
      'poll,question,status,option_id,position,label,hidden,votes,percent,total_votes,voters',
      `${poll.id},${q},open,${a},0,"'=HYPERLINK(""http://evil.example"",""click"")",false,1,25,4,3`,
      `${poll.id},${q},open,${b},1,"'+1, or more",false,2,50,4,3`,
      `${poll.id},${q},open,${c},2,'@home,false,0,0,4,3`,
      `${poll.id},${q},open,${d},3,'-5 points,true,1,25,4,3`,
    ])
  })

  it('sends JSON with the definition, per-option counts and percentages, and totals', async () => {
    const res = await exportPoll(poll.id, 'json')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.json"$/)
    const body = await expectBody(res, 200, PollExportSchema)
    expect(body.site).toBe(SITE)
    expect(body.poll).toMatchObject({ id: poll.id, kind: 'multiple', totalVotes: 4, voters: 3 })
    expect(body.poll.options.map((o) => [o.votes, o.percent, o.hidden])).toEqual([
      [1, 25, false],
      [2, 50, false],
      [0, 0, false],
      [1, 25, true],
    ])
  })

  it('rejects an unknown format with 400 naming query.format', async () => {
    await expectError(await exportPoll(poll.id, 'xlsx'), 400, 'invalid_input', ['query.format'])
  })
})
