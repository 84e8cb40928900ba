import type { Comment } from '@parley/core'
import { ADMIN_TOKEN, createKey } from '../admin-helpers.ts'
import { ban, fileAppeal, noticeOn, removeByNotice } from '../dsa-helpers.ts'
import { addResponse, createExpert, invite, tokenOf } from '../experts-helpers.ts'
import {
  api,
  commentPath,
  createSites,
  newReader,
  OTHER_SITE,
  postComment,
  SITE,
  SITE_ORIGIN,
} from '../helpers.ts'
import { moderated } from '../moderation-helpers.ts'
import { createPoll, vote } from '../polls-helpers.ts'

// Real data for the fuzzers, made through the API: threads with comments, replies, reactions and
// stances, polls with ballots, a removed comment with an appeal, experts with a response and an
// invitation, a ban, a DSA notice and spare API keys. Path parameters are drawn from these pools
// by name most of the time, so requests reach the handlers' deep paths, not only their 404s.

export type Pools = Record<string, string[]>

export interface Credentials {
  /** Reader tokens of SITE; the first few wrote the seeded comments. */
  readers: string[]
  otherSiteReader: string
  owner: string
  admin: string
  moderator: string
  otherSiteAdmin: string
}

export interface Seed {
  pools: Pools
  ids: { c: string[]; o: string[]; x: string[]; r: string[] }
  credentials: Credentials
}

export const THREADS = ['fuzz-stance', 'fuzz/path.with:odd@chars', 'fuzz-multi', 'fuzz-quiet']

export async function seed(): Promise<Seed> {
  await createSites()
  const readers = await Promise.all([1, 2, 3, 4, 5].map(() => newReader()))
  const [otherSiteReader, victim] = await Promise.all([newReader(OTHER_SITE), newReader()])
  const tokens = readers.map((r) => r.token)

  const stance = await createPoll({
    key: 'fuzz-stance',
    question: 'Should the law change?',
    options: ['Yes', 'No', 'Not sure'],
    thread: THREADS[0]!,
  })
  const multi = await createPoll({
    key: 'fuzz-multi',
    question: 'Which countries?',
    options: ['Romania', 'Nigeria', 'Vietnam', 'Other'],
    kind: 'multiple',
    maxChoices: 2,
    thread: THREADS[2]!,
  })
  const alone = await createPoll({
    key: 'fuzz-alone',
    question: 'Locked vote',
    options: ['A', 'B'],
    allowVoteChange: false,
    resultsVisibility: 'after_vote',
    thread: null,
  })
  const options = [stance, multi, alone].flatMap((p) => p.options.map((o) => o.id))
  await vote(stance.id, [stance.options[0]!.id], tokens[0]!)
  await vote(stance.id, [stance.options[1]!.id], tokens[1]!)
  await vote(multi.id, [multi.options[0]!.id, multi.options[2]!.id], tokens[0]!)

  const comments: Comment[] = []
  for (const [i, thread] of THREADS.slice(0, 3).entries()) {
    const top = await postComment(tokens[i % 3]!, thread, { text: `Top ${i} on ${thread}` })
    const reply = await postComment(tokens[(i + 1) % 3]!, thread, {
      text: 'A reply',
      parentId: top.id,
    })
    const deeper = await postComment(tokens[(i + 2) % 3]!, thread, {
      text: 'A deeper reply',
      parentId: reply.id,
    })
    const other = await postComment(tokens[3]!, thread, { text: 'Another view', showStance: false })
    comments.push(top, reply, deeper, other)
  }
  for (const [i, comment] of comments.slice(0, 6).entries()) {
    await api(`${commentPath(comment.id)}/reaction`, {
      method: 'PUT',
      token: tokens[i % tokens.length]!,
      json: { emoji: i % 2 ? '❤️' : '👍' },
    })
  }
  await api(`${commentPath(comments[1]!.id)}/reports`, {
    method: 'POST',
    token: tokens[4]!,
    json: { reason: 'spam' },
  })

  // A published reply below two comments a moderator marked as spam: the walk of
  // invariants.ts must still reach it, below their placeholders. By readers whose tokens the
  // fuzzers never get, so no generated request erases or deletes the chain.
  const [chainAuthor, leafAuthor] = await Promise.all([newReader(), newReader()])
  let parent = await postComment(chainAuthor.token, THREADS[1]!, { text: 'Above a hidden chain' })
  const hiddenChain: Comment[] = []
  for (const text of ['Hidden once', 'Hidden twice']) {
    parent = await postComment(chainAuthor.token, THREADS[1]!, { text, parentId: parent.id })
    hiddenChain.push(parent)
  }
  await postComment(leafAuthor.token, THREADS[1]!, { text: 'Below them', parentId: parent.id })
  for (const hidden of hiddenChain) await moderated(hidden.id, 'spam')

  // A removed comment its author appealed, and an open notice on another.
  const removed = await postComment(tokens[0]!, THREADS[1]!, { text: 'To be removed' })
  await removeByNotice(removed.id)
  await fileAppeal(removed.id, tokens[0]!, 'Please look again')
  const notice = await noticeOn(comments[4]!.id)

  const expert = await createExpert()
  const response = await addResponse(comments[0]!.id, expert.id)
  const invitation = await invite(comments[4]!.id, expert.id)

  const victimComment = await postComment(victim.token, THREADS[3]!, { text: 'I will be banned' })
  const [theBan] = await ban({ commentId: victimComment.id })

  const [adminKey, moderatorKey, otherSiteKey, spareKey] = await Promise.all([
    createKey('admin'),
    createKey('moderator'),
    createKey('admin', OTHER_SITE),
    createKey('moderator'),
  ])

  const commentIds = [...comments, removed, victimComment].map((c) => c.id)
  return {
    pools: {
      site: [SITE, SITE, SITE, OTHER_SITE],
      thread: [...THREADS, 'never-commented'],
      comment: commentIds,
      poll: [stance.id, multi.id, alone.id],
      option: options,
      key: [spareKey!.id],
      ban: [theBan!.id],
      expert: [expert.id],
      response: [response.id],
      invitation: [invitation.id],
      notice: [notice.id],
      token: [tokenOf(invitation)],
      reader: [readers[4]!.readerId, victim.readerId, otherSiteReader.readerId],
    },
    ids: { c: commentIds, o: options, x: [expert.id], r: [readers[4]!.readerId, victim.readerId] },
    credentials: {
      readers: tokens,
      otherSiteReader: otherSiteReader.token,
      owner: ADMIN_TOKEN,
      admin: adminKey!.key,
      moderator: moderatorKey!.key,
      otherSiteAdmin: otherSiteKey!.key,
    },
  }
}

export const ALLOWED_ORIGIN = SITE_ORIGIN
