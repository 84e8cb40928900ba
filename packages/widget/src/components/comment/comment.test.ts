import type { Comment } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { type Locator, page, userEvent } from 'vitest/browser'
import type { ParleyComment } from './comment.ts'
import { avatarStyle, initials } from './avatar.ts'
import { threadStore } from '../../state/thread-store.ts'
import {
  API,
  commentList,
  deferred,
  errorBody,
  expectAccessible,
  focused,
  json,
  makeComment,
  mockApi,
  settle,
} from '../../test/helpers.ts'

async function mount(comment = makeComment('one')) {
  const el = document.createElement('parley-comment')
  el.setAttribute('site', 'demo')
  el.setAttribute('thread', 'thread-1')
  el.comment = comment
  document.body.append(el)
  await settle()
  return el as ParleyComment
}

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()
const on = (c: Comment, path = '') => `/v1/sites/demo/comments/${c.id}${path}`

/**
 * Mounts a <parley-comments> list showing `comments`: the actions change the thread store that
 * the list renders from, as on a real page.
 */
const list = commentList

const article = (name: string) => page.getByRole('article', { name, exact: true })
/** A comment's own button, before those of its replies. */
const button = (name: string, scope: Pick<Locator, 'getByRole'> = page) =>
  scope.getByRole('button', { name, exact: true }).first()

describe('<parley-comment>', () => {
  it('is accessible with badges, an edit mark and reactions, one of them pressed', async () => {
    const { el } = await list([
      makeComment('one', {
        author: { name: 'Ana Lima', badges: ['author', 'expert', 'verified'] },
        editedAt: new Date().toISOString(),
        reactions: { '👍': 3, '❤️': 1 },
        myReaction: '👍',
        text: 'Hi\n\nThere',
      }),
    ])
    await expectAccessible(el)
  })

  it('is accessible with the edit form open', async () => {
    const { el } = await list([makeComment('me', { mine: true, editableUntil: inMinutes(10) })])
    await button('Edit').click()
    await expect.element(page.getByRole('textbox', { name: 'Edit comment' })).toBeVisible()
    await expectAccessible(el)
  })

  it('is accessible with the report form and with the delete confirmation open', async () => {
    const { el } = await list([
      makeComment('other'),
      makeComment('me', { mine: true, editableUntil: inMinutes(10) }),
    ])
    await button('Report').click()
    await expect.element(page.getByRole('group', { name: /reporting/ })).toBeVisible()
    await button('Delete').click()
    await expect.element(page.getByText('Delete this comment?')).toBeVisible()
    await expectAccessible(el)
  })

  it('is accessible as a deleted placeholder over its replies', async () => {
    const deleted = makeComment('gone', {
      deleted: true,
      author: { name: '', badges: [] },
      text: '',
      html: '',
      replies: [makeComment('kept')],
    })
    const { el } = await list([deleted])
    await expectAccessible(el)
  })

  it('shows author, relative and exact time, and text in its own language', async () => {
    const createdAt = new Date(Date.now() - 2 * 86400_000).toISOString()
    const el = await mount(makeComment('one', { createdAt, lang: 'nl', text: 'Hoi\nallemaal' }))
    await expect.element(page.getByRole('heading', { name: 'Author one', level: 3 })).toBeVisible()
    const time = el.shadowRoot!.querySelector('time')!
    expect(time.dateTime).toBe(createdAt)
    expect(time.textContent).toBe('2 days ago')
    expect(time.title).toContain(String(new Date(createdAt).getFullYear()))
    const body = el.shadowRoot!.querySelector('[part=comment-body]')!
    expect(body.getAttribute('lang')).toBe('nl')
    expect(body.querySelector('p')!.innerHTML).toBe('Hoi<br>allemaal')
  })

  it('shows an initials avatar, badges and the "(edited)" mark with the exact time', async () => {
    const editedAt = new Date(Date.now() - 60_000).toISOString()
    const el = await mount(
      makeComment('one', { author: { name: 'ana de lima', badges: ['author'] }, editedAt })
    )
    const root = el.shadowRoot!
    const avatar = root.querySelector<HTMLElement>('[part=avatar]')!
    expect(avatar.textContent).toBe('AL')
    expect(avatar.getAttribute('aria-hidden')).toBe('true')
    expect(avatar.style.background).toMatch(/^rgb\(/)
    await expect.element(page.getByText('Article author', { exact: true })).toBeVisible()
    const edited = root.querySelector<HTMLElement>('[part~=edited]')!
    expect(edited.textContent).toBe('(edited)')
    expect(edited.title).toMatch(/\d{4}/)
  })

  it('derives avatar colours from the name, always with at least 4.5:1 contrast', () => {
    expect(initials('  Zoë   van der Berg ')).toBe('ZB')
    expect(initials('élodie')).toBe('É')
    expect(initials('😀 Smile')).toBe('😀S')
    expect(avatarStyle('Ana')).toBe(avatarStyle('Ana'))
    expect(avatarStyle('Ana')).not.toBe(avatarStyle('Bo'))
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) =>
        (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      )
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    for (let i = 0; i < 500; i++) {
      const [, r, g, b, text] = /rgb\((\d+),(\d+),(\d+)\);color:(#000|#fff)/.exec(
        avatarStyle(`Reader ${i} ${String.fromCodePoint(0x61 + (i % 26))}`)
      )!
      const bg = luminance([Number(r), Number(g), Number(b)])
      const fg = text === '#fff' ? 1 : 0
      const ratio = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05)
      expect(ratio).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('toggles an inline reply form with the Reply button, then Cancel', async () => {
    mockApi({})
    const el = await mount()
    const reply = page.getByRole('button', { name: 'Reply' })
    await reply.click()
    await expect.element(page.getByRole('button', { name: 'Cancel' })).toBeVisible()
    const form = el.shadowRoot!.querySelector('parley-comment-form')!
    expect(form.getAttribute('parent-id')).toBe(el.comment!.id)
    // Focus moves into the form (the name field, empty so far).
    await expect.poll(() => form.shadowRoot!.activeElement?.id).toBe('name')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect.element(reply).toHaveAttribute('aria-expanded', 'false')
    expect(el.shadowRoot!.querySelector('parley-comment-form')).toBeNull()
    await expect.poll(() => focused()).toBe(reply.element())
  })

  it('drops the open reply form when it is handed another comment', async () => {
    mockApi({})
    const el = await mount()
    await page.getByRole('button', { name: 'Reply' }).click()
    el.comment = makeComment('two')
    await settle()
    expect(el.shadowRoot!.querySelector('parley-comment-form')).toBeNull()
  })

  it('describes each action button with the author', async () => {
    await list([makeComment('one')])
    for (const name of ['Reply', 'Report', 'Like, 0'])
      await expect.element(button(name)).toHaveAccessibleDescription('Author one')
  })
})

describe('<parley-comment> reactions', () => {
  it('toggles a reaction at once, confirms it with the server and announces it', async () => {
    const c = makeComment('one', { reactions: { '👍': 2 } })
    const put = deferred<Response>()
    const { requests } = await list([c], {
      [`PUT ${on(c, '/reaction')}`]: () => put.promise,
      [`DELETE ${on(c, '/reaction')}`]: () => ({ reactions: { '👍': 2 }, myReaction: null }),
    })
    const group = page.getByRole('group', { name: 'Reactions' })
    await expect.element(group).toBeVisible()
    expect(
      group
        .getByRole('button')
        .elements()
        .map((b) => b.getAttribute('aria-label'))
    ).toEqual(['Like, 2', 'Love, 0', 'Haha, 0', 'Wow, 0', 'Sad, 0', 'Angry, 0'])
    const like = button('Like, 2')
    await like.click()
    // Optimistic: pressed and counted before the server answers.
    await expect.element(button('Like, 3')).toHaveAttribute('aria-pressed', 'true')
    put.resolve(json({ reactions: { '👍': 3 }, myReaction: '👍' }))
    await expect
      .element(article('Author one').getByRole('status').first())
      .toHaveTextContent('You reacted: Like')
    const sent = requests.find((r) => r.method === 'PUT')!
    expect(await sent.json()).toEqual({ emoji: '👍' })
    expect(sent.headers.get('authorization')).toBe('Bearer tok-1')

    await button('Like, 3').click()
    await expect.element(button('Like, 2')).toHaveAttribute('aria-pressed', 'false')
    await expect
      .element(article('Author one').getByRole('status').first())
      .toHaveTextContent('Reaction removed')
    expect(requests.at(-1)!.method).toBe('DELETE')
  })

  it('moves the one reaction a reader holds to another emoji', async () => {
    const c = makeComment('one', { reactions: { '👍': 2 }, myReaction: '👍' })
    await list([c], {
      [`PUT ${on(c, '/reaction')}`]: () => ({ reactions: { '👍': 1, '❤️': 1 }, myReaction: '❤️' }),
    })
    await button('Love, 0').click()
    await expect.element(button('Love, 1')).toHaveAttribute('aria-pressed', 'true')
    await expect.element(button('Like, 1')).toHaveAttribute('aria-pressed', 'false')
    await expect
      .element(article('Author one').getByRole('status').first())
      .toHaveTextContent('You reacted: Love')
  })

  it('rolls back and shows the error when the server refuses', async () => {
    const c = makeComment('one', { reactions: { '👍': 2 } })
    const refuse = deferred<Response>()
    const { el } = await list([c], { [`PUT ${on(c, '/reaction')}`]: () => refuse.promise })
    const errors: string[] = []
    el.addEventListener('parley-error', (e) => errors.push(e.detail.code))
    await button('Like, 2').click()
    await expect.element(button('Like, 3')).toBeVisible()
    refuse.resolve(errorBody('reaction_not_allowed', 422))
    await expect.element(button('Like, 2')).toHaveAttribute('aria-pressed', 'false')
    await expect
      .element(article('Author one').getByRole('alert').first())
      .toHaveTextContent('That reaction is not available here.')
    expect(article('Author one').getByRole('status').first().element().textContent).toBe('')
    expect(errors).toEqual(['reaction_not_allowed'])
    expect(focused()?.getAttribute('aria-label')).toBe('Like, 2')
  })

  it('hides counts when the site does, and the group when reactions are off', async () => {
    await list(
      [makeComment('one', { reactions: null, myReaction: '😮' })],
      {},
      {
        reactions: { available: ['👍', '😮', '🎉'], showCounts: false },
      }
    )
    const names = page
      .getByRole('group', { name: 'Reactions' })
      .getByRole('button')
      .elements()
      .map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-pressed')])
    expect(names).toEqual([
      ['Like', 'false'],
      ['Wow', 'true'],
      ['🎉', 'false'],
    ])
    document.body.replaceChildren()
    await list(
      [makeComment('two', { reactions: { '👍': 5 } })],
      {},
      {
        reactions: { available: [], showCounts: true },
      }
    )
    expect(page.getByRole('group', { name: 'Reactions' }).elements()).toHaveLength(0)
    expect(page.getByText('5').elements()).toHaveLength(0)
  })
})

describe('<parley-comment> edit', () => {
  it('offers Edit only on the reader’s own comment, while the window is open', async () => {
    await list([
      makeComment('other', { editableUntil: inMinutes(10) }),
      makeComment('late', { mine: true, editableUntil: null }),
      makeComment('soon', { mine: true, editableUntil: new Date(Date.now() + 1500).toISOString() }),
    ])
    const edits = () => page.getByRole('button', { name: 'Edit', exact: true }).elements().length
    expect(edits()).toBe(1)
    expect(button('Edit', article('Author soon')).element()).toBeTruthy()
    // The window closes while the page is open: the button goes away by itself.
    await expect.poll(edits, { timeout: 5000 }).toBe(0)
    expect(page.getByRole('button', { name: 'Delete', exact: true }).elements()).toHaveLength(2)
    expect(page.getByRole('button', { name: 'Report', exact: true }).elements()).toHaveLength(1)
  })

  it('saves the new text, keeps the replies, announces it and focuses the article', async () => {
    const reply = makeComment('reply')
    const c = makeComment('me', { mine: true, editableUntil: inMinutes(10), replies: [reply] })
    const { requests } = await list([c], {
      [`PATCH ${on(c)}`]: async (req) => {
        const { text } = (await req.json()) as { text: string }
        return {
          ...c,
          text,
          html: `<p><em>${text}</em></p>`,
          editedAt: new Date().toISOString(),
          replies: [],
        }
      },
    })
    const me = article('Author me')
    await button('Edit', me).click()
    const box = page.getByRole('textbox', { name: 'Edit comment' })
    await expect.element(box).toHaveValue('Text of me')
    await expect.poll(() => focused()).toBe(box.element())
    await userEvent.fill(box, 'Better words')
    await button('Save', me).click()
    await expect
      .element(article('Author me').getByRole('status').first())
      .toHaveTextContent('Comment updated')
    await expect.element(me.getByText('Better words')).toBeVisible()
    expect(me.element().querySelector('[part=comment-body] em')!.textContent).toBe('Better words')
    await expect.element(me.getByText('(edited)')).toBeVisible()
    await expect.element(article('Author reply')).toBeVisible()
    expect(box.elements()).toHaveLength(0)
    await expect.poll(() => focused()).toBe(me.element())
    const patch = requests.find((r) => r.method === 'PATCH')!
    expect(await patch.json()).toEqual({ text: 'Better words' })
    expect(patch.headers.get('authorization')).toBe('Bearer tok-1')
  })

  it('keeps the text and the form when saving fails, and Cancel restores the comment', async () => {
    const c = makeComment('me', { mine: true, editableUntil: inMinutes(10) })
    await list([c], { [`PATCH ${on(c)}`]: () => errorBody('edit_window_closed', 409) })
    await button('Edit').click()
    const box = page.getByRole('textbox', { name: 'Edit comment' })
    await userEvent.fill(box, '   ')
    await button('Save').click()
    expect((box.element() as HTMLTextAreaElement).validationMessage).toBe('Please write a comment.')
    await userEvent.fill(box, 'Too late')
    await button('Save').click()
    await expect
      .element(article('Author me').getByRole('alert').first())
      .toHaveTextContent('Comments can only be edited for 15 minutes after posting.')
    await expect.element(box).toHaveValue('Too late')
    await button('Cancel').click()
    expect(box.elements()).toHaveLength(0)
    await expect.element(page.getByText('Text of me')).toBeVisible()
    await expect.poll(() => focused()).toBe(button('Edit').element())
  })

  it('keeps an edit in progress on the device until it is saved or cancelled', async () => {
    const c = makeComment('me', { mine: true, editableUntil: inMinutes(10) })
    let fail = true
    await list([c], {
      [`PATCH ${on(c)}`]: () =>
        fail
          ? errorBody('internal', 500)
          : json({ ...c, text: 'Kept words', html: '<p>Kept words</p>' }),
    })
    await button('Edit').click()
    await userEvent.fill(page.getByRole('textbox', { name: 'Edit comment' }), 'Kept words')
    await button('Save').click()
    await expect.element(article('Author me').getByRole('alert').first()).not.toBeEmptyDOMElement()
    // The page reloads: the list is mounted again, and Edit brings the words back.
    document.body.replaceChildren()
    await list([c], {
      [`PATCH ${on(c)}`]: () => json({ ...c, text: 'Kept words', html: '<p>Kept words</p>' }),
    })
    await button('Edit').click()
    const box = page.getByRole('textbox', { name: 'Edit comment' })
    await expect.element(box).toHaveValue('Kept words')
    fail = false
    await button('Save').click()
    await expect.element(article('Author me').getByText('Kept words')).toBeVisible()
    expect(localStorage.getItem(`parley:edit|${c.id}`)).toBeNull()
    // A cancelled edit is dropped: Edit starts again from the comment's text.
    await button('Edit').click()
    await userEvent.fill(box, 'Second thoughts')
    await button('Cancel').click()
    expect(localStorage.getItem(`parley:edit|${c.id}`)).toBeNull()
  })
})

describe('<parley-comment> delete', () => {
  it('asks first, then removes a comment without replies and announces it', async () => {
    const c = makeComment('me', { mine: true })
    const { el, requests } = await list([c, makeComment('next')], {
      [`DELETE ${on(c)}`]: () => ({ id: c.id, outcome: 'removed' }),
    })
    await button('Delete').click()
    await expect.element(button('Delete')).toHaveAttribute('aria-expanded', 'true')
    await expect.poll(() => focused()).toBe(button('Delete comment').element())
    await button('Cancel').click()
    expect(page.getByText('Delete this comment?').elements()).toHaveLength(0)
    await expect.poll(() => focused()).toBe(button('Delete').element())

    await button('Delete').click()
    await button('Delete comment').click()
    await expect.element(article('Author me')).not.toBeInTheDocument()
    await expect.element(page.getByRole('heading', { name: '41 comments' })).toBeVisible()
    const status = el.shadowRoot!.querySelector('section > [role=status]')!
    expect(status.textContent).toBe('Comment deleted')
    expect(requests.at(-1)!.method).toBe('DELETE')
    // Focus goes to what took its place.
    await expect.poll(() => focused()).toBe(article('Author next').element())
  })

  it('leaves a placeholder without author or actions when the comment has replies', async () => {
    const reply = makeComment('reply')
    const c = makeComment('me', { mine: true, replies: [reply], reactions: { '👍': 1 } })
    await list([c], { [`DELETE ${on(c)}`]: () => ({ id: c.id, outcome: 'placeholder' }) })
    await button('Delete').click()
    await button('Delete comment').click()
    const placeholder = page.getByRole('article', { name: 'This comment was deleted.' })
    await expect.element(placeholder).toBeVisible()
    expect(article('Author me').elements()).toHaveLength(0)
    expect(page.getByText('Text of me').elements()).toHaveLength(0)
    await expect.element(placeholder.getByRole('article', { name: 'Author reply' })).toBeVisible()
    const own = [...placeholder.element().querySelectorAll('button')].map((b) =>
      b.textContent!.trim()
    )
    expect(own).toEqual(['Hide 1 reply'])
    await expect.poll(() => focused()).toBe(placeholder.element())
  })

  it('deletes one comment, then asks again for the one that took its place', async () => {
    // The list renders by position: the element that showed the first comment now shows the
    // second, and must not inherit the first one's open confirmation.
    const [a, b] = [makeComment('first', { mine: true }), makeComment('second', { mine: true })]
    await list([a, b], {
      [`DELETE ${on(a)}`]: () => ({ id: a.id, outcome: 'removed' }),
      [`DELETE ${on(b)}`]: () => ({ id: b.id, outcome: 'removed' }),
    })
    await button('Delete').click()
    await button('Delete comment').click()
    await expect.element(article('Author first')).not.toBeInTheDocument()
    const second = article('Author second')
    await expect.poll(() => focused()).toBe(second.element())
    await settle()
    expect(page.getByText('Delete this comment?').elements()).toHaveLength(0)
    await expect.element(button('Delete', second)).toHaveAttribute('aria-expanded', 'false')

    await button('Delete', second).click()
    await expect.element(second.getByText('Delete this comment?')).toBeVisible()
    await button('Cancel', second).click()
    expect(page.getByText('Delete this comment?').elements()).toHaveLength(0)
    await expect.element(second.getByText('Text of second')).toBeVisible()

    await button('Delete', second).click()
    await button('Delete comment', second).click()
    await expect.element(second).not.toBeInTheDocument()
    expect(page.getByRole('article').elements()).toHaveLength(0)
  })

  it('shows why deleting failed and keeps the comment', async () => {
    const c = makeComment('me', { mine: true })
    await list([c], { [`DELETE ${on(c)}`]: () => errorBody('forbidden', 403) })
    await button('Delete').click()
    await button('Delete comment').click()
    await expect
      .element(article('Author me').getByRole('alert').first())
      .toHaveTextContent('Only the author can do that.')
    await expect.element(article('Author me')).toBeVisible()
  })
})

describe('<parley-comment> report', () => {
  it('sends a reason and an optional note, then shows "Reported"', async () => {
    const c = makeComment('other')
    const { requests } = await list([c], {
      [`POST ${on(c, '/reports')}`]: () =>
        json({ reason: 'abuse', createdAt: new Date().toISOString() }, 201),
    })
    await button('Report').click()
    const reasons = page.getByRole('group', { name: 'Why are you reporting this comment?' })
    const radios = reasons.getByRole('radio').elements()
    expect(radios.map((r) => r.parentElement!.textContent!.trim())).toEqual([
      'Spam',
      'Abuse or hate',
      'Off-topic',
      'Other',
      'Illegal content (EU law)',
    ])
    await expect.poll(() => focused()).toBe(radios[0])
    // A reason is required.
    await button('Send report').click()
    expect(requests.filter((r) => r.method === 'POST' && r.url.endsWith('/reports'))).toHaveLength(
      0
    )
    await reasons.getByRole('radio', { name: 'Abuse or hate' }).click()
    await userEvent.fill(page.getByRole('textbox', { name: 'Details (optional)' }), ' Insults ')
    await button('Send report').click()
    await expect
      .element(article('Author other').getByRole('status').first())
      .toHaveTextContent('Thank you. A moderator will review this comment.')
    await expect.element(page.getByText('Reported', { exact: true })).toBeVisible()
    expect(page.getByRole('button', { name: 'Report', exact: true }).elements()).toHaveLength(0)
    expect(reasons.elements()).toHaveLength(0)
    await expect.poll(() => focused()).toBe(article('Author other').element())
    const sent = requests.find((r) => r.url.endsWith('/reports'))!
    expect(await sent.json()).toEqual({ reason: 'abuse', note: 'Insults' })
  })

  it('treats 409 already_reported as sent, and omits an empty note', async () => {
    const c = makeComment('other')
    const { requests } = await list([c], {
      [`POST ${on(c, '/reports')}`]: () => errorBody('already_reported', 409),
    })
    await button('Report').click()
    await page.getByRole('radio', { name: 'Spam' }).click()
    await button('Send report').click()
    await expect.element(page.getByText('Reported', { exact: true })).toBeVisible()
    expect(article('Author other').getByRole('alert').first().element().textContent).toBe('')
    expect(await requests.find((r) => r.url.endsWith('/reports'))!.json()).toEqual({
      reason: 'spam',
    })
  })

  it('keeps the form open with the error when reporting fails', async () => {
    const c = makeComment('other')
    await list([c], { [`POST ${on(c, '/reports')}`]: () => errorBody('rate_limited', 429) })
    await button('Report').click()
    await page.getByRole('radio', { name: 'Other' }).click()
    await button('Send report').click()
    await expect
      .element(article('Author other').getByRole('alert').first())
      .toHaveTextContent(/Too many requests/)
    await expect.element(page.getByRole('radio', { name: 'Other' })).toBeChecked()
  })
})

describe('<parley-comment> replies', () => {
  it('collapses and expands replies, counting all of them on top-level comments', async () => {
    const deep = makeComment('deep')
    const first = makeComment('first', { replies: [deep] })
    await list([makeComment('top', { replies: [first, makeComment('second')] })])
    const toggle = button('Hide 3 replies', article('Author top'))
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'true')
    await toggle.click()
    await expect.element(button('Show 3 replies')).toHaveAttribute('aria-expanded', 'false')
    expect(article('Author first').elements()).toHaveLength(0)
    await button('Show 3 replies').click()
    await expect.element(article('Author deep')).toBeVisible()
    await button('Hide 1 reply', article('Author first')).click()
    await expect.element(button('Show 1 reply')).toBeVisible()
    expect(article('Author deep').elements()).toHaveLength(0)
    await expect.element(article('Author second')).toBeVisible()
  })

  it('loads the rest of a large subtree with "Show N more replies"', async () => {
    const top = makeComment('top')
    const r1 = makeComment('r1', { parentId: top.id })
    const r2 = makeComment('r2', { parentId: top.id })
    const r3 = makeComment('r3', { parentId: r2.id })
    const r4 = makeComment('r4', { parentId: top.id })
    const shown = { ...top, replies: [r1], replyCount: 3, descendantCount: 4 }
    const { requests } = await list([shown], {
      [`GET ${on(top, '/replies')}`]: (_req, url) =>
        url.searchParams.get('cursor')
          ? { replies: [r4], nextCursor: null }
          : { replies: [r1, r2, r3], nextCursor: 'next' },
    })
    await button('Show 3 more replies').click()
    await expect.element(article('Author r3')).toBeVisible()
    await expect
      .element(article('Author top').getByRole('status').first())
      .toHaveTextContent('More replies shown')
    await expect.element(button('Show 1 more reply')).toBeVisible()
    await button('Show 1 more reply').click()
    await expect.element(article('Author r4')).toBeVisible()
    expect(page.getByRole('button', { name: /more repl/ }).elements()).toHaveLength(0)
    const order = [
      ...article('Author top').element().querySelectorAll('ol > li > parley-comment'),
    ].map((x) => (x as ParleyComment).comment!.id)
    expect(order).toEqual([r1.id, r2.id, r4.id])
    expect(requests.filter((r) => r.url.includes('/replies'))).toHaveLength(2)
    await expect
      .poll(() => focused())
      .toBe(button('Hide 4 replies', article('Author top')).element())
  })

  it('loads the replies that did not come with the page on the first "Show N replies"', async () => {
    const top = makeComment('top')
    const r1 = makeComment('r1', { parentId: top.id, replyCount: 2 })
    const r2 = makeComment('r2', { parentId: r1.id })
    const r3 = makeComment('r3', { parentId: r2.id })
    const r4 = makeComment('r4', { parentId: r1.id })
    const shown = { ...top, replies: [r1], replyCount: 1, descendantCount: 4 }
    const { requests } = await list([shown], {
      [`GET ${on(r1, '/replies')}`]: () => ({ replies: [r2, r3, r4], nextCursor: null }),
    })
    const toggle = button('Show 2 replies', article('Author r1'))
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false')
    await toggle.click()
    await expect.element(article('Author r3')).toBeVisible()
    const hide = button('Hide 2 replies', article('Author r1'))
    await expect.element(hide).toHaveAttribute('aria-expanded', 'true')
    // The toggle is the same button, so focus stays on it.
    expect(focused()).toBe(hide.element())
    const under = [...article('Author r1').element().querySelectorAll('ol > li > parley-comment')]
    expect(under.map((x) => (x as ParleyComment).comment!.id)).toEqual([r2.id, r4.id])
    // Everything of the subtree is now there: nothing more to offer under the top comment.
    expect(page.getByRole('button', { name: /more repl/ }).elements()).toHaveLength(0)
    await hide.click()
    await expect.element(button('Show 2 replies', article('Author r1'))).toBeVisible()
    expect(article('Author r4').elements()).toHaveLength(0)
    await button('Show 2 replies', article('Author r1')).click()
    await expect.element(article('Author r4')).toBeVisible()
    expect(requests.filter((r) => r.url.includes('/replies'))).toHaveLength(1)
  })

  it('keeps offering the replies beyond the first ones when placeholders are among them', async () => {
    // descendantCount counts published replies: not the placeholders of deleted or hidden ones,
    // nor the reader's own reply held for review.
    const top = makeComment('top')
    const gone = { deleted: true, author: { name: '', badges: [] }, text: '', html: '' }
    const a = makeComment('a', { parentId: top.id })
    const deleted = makeComment('deleted', { ...gone, parentId: top.id })
    const b = makeComment('b', { parentId: deleted.id })
    const hidden = makeComment('hidden', { ...gone, parentId: top.id })
    const c = makeComment('c', { parentId: hidden.id })
    const mine = makeComment('mine', { parentId: top.id, status: 'pending', mine: true })
    const later = makeComment('later', { parentId: a.id })
    const shown = {
      ...top,
      replies: [
        { ...a, replyCount: 1 },
        { ...deleted, replies: [b], replyCount: 1 },
        { ...hidden, replies: [c], replyCount: 1 },
        mine,
      ],
      // a and deleted (the direct replies the server counts: published, deleted ones included).
      replyCount: 2,
      // a, b, c and later, which did not come with the page.
      descendantCount: 4,
    }
    await list([shown], {
      [`GET ${on(top, '/replies')}`]: () => ({ replies: [later], nextCursor: null }),
    })
    await button('Show 1 more reply').click()
    await expect.element(article('Author later')).toBeVisible()
    expect(page.getByRole('button', { name: /more repl/ }).elements()).toHaveLength(0)
  })

  it('keeps the counts as the server does when the reader deletes a reply', async () => {
    const root = makeComment('root')
    const mid = makeComment('mid', { parentId: root.id })
    const held = makeComment('held', { parentId: mid.id, status: 'pending', mine: true })
    const kept = makeComment('kept', { parentId: makeComment('mine').id })
    const mine = makeComment('mine', { parentId: mid.id, mine: true, replies: [kept] })
    const other = makeComment('other', { parentId: mid.id })
    // mid: mine (with kept below it), other, and the reader's reply held for review.
    const tree = {
      ...root,
      replies: [{ ...mid, replies: [mine, other, held], replyCount: 2 }],
      replyCount: 1,
      descendantCount: 4,
    }
    await list([tree], {
      [`DELETE ${on(held)}`]: () => ({ id: held.id, outcome: 'removed' }),
      [`DELETE ${on(mine)}`]: () => ({ id: mine.id, outcome: 'placeholder' }),
    })
    const toggles = async (direct: string, all: string) => {
      await expect.element(button(direct, article('Author mid'))).toBeVisible()
      await expect.element(button(all, article('Author root'))).toBeVisible()
    }
    await toggles('Hide 2 replies', 'Hide 4 replies')
    await button('Delete', article('Author held')).click()
    await button('Delete comment').click()
    await expect.element(page.getByRole('article', { name: 'Author held' })).not.toBeInTheDocument()
    // The held reply was never counted: the counts stay.
    await toggles('Hide 2 replies', 'Hide 4 replies')
    await button('Delete', article('Author mine')).click()
    await button('Delete comment').click()
    await expect
      .element(page.getByRole('article', { name: 'This comment was deleted.' }))
      .toBeVisible()
    // A deleted reply left as a placeholder over its replies still holds its place among its
    // parent's direct replies, but is no longer one of the comments below the top one.
    await toggles('Hide 2 replies', 'Hide 3 replies')
  })

  it('does not count a reply held for review', async () => {
    const top = makeComment('top', { replies: [makeComment('first')] })
    const held = makeComment('held', { parentId: top.id, status: 'pending', mine: true })
    const { key } = await list([top])
    const store = threadStore(API, 'demo', key)
    store.add(held)
    await expect.element(article('Author held')).toBeVisible()
    expect(store.find(top.id)).toMatchObject({ replyCount: 1, descendantCount: 1 })
    store.add(makeComment('ok', { parentId: top.id }))
    expect(store.find(top.id)).toMatchObject({ replyCount: 2, descendantCount: 2 })
    await expect.element(button('Hide 2 replies', article('Author top'))).toBeVisible()
  })

  it('links a reply deeper than three levels to its parent, which the link focuses', async () => {
    let reply: Comment | undefined
    for (const level of [4, 3, 2, 1]) {
      reply = makeComment(`d${level}`, { replies: reply ? [reply] : [] })
    }
    await list([makeComment('root', { replies: [reply!] })])
    expect(page.getByRole('link').elements()).toHaveLength(1)
    const link = page.getByRole('link', { name: 'in reply to Author d3', exact: true })
    // Shown beside its parent, at the same indentation, not inside the parent's article.
    expect(article('Author d3').getByRole('link').elements()).toHaveLength(0)
    expect(article('Author d4').element().getBoundingClientRect().left).toBe(
      article('Author d3').element().getBoundingClientRect().left
    )
    await link.click()
    await expect.poll(() => focused()).toBe(article('Author d3').element())
  })
})

describe('<parley-comment> standalone', () => {
  it('renders without a list (read-only reactions are then unknown)', async () => {
    mockApi({})
    const el = await mount(makeComment('alone', { reactions: { '👍': 1 } }))
    expect(el.shadowRoot!.querySelector('[part~=reactions]')).toBeNull()
    await expect.element(page.getByRole('button', { name: 'Reply' })).toBeVisible()
  })
})
