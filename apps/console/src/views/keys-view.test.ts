import type { ApiKey } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import {
  A,
  expectAccessible,
  json,
  mockApi,
  mountView,
  regions,
  root,
  settle,
} from '../test/helpers.ts'
import type { KeysView } from './keys-view.ts'

const KEY: ApiKey = {
  id: '7hq2m3x9c4v5b6n8',
  name: 'Night desk',
  role: 'moderator',
  createdBy: 'owner',
  createdAt: '2026-11-01T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
}

describe('<parley-keys-view>', () => {
  it('is accessible', async () => {
    mockApi({ [`GET ${A}/keys`]: () => ({ keys: [KEY] }) })
    const el = await mountView<KeysView>('parley-keys-view')
    expect(root(el).querySelector('tbody')!.textContent).toContain('Night desk')
    await expectAccessible(el)
  })

  it('creates a key and shows it once, in a dialog', async () => {
    let keys: ApiKey[] = [KEY]
    const created = {
      ...KEY,
      id: 'aaaabbbbccccdddd',
      name: 'Ana',
      role: 'admin' as const,
      key: 'pk_aaaabbbbccccdddd_secret',
    }
    const { bodies } = mockApi({
      [`GET ${A}/keys`]: () => ({ keys }),
      [`POST ${A}/keys`]: () => {
        keys = [created, ...keys]
        return json(created, 201)
      },
    })
    const el = await mountView<KeysView>('parley-keys-view')
    await userEvent.fill(root(el).querySelector<HTMLInputElement>('#key-name')!, 'Ana')
    await userEvent.selectOptions(root(el).querySelector<HTMLSelectElement>('#key-role')!, 'admin')
    await userEvent.click(root(el).querySelector('form button.primary')!)
    await settle()
    expect(await bodies(`POST ${A}/keys`)).toEqual([{ name: 'Ana', role: 'admin' }])
    const dialog = root(el).querySelector('dialog')!
    expect(dialog.open).toBe(true)
    expect(dialog.textContent).toContain('pk_aaaabbbbccccdddd_secret')
    await expectAccessible(el)
    await userEvent.keyboard('{Escape}')
    await settle()
    expect(root(el).querySelector('dialog')).toBeNull()
    expect(root(el).textContent).not.toContain('pk_aaaabbbbccccdddd_secret')
    expect(root(el).querySelectorAll('tbody tr')).toHaveLength(2)
  })

  it('revokes a key after confirmation', async () => {
    let keys: ApiKey[] = [KEY]
    mockApi({
      [`GET ${A}/keys`]: () => ({ keys }),
      [`DELETE ${A}/keys/${KEY.id}`]: () => {
        keys = [{ ...KEY, revokedAt: '2026-11-02T10:00:00.000Z' }]
        return json(null, 204)
      },
    })
    const el = await mountView<KeysView>('parley-keys-view')
    await userEvent.click(root(el).querySelector('button[aria-label="Revoke Night desk"]')!)
    await settle()
    await userEvent.click(root(el).querySelector('dialog button.danger')!)
    await settle()
    expect(root(el).querySelector('dialog')).toBeNull()
    expect(regions(el).status).toBe('Key "Night desk" revoked.')
    expect(root(el).querySelector('tbody')!.textContent).toContain('Revoked')
  })

  it('shows the API error in the dialog', async () => {
    mockApi({
      [`GET ${A}/keys`]: () => ({ keys: [KEY] }),
      [`DELETE ${A}/keys/${KEY.id}`]: () =>
        json({ error: { code: 'forbidden', message: 'This needs the admin role' } }, 403),
    })
    const el = await mountView<KeysView>('parley-keys-view')
    await userEvent.click(root(el).querySelector('button[aria-label="Revoke Night desk"]')!)
    await settle()
    await userEvent.click(root(el).querySelector('dialog button.danger')!)
    await settle()
    const dialog = root(el).querySelector('dialog')!
    expect(dialog.querySelector('[role=alert]')!.textContent).toBe('This needs the admin role')
  })
})
