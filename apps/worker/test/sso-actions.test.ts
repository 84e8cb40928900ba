import { CommentSchema, ReactionStateSchema } from '@parley/core'
import { env } from 'cloudflare:workers'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readerIdsOfPublisherUser } from '../src/db/sso.ts'
import { ban } from './dsa-helpers.ts'
import {
  api,
  commentPath,
  createSites,
  expectBody,
  expectError,
  getPage,
  getThread,
  newReader,
  postComment,
  sendComment,
  SITE,
} from './helpers.ts'
import { countRows, createPoll, getPoll, vote, withdraw } from './polls-helpers.ts'
import { setSignIn, setSsoSecret, signIn } from './sso-helpers.ts'

// What a reader signed in by the publisher does: comments with the verified badge under the
// publisher's name, one identity on every device, and the actions a site may reserve for them.

const react = (id: string, token: string) =>
  api(`${commentPath(id)}/reaction`, { method: 'PUT', token, json: { emoji: '👍' } })

beforeAll(async () => {
  await createSites()
  await setSsoSecret()
})

beforeEach(() => setSignIn({ comment: 'optional', vote: 'optional', react: 'optional' }))

describe('comments of a signed-in reader', () => {
  it('carry the publisher’s name, whatever the form sent, and the verified badge', async () => {
    const session = await signIn('u-badge', { name: 'Grace Hopper' })
    const comment = await postComment(session.token, 'sso-badge', { authorName: 'Someone Else' })
    expect(comment.author).toEqual({ name: 'Grace Hopper', badges: ['verified'] })
    expect(comment.mine).toBe(true)
    // Everyone sees the badge; an anonymous reader's comment has none.
    const anonymous = await newReader()
    await postComment(anonymous.token, 'sso-badge', { authorName: 'Anon' })
    const page = await getPage('sso-badge')
    const byName = Object.fromEntries(page.comments.map((c) => [c.author.name, c.author.badges]))
    expect(byName).toEqual({ 'Grace Hopper': ['verified'], Anon: [] })
  })

  it('after a rename: new comments take the new name, older ones keep theirs', async () => {
    const before = await signIn('u-renamed', { name: 'Margaret' })
    const old = await postComment(before.token, 'sso-rename')
    const after = await signIn('u-renamed', { name: 'Maggie' })
    const fresh = await postComment(after.token, 'sso-rename')
    // The session from before the rename posts under the new name too: the name is the user's.
    const stillOpen = await postComment(before.token, 'sso-rename')
    expect([old, fresh, stillOpen].map((c) => c.author.name)).toEqual([
      'Margaret',
      'Maggie',
      'Maggie',
    ])
    const page = await getPage('sso-rename', { sort: 'oldest' })
    expect(page.comments.map((c) => c.author.name)).toEqual(['Margaret', 'Maggie', 'Maggie'])
  })

  it('are the same author’s on every device: the other device may edit them', async () => {
    const phone = await signIn('u-edit')
    const laptop = await signIn('u-edit')
    const comment = await postComment(phone.token, 'sso-edit')
    const page = await getPage('sso-edit', {}, laptop.token)
    expect(page.comments[0]!.mine).toBe(true)
    const edited = await api(commentPath(comment.id), {
      method: 'PATCH',
      token: laptop.token,
      json: { text: 'Edited on the laptop' },
    })
    expect((await expectBody(edited, 200, CommentSchema)).text).toBe('Edited on the laptop')
  })
})

describe('one publisher user on two devices', () => {
  it('has one vote per poll', async () => {
    await createPoll({ key: 'sso-one-vote', question: 'Q?', options: ['A', 'B'] })
    const poll = await getPoll('sso-one-vote')
    const [a, b] = poll.options.map((o) => o.id)
    const phone = await signIn('u-voter')
    const laptop = await signIn('u-voter')
    expect((await vote('sso-one-vote', [a!], phone.token)).status).toBe(200)
    expect((await vote('sso-one-vote', [b!], laptop.token)).status).toBe(200)
    const rows = await countRows('sso-one-vote')
    expect(rows.ballots).toBe(1)
    expect(rows.votes).toBe(1)
    // Both devices see the one choice, the last one made.
    expect((await getPoll('sso-one-vote', phone.token)).myChoices).toEqual([b])
  })

  it('is banned on every device by a ban of its reader id', async () => {
    const phone = await signIn('u-banned')
    const comment = await postComment(phone.token, 'sso-ban')
    // The moderator knows the publisher's user id: it names one reader, the same on every device.
    const [readerId] = await readerIdsOfPublisherUser(env.DB, SITE, 'u-banned')
    expect(readerId).toBe(phone.readerId)
    await ban({ readerId: readerId!, durationSeconds: 600 })
    const laptop = await signIn('u-banned')
    await expectError(await sendComment(laptop.token, 'sso-ban'), 403, 'banned')
    await expectError(await react(comment.id, laptop.token), 403, 'banned')
  })
})

describe('settings.signIn', () => {
  it('is in the thread, for the widget', async () => {
    await setSignIn({ comment: 'required', loginUrl: 'https://news.example/login' })
    expect((await getThread('sso-settings')).signIn).toEqual({
      comment: 'required',
      vote: 'optional',
      react: 'optional',
      loginUrl: 'https://news.example/login',
    })
  })

  it('comment required: refuses anonymous readers with 403 sign_in_required, not signed-in ones', async () => {
    await setSignIn({ comment: 'required' })
    const anonymous = await newReader()
    const refused = await expectError(
      await sendComment(anonymous.token, 'sso-required-comment'),
      403,
      'sign_in_required'
    )
    expect(refused.error.message).toMatch(/sign in to comment/)
    const session = await signIn('u-required-comment')
    const comment = await postComment(session.token, 'sso-required-comment')
    // Replies are comments too.
    await expectError(
      await sendComment(anonymous.token, 'sso-required-comment', { parentId: comment.id }),
      403,
      'sign_in_required'
    )
    await postComment(session.token, 'sso-required-comment', { parentId: comment.id })
    // Reading stays open to everyone, and the other actions stay open.
    expect((await getPage('sso-required-comment')).comments).toHaveLength(1)
    await expectBody(await react(comment.id, anonymous.token), 200, ReactionStateSchema)
  })

  it('vote required: refuses anonymous votes, takes signed-in ones; withdrawing stays open', async () => {
    await createPoll({ key: 'sso-required-vote', question: 'Q?', options: ['A', 'B'] })
    const option = (await getPoll('sso-required-vote')).options[0]!.id
    const anonymous = await newReader()
    // Voted while votes were open to all: the reader may still take it back.
    expect((await vote('sso-required-vote', [option], anonymous.token)).status).toBe(200)
    await setSignIn({ vote: 'required' })
    await expectError(
      await vote('sso-required-vote', [option], anonymous.token),
      403,
      'sign_in_required'
    )
    const session = await signIn('u-required-vote')
    expect((await vote('sso-required-vote', [option], session.token)).status).toBe(200)
    expect((await withdraw('sso-required-vote', anonymous.token)).status).toBe(200)
    expect((await countRows('sso-required-vote')).ballots).toBe(1)
    // Comments stay open.
    await postComment(anonymous.token, 'sso-required-vote')
  })

  it('react required: refuses anonymous reactions, takes signed-in ones', async () => {
    const anonymous = await newReader()
    const comment = await postComment(anonymous.token, 'sso-required-react')
    await setSignIn({ react: 'required' })
    await expectError(await react(comment.id, anonymous.token), 403, 'sign_in_required')
    const session = await signIn('u-required-react')
    const state = await expectBody(await react(comment.id, session.token), 200, ReactionStateSchema)
    expect(state.myReaction).toBe('👍')
  })

  it('refuses an invalid rule or login URL with 400 naming the field', async () => {
    const res = await api(`/v1/admin/sites/${SITE}`, {
      method: 'PATCH',
      token: 'test-only-admin-token-0123456789',
      json: { settings: { signIn: { vote: 'sometimes', loginUrl: 'javascript:alert(1)' } } },
    })
    const body = await expectError(res, 400, 'invalid_input')
    expect(body.error.issues?.map((i) => i.path).sort()).toEqual([
      'body.settings.signIn.loginUrl',
      'body.settings.signIn.vote',
    ])
  })
})
