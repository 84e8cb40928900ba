import { expect, test } from '@playwright/test'
import { actAs, Api, freshThread, threadPage } from '../api.ts'
import { axeViolations, waitForWidget } from '../fixtures.ts'

// axe-core (WCAG 2.2 AA) on the states the discussion adds, in light and dark: a pressed reaction,
// the edit form, the report form and a deleted comment's placeholder.

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the discussion states have no accessibility violations (${colorScheme})`, async ({
    page,
    request,
  }) => {
    const api = new Api(request)
    const thread = freshThread(`a11y-${colorScheme}`)
    const [other, me] = [await api.reader(), await api.reader()]
    await api.post(other, thread, { authorName: 'Amina', text: 'Somebody else wrote *this*.' })
    const mine = await api.post(me, thread, { authorName: 'Bram', text: 'Mine, with a reply.' })
    await api.post(other, thread, { authorName: 'Chloe', text: 'The reply.', parentId: mine.id })
    await page.emulateMedia({ colorScheme })
    await actAs(page, me)
    await page.goto(threadPage(thread))
    await waitForWidget(page)
    await page.getByRole('article').first().waitFor()
    expect(await axeViolations(page), 'the thread as loaded').toEqual([])

    const amina = page.getByRole('article', { name: 'Amina' })
    const like = amina
      .getByRole('group', { name: 'Reactions' })
      .getByRole('button', { name: /^Like\b/ })
    await like.click()
    await expect(like).toHaveAttribute('aria-pressed', 'true')
    expect(await axeViolations(page), 'a pressed reaction').toEqual([])

    const bram = page.getByRole('article', { name: 'Bram' })
    await bram.getByRole('button', { name: 'Edit', exact: true }).first().click()
    await expect(bram.getByRole('textbox', { name: 'Edit comment' })).toBeVisible()
    expect(await axeViolations(page), 'the edit form').toEqual([])
    await bram.getByRole('button', { name: 'Cancel', exact: true }).first().click()

    await amina.getByRole('button', { name: 'Report', exact: true }).first().click()
    await expect(
      amina.getByRole('group', { name: 'Why are you reporting this comment?' })
    ).toBeVisible()
    expect(await axeViolations(page), 'the report form').toEqual([])
    await amina.getByRole('button', { name: 'Cancel', exact: true }).first().click()

    await bram.getByRole('button', { name: 'Delete', exact: true }).first().click()
    await expect(bram.getByText('Delete this comment?')).toBeVisible()
    expect(await axeViolations(page), 'the delete confirmation').toEqual([])
    await bram.getByRole('button', { name: 'Delete comment', exact: true }).first().click()
    await expect(page.getByText('This comment was deleted.')).toBeVisible()
    expect(await axeViolations(page), 'the deleted placeholder').toEqual([])
  })
}
