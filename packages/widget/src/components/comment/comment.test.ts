import { describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import type { ParleyComment } from './comment.ts'
import { expectAccessible, makeComment, mockApi, settle } from '../../test/helpers.ts'

async function mount(comment = makeComment('one')) {
  const el = document.createElement('parley-comment')
  el.setAttribute('site', 'demo')
  el.setAttribute('thread', 'thread-1')
  el.comment = comment
  document.body.append(el)
  await settle()
  return el as ParleyComment
}

describe('<parley-comment>', () => {
  it('is accessible', async () => {
    mockApi({})
    await expectAccessible(
      await mount(makeComment('one', { reactions: { '👍': 3 }, text: 'Hi\n\nThere' }))
    )
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
    expect(body.querySelector('p')!.textContent).toBe('Hoi\nallemaal')
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
  })

  it('drops the open reply form when it is handed another comment', async () => {
    mockApi({})
    const el = await mount()
    await page.getByRole('button', { name: 'Reply' }).click()
    el.comment = makeComment('two')
    await settle()
    expect(el.shadowRoot!.querySelector('parley-comment-form')).toBeNull()
  })
})
