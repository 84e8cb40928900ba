import {
  CommentSchema,
  ThreadSchema,
  type AdminPoll,
  type Comment,
  type NewPoll,
  type Thread,
} from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { putSiteSettings } from '../src/db/settings.ts'
import {
  api,
  commentPath,
  commentRow,
  commentsPath,
  createSites,
  expectBody,
  expectError,
  getPage,
  getThread,
  postComment,
  SITE,
} from './helpers.ts'
import { admin } from './admin-helpers.ts'
import {
  adminPollPath,
  createPoll,
  editPoll,
  readerToken,
  vote,
  withdraw,
} from './polls-helpers.ts'

let seq = 0

/** A fresh thread with its stance poll (Yes / No / Not sure), so tests never share comments. */
async function debate(extra: Partial<NewPoll> = {}) {
  const thread = `stance-${++seq}`
  const poll = await createPoll({
    key: `stance-poll-${seq}`,
    question: 'Should Europe do more in countries of origin?',
    options: ['Yes', 'No', 'Not sure'],
    thread,
    ...extra,
  })
  const [yes, no, unsure] = poll.options.map((o) => o.id) as [string, string, string]
  return { thread, poll, yes, no, unsure }
}

/** A reader who voted `optionId` in the poll (or did not vote). */
async function voter(poll: AdminPoll, optionId?: string) {
  const token = await readerToken()
  if (optionId) expect((await vote(poll.id, [optionId], token)).status).toBe(200)
  return token
}

const stanceOf = (comment: Comment) => comment.stance && comment.stance.label
const ids = (comments: Comment[]) => comments.map((c) => c.id)

async function withStancesHidden(run: () => Promise<void>) {
  await putSiteSettings(env.DB, SITE, { showStances: false })
  try {
    await run()
  } finally {
    await putSiteSettings(env.DB, SITE, { showStances: true })
  }
}

beforeAll(createSites)

describe('posting: the stance is the vote at posting time', () => {
  it('stores the option voted for on a top-level comment and on a reply', async () => {
    const { thread, poll, yes, no } = await debate()
    const top = await postComment(await voter(poll, yes), thread)
    expect(top.stance).toEqual({ poll: poll.id, optionId: yes, label: 'Yes' })
    const reply = await postComment(await voter(poll, no), thread, { parentId: top.id })
    expect(reply.stance).toEqual({ poll: poll.id, optionId: no, label: 'No' })
    const [listed] = (await getPage(thread)).comments
    expect(listed!.stance).toEqual(top.stance)
    expect(listed!.replies[0]!.stance).toEqual(reply.stance)
  })

  it('keeps it when the vote changes or is withdrawn later; new comments take the new vote', async () => {
    const { thread, poll, yes, unsure } = await debate()
    const token = await voter(poll, yes)
    const before = await postComment(token, thread)
    await vote(poll.id, [unsure], token)
    const after = await postComment(token, thread)
    await withdraw(poll.id, token)
    const withdrawn = await postComment(token, thread)
    const page = await getPage(thread, { sort: 'oldest' })
    expect(page.comments.map(stanceOf)).toEqual(['Yes', 'Not sure', null])
    expect(ids(page.comments)).toEqual([before.id, after.id, withdrawn.id])
  })

  it('shows no stance for a reader who did not vote, or who chose not to show it', async () => {
    const { thread, poll, no } = await debate()
    expect((await postComment(await voter(poll), thread)).stance).toBeNull()
    const hidden = await postComment(await voter(poll, no), thread, { showStance: false })
    expect(hidden.stance).toBeNull()
    expect((await commentRow(hidden.id))!.stance_option_id).toBeNull()
  })

  it("shows the option's current label", async () => {
    const { thread, poll, yes, no, unsure } = await debate()
    const comment = await postComment(await voter(poll, no), thread)
    await editPoll(poll.id, { options: [{ id: yes }, { id: no, label: 'No way' }, { id: unsure }] })
    const [listed] = (await getPage(thread)).comments
    expect(listed!.stance).toEqual({ poll: poll.id, optionId: no, label: 'No way' })
    expect(listed!.id).toBe(comment.id)
  })

  it('takes the first single-choice poll of the thread, by creation', async () => {
    const thread = `stance-${++seq}`
    const multiple = await createPoll({
      key: `multi-${seq}`,
      question: 'Which measures?',
      options: ['Aid', 'Police', 'Jobs'],
      kind: 'multiple',
      thread,
    })
    const first = await createPoll({
      key: `first-${seq}`,
      question: 'A?',
      options: ['A', 'B'],
      thread,
    })
    const second = await createPoll({
      key: `second-${seq}`,
      question: 'C?',
      options: ['C', 'D'],
      thread,
    })
    const token = await readerToken()
    await vote(multiple.id, [multiple.options[0]!.id], token)
    await vote(second.id, [second.options[0]!.id], token)
    expect((await postComment(token, thread)).stance).toBeNull()
    await vote(first.id, [first.options[1]!.id], token)
    expect((await postComment(token, thread)).stance).toMatchObject({ poll: first.id, label: 'B' })
    expect((await getThread(thread)).stances?.poll).toBe(first.id)
  })

  it('gives no stance on a thread whose only poll is multiple choice', async () => {
    const thread = `stance-${++seq}`
    const poll = await createPoll({
      key: `multi-only-${seq}`,
      question: 'Which measures?',
      options: ['Aid', 'Police'],
      kind: 'multiple',
      thread,
    })
    const token = await readerToken()
    await vote(poll.id, [poll.options[0]!.id], token)
    expect((await postComment(token, thread)).stance).toBeNull()
    expect((await getThread(thread)).stances).toBeNull()
  })

  it('drops the stance when its comment becomes a deleted placeholder', async () => {
    const { thread, poll, yes } = await debate()
    const token = await voter(poll, yes)
    const top = await postComment(token, thread)
    await postComment(await voter(poll), thread, { parentId: top.id })
    const res = await api(commentPath(top.id), { method: 'DELETE', token })
    expect(res.status).toBe(200)
    expect((await commentRow(top.id))!.stance_option_id).toBeNull()
    expect((await getThread(thread)).stances?.counts).toMatchObject({ [yes]: 0, none: 1 })
  })

  it('keeps an option that comments show as a stance from being deleted (409, hide it instead)', async () => {
    const { thread, poll, yes, unsure } = await debate()
    const token = await voter(poll, unsure)
    await postComment(token, thread)
    await vote(poll.id, [yes], token)
    const res = await admin(`${adminPollPath(poll.id)}/options/${unsure}`, { method: 'DELETE' })
    await expectError(res, 409, 'option_has_votes')
  })
})

describe('a site that hides stances', () => {
  it('shows no stance anywhere, refuses the filter, and balanced is top', async () => {
    const { thread, poll, yes, no } = await debate()
    const token = await voter(poll, yes)
    const shown = await postComment(token, thread)
    const other = await postComment(await voter(poll, no), thread)
    const reply = await postComment(token, thread, { parentId: other.id })
    await withStancesHidden(async () => {
      const page = await getPage(thread, { sort: 'balanced' })
      expect(page.comments.map((c) => c.stance)).toEqual([null, null])
      expect(page.comments[0]!.replies.map((c) => c.stance)).toEqual([null])
      expect(ids(page.comments)).toEqual(ids((await getPage(thread, { sort: 'top' })).comments))
      expect((await getThread(thread)).stances).toBeNull()
      const edited = await api(commentPath(reply.id), {
        method: 'PATCH',
        token,
        json: { text: 'Edited' },
      })
      expect((await expectBody(edited, 200, CommentSchema)).stance).toBeNull()
      await expectError(await api(`${commentsPath(thread)}?stance=${yes}`), 422, 'invalid_option', [
        'query.stance',
      ])
    })
    // Stored stances are kept: turning stances back on shows them again.
    const page = await getPage(thread, { sort: 'oldest' })
    expect(page.comments.map(stanceOf)).toEqual(['Yes', 'No'])
    expect(ids(page.comments)).toEqual([shown.id, other.id])
  })

  it('stores no stance for comments posted while hidden: their authors were never asked', async () => {
    const { thread, poll, yes } = await debate()
    let posted: Comment | undefined
    await withStancesHidden(async () => {
      posted = await postComment(await voter(poll, yes), thread)
    })
    expect((await commentRow(posted!.id))!.stance_option_id).toBeNull()
  })
})

describe('GET comments?stance=', () => {
  it('lists the top-level comments of one stance, or of none, with all their replies', async () => {
    const { thread, poll, yes, no, unsure } = await debate()
    const yesToken = await voter(poll, yes)
    const noToken = await voter(poll, no)
    const y1 = await postComment(yesToken, thread)
    const n1 = await postComment(noToken, thread)
    const plain = await postComment(await voter(poll), thread)
    const y2 = await postComment(yesToken, thread)
    const reply = await postComment(noToken, thread, { parentId: y1.id })
    const yesPage = await getPage(thread, { stance: yes, sort: 'oldest' })
    expect(ids(yesPage.comments)).toEqual([y1.id, y2.id])
    expect(ids(yesPage.comments[0]!.replies)).toEqual([reply.id])
    expect(ids((await getPage(thread, { stance: no })).comments)).toEqual([n1.id])
    expect(ids((await getPage(thread, { stance: 'none' })).comments)).toEqual([plain.id])
    expect((await getPage(thread, { stance: unsure })).comments).toEqual([])
  })

  it('pages by keyset with the filter in the cursor', async () => {
    const { thread, poll, yes } = await debate()
    const token = await voter(poll, yes)
    const posted: string[] = []
    for (let i = 0; i < 5; i++) posted.push((await postComment(token, thread)).id)
    await postComment(await voter(poll), thread)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query: Record<string, string | number> = { stance: yes, sort: 'top', limit: 2 }
      if (cursor) query.cursor = cursor
      const page = await getPage(thread, query)
      seen.push(...ids(page.comments))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([...posted].reverse())
    const first = await getPage(thread, { stance: yes, limit: 2 })
    await expectError(
      await api(`${commentsPath(thread)}?stance=none&cursor=${first.nextCursor}`),
      400,
      'invalid_input',
      ['query.cursor']
    )
    await expectError(
      await api(`${commentsPath(thread)}?cursor=${first.nextCursor}`),
      400,
      'invalid_input',
      ['query.cursor']
    )
  })

  it.each([
    ['a thread without a stance poll', 'no-poll-here', 'none', ['query.stance']],
    ['an option of another poll', null, 'o_999999', ['query.stance']],
  ])('answers 422 invalid_option for %s', async (_, fixed, stance, paths) => {
    const thread = fixed ?? (await debate()).thread
    const res = await api(`${commentsPath(thread)}?stance=${stance}`)
    await expectError(res, 422, 'invalid_option', paths)
  })

  it('refuses lang with a stance filter or the balanced sort, naming both fields', async () => {
    const { thread, yes } = await debate()
    await expectError(
      await api(`${commentsPath(thread)}?lang=en&stance=${yes}`),
      422,
      'invalid_option',
      ['query.lang', 'query.stance']
    )
    await expectError(
      await api(`${commentsPath(thread)}?lang=en&sort=balanced`),
      422,
      'invalid_option',
      ['query.lang', 'query.sort']
    )
  })

  it('answers 400 naming query.stance for a value that is no option id', async () => {
    const res = await api(`${commentsPath('anything')}?stance=yes`)
    await expectError(res, 400, 'invalid_input', ['query.stance'])
  })
})

describe('GET thread: stances', () => {
  it('counts top-level comments per option and none, hidden options only when shown', async () => {
    const { thread, poll, yes, no, unsure } = await debate()
    const yesToken = await voter(poll, yes)
    const top = await postComment(yesToken, thread)
    await postComment(yesToken, thread)
    await postComment(await voter(poll, unsure), thread)
    await postComment(await voter(poll), thread)
    // Replies are not counted: the counts match what the stance filter lists.
    await postComment(await voter(poll, no), thread, { parentId: top.id })
    expect((await getThread(thread)).stances).toEqual({
      poll: poll.id,
      counts: { [yes]: 2, [no]: 0, [unsure]: 1, none: 1 },
    })
    await editPoll(poll.id, { options: [{ id: yes }, { id: no }, { id: unsure, hidden: true }] })
    expect((await getThread(thread)).stances?.counts).toEqual({
      [yes]: 2,
      [no]: 0,
      none: 1,
      [unsure]: 1,
    })
  })

  it('is null for a thread without a stance poll', async () => {
    const thread = `stance-${++seq}`
    await postComment(await readerToken(), thread)
    expect((await getThread(thread)).stances).toBeNull()
  })
})

describe("GET thread: stance counts follow the poll's results visibility", () => {
  /** The thread as one caller sees it: anonymous without a token. */
  async function threadAs(thread: string, token?: string): Promise<Thread> {
    const res = await api(`/v1/sites/${SITE}/threads/${encodeURIComponent(thread)}`, { token })
    return expectBody(res, 200, ThreadSchema)
  }

  /** A debate with a Yes comment and a No comment, their authors' badges shown. */
  async function argued(resultsVisibility: NewPoll['resultsVisibility']) {
    const d = await debate({ resultsVisibility })
    const yesToken = await voter(d.poll, d.yes)
    const yesComment = await postComment(yesToken, d.thread)
    await postComment(await voter(d.poll, d.no), d.thread)
    return { ...d, yesToken, yesComment }
  }

  it('withholds them on an after_vote poll until the caller votes; badges stay', async () => {
    const { thread, poll, yes, no, unsure, yesToken, yesComment } = await argued('after_vote')
    const counts = { [yes]: 1, [no]: 1, [unsure]: 0, none: 0 }
    expect((await threadAs(thread)).stances).toEqual({ poll: poll.id, counts: null })
    const undecided = await readerToken()
    expect((await threadAs(thread, undecided)).stances).toEqual({ poll: poll.id, counts: null })
    expect((await threadAs(thread, yesToken)).stances).toEqual({ poll: poll.id, counts })
    // A badge is its author's own statement, not an aggregate: it shows to everyone.
    const [listed] = (await getPage(thread, { sort: 'oldest' })).comments
    expect(listed!.id).toBe(yesComment.id)
    expect(listed!.stance).toEqual(yesComment.stance)
    expect((await vote(poll.id, [unsure], undecided)).status).toBe(200)
    expect((await threadAs(thread, undecided)).stances).toEqual({ poll: poll.id, counts })
  })

  it('withholds them on an after_close poll from voters too, and shows them to all once closed', async () => {
    const { thread, poll, yes, no, unsure, yesToken } = await argued('after_close')
    expect((await threadAs(thread)).stances).toEqual({ poll: poll.id, counts: null })
    expect((await threadAs(thread, yesToken)).stances).toEqual({ poll: poll.id, counts: null })
    await editPoll(poll.id, { closeNow: true })
    const counts = { [yes]: 1, [no]: 1, [unsure]: 0, none: 0 }
    expect((await threadAs(thread)).stances).toEqual({ poll: poll.id, counts })
    expect((await threadAs(thread, yesToken)).stances).toEqual({ poll: poll.id, counts })
  })

  it('shows them to everyone on an always poll', async () => {
    const { thread, poll, yes, no, unsure } = await argued('always')
    const counts = { [yes]: 1, [no]: 1, [unsure]: 0, none: 0 }
    expect((await threadAs(thread)).stances).toEqual({ poll: poll.id, counts })
    expect((await threadAs(thread, await readerToken())).stances).toEqual({ poll: poll.id, counts })
  })
})

describe('GET comments?sort=balanced', () => {
  /** Posts comments in this order (each one ranks above the ones before: newer, no replies). */
  async function postAll(thread: string, authors: Record<string, string>, order: string[]) {
    const posted: Record<string, Comment> = {}
    for (const name of order) {
      posted[name] = await postComment(authors[name.replace(/\d+$/, '')]!, thread, { text: name })
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    return (names: string[]) => names.map((name) => posted[name]!.id)
  }

  it('takes the best of each side in turn, options in order, then none, skipping empty sides', async () => {
    const { thread, poll, yes, no } = await debate()
    const authors = {
      yes: await voter(poll, yes),
      no: await voter(poll, no),
      none: await voter(poll),
    }
    const idsOf = await postAll(thread, authors, ['yes1', 'yes2', 'none1', 'yes3', 'none2', 'no1'])
    // Newest first within each side: yes3 yes2 yes1 · no1 · none2 none1; "Not sure" has nobody.
    const all = await getPage(thread, { sort: 'balanced' })
    expect(ids(all.comments)).toEqual(idsOf(['yes3', 'no1', 'none2', 'yes2', 'none1', 'yes1']))
    expect(all.nextCursor).toBeNull()
    // Paged by two, each page continues the turn where the last one stopped.
    const pages: string[][] = []
    let cursor: string | null = null
    do {
      const query: Record<string, string | number> = { sort: 'balanced', limit: 2 }
      if (cursor) query.cursor = cursor
      const page = await getPage(thread, query)
      pages.push(ids(page.comments))
      cursor = page.nextCursor
    } while (cursor)
    expect(pages).toEqual([
      idsOf(['yes3', 'no1']),
      idsOf(['none2', 'yes2']),
      idsOf(['none1', 'yes1']),
    ])
  })

  it('keeps a hidden option as a side: its comments still take their turn', async () => {
    const { thread, poll, yes, no, unsure } = await debate()
    const unsureComment = await postComment(await voter(poll, unsure), thread)
    const yesComment = await postComment(await voter(poll, yes), thread)
    await editPoll(poll.id, { options: [{ id: yes }, { id: no }, { id: unsure, hidden: true }] })
    const page = await getPage(thread, { sort: 'balanced' })
    expect(ids(page.comments)).toEqual([yesComment.id, unsureComment.id])
    expect(page.comments[1]!.stance?.label).toBe('Not sure')
  })

  it('follows the stance poll: a stance of a former one keeps its badge and joins no side', async () => {
    const { thread, poll, yes } = await debate()
    const earlier = await postComment(await voter(poll, yes), thread)
    await editPoll(poll.id, { thread: null })
    const next = await createPoll({
      key: `next-${seq}`,
      question: 'B?',
      options: ['A', 'B'],
      thread,
    })
    const later = await postComment(await voter(next, next.options[0]!.id), thread)
    const balanced = await getPage(thread, { sort: 'balanced' })
    expect(ids(balanced.comments)).toEqual([later.id])
    const top = await getPage(thread, { sort: 'top' })
    expect(top.comments.map((c) => c.stance?.poll)).toEqual([next.id, poll.id])
    expect(ids(top.comments)).toEqual([later.id, earlier.id])
  })

  it('is top within one stance when a stance filter is given', async () => {
    const { thread, poll, yes } = await debate()
    const token = await voter(poll, yes)
    await postComment(token, thread)
    await postComment(await voter(poll), thread)
    await postComment(token, thread)
    const balanced = await getPage(thread, { sort: 'balanced', stance: yes })
    expect(ids(balanced.comments)).toEqual(
      ids((await getPage(thread, { sort: 'top', stance: yes })).comments)
    )
  })

  it('is top on a thread without a stance poll, and takes its cursors', async () => {
    const thread = `stance-${++seq}`
    const token = await readerToken()
    for (let i = 0; i < 3; i++) await postComment(token, thread)
    const top = await getPage(thread, { sort: 'top', limit: 2 })
    const balanced = await getPage(thread, { sort: 'balanced', limit: 2 })
    expect(balanced).toEqual(top)
    const next = await getPage(thread, { sort: 'balanced', limit: 2, cursor: top.nextCursor! })
    expect(next.comments).toHaveLength(1)
  })

  it('refuses a cursor of another listing with 400 naming query.cursor', async () => {
    const { thread, poll, yes, no } = await debate()
    await postComment(await voter(poll, yes), thread)
    await postComment(await voter(poll, no), thread)
    const balanced = await getPage(thread, { sort: 'balanced', limit: 1 })
    const top = await getPage(thread, { sort: 'top', limit: 1 })
    for (const [sort, cursor] of [
      ['top', balanced.nextCursor],
      ['balanced', top.nextCursor],
      ['balanced', 'garbage'],
    ]) {
      const res = await api(`${commentsPath(thread)}?sort=${sort}&cursor=${cursor}`)
      await expectError(res, 400, 'invalid_input', ['query.cursor'])
    }
  })
})
