import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { expert } from '../test/fixtures.ts'
import {
  button,
  A,
  expectAccessible,
  json,
  mockApi,
  mountView,
  regions,
  root,
  settle,
} from '../test/helpers.ts'
import type { ExpertsView } from './experts-view.ts'

describe('<parley-experts-view>', () => {
  it('is accessible', async () => {
    mockApi({
      [`GET ${A}/experts`]: () => ({
        experts: [expert('a'), expert('b', { photoUrl: 'https://example.org/b.jpg' })],
      }),
    })
    const el = await mountView<ExpertsView>('parley-experts-view', 'admin')
    expect(root(el).querySelectorAll('.items h2')).toHaveLength(2)
    await expectAccessible(el)
  })

  it('adds, edits and archives an expert', async () => {
    const a = expert('a')
    const { bodies } = mockApi({
      [`GET ${A}/experts`]: () => ({ experts: [a] }),
      [`POST ${A}/experts`]: () => json(expert('n'), 201),
      [`PATCH ${A}/experts/${a.id}`]: () => a,
      [`DELETE ${A}/experts/${a.id}`]: () => json(null, 204),
    })
    const el = await mountView<ExpertsView>('parley-experts-view', 'admin')
    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#new-name')!, 'Ana Ferreira')
    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#new-title')!, 'MEP')
    await userEvent.fill(
      root(el).querySelector<HTMLInputElement>('#new-organisation')!,
      'European Parliament'
    )
    await userEvent.click(button(root(el), 'Add expert'))
    await settle()
    expect(await bodies(`POST ${A}/experts`)).toEqual([
      { name: 'Ana Ferreira', title: 'MEP', organisation: 'European Parliament', photoUrl: null },
    ])
    expect(regions(el).status).toBe('Expert Ana Ferreira added.')

    await userEvent.click(
      root(el).querySelector<HTMLButtonElement>(`button[aria-label="Edit ${a.name}"]`)!
    )
    await settle()
    const dialog = root(el).querySelector('dialog')!
    expect(dialog.querySelector<HTMLInputElement>('#edit-name')!.value).toBe(a.name)
    await userEvent.fill(
      dialog.querySelector<HTMLInputElement>('#edit-photo')!,
      'https://example.org/a.jpg'
    )
    await userEvent.click(button(dialog, 'Save'))
    await settle()
    expect(await bodies(`PATCH ${A}/experts/${a.id}`)).toEqual([
      {
        name: a.name,
        title: a.title,
        organisation: a.organisation,
        photoUrl: 'https://example.org/a.jpg',
      },
    ])

    await userEvent.click(
      root(el).querySelector<HTMLButtonElement>(`button[aria-label="Archive ${a.name}"]`)!
    )
    await settle()
    await userEvent.click(button(root(el).querySelector('dialog')!, 'Archive expert'))
    await settle()
    expect(regions(el).status).toBe(`Expert ${a.name} archived.`)
  })
})
