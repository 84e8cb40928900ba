import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { site } from '../test/fixtures.ts'
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
import type { SettingsView } from './settings-view.ts'

describe('<parley-settings-view>', () => {
  it('is accessible', async () => {
    mockApi({ [`GET ${A}`]: () => site() })
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    expect(root(el).querySelector<HTMLTextAreaElement>('#set-banned')!.value).toBe('scum')
    await expectAccessible(el)
  })

  it('saves every setting with one PATCH', async () => {
    const { bodies } = mockApi({
      [`GET ${A}`]: () => site(),
      [`PATCH ${A}`]: () => site(),
    })
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    const r = root(el)
    await userEvent.click(r.querySelector<HTMLInputElement>('#mode-pre')!)
    await userEvent.fill(r.querySelector<HTMLTextAreaElement>('#set-banned')!, 'scum\nvermin\n')
    await userEvent.fill(
      r.querySelector<HTMLTextAreaElement>('#set-origins')!,
      'https://news.example\nhttps://blog.example'
    )
    await userEvent.click(r.querySelector<HTMLInputElement>('#set-firstTimeReader')!)
    await userEvent.fill(r.querySelector<HTMLInputElement>('#set-reportThreshold')!, '5')
    await userEvent.click(r.querySelector<HTMLInputElement>('#set-tombstones')!)
    await userEvent.fill(r.querySelector<HTMLInputElement>('#set-languages')!, 'en fr nl')
    await userEvent.click(r.querySelector<HTMLButtonElement>('form button.primary')!)
    await settle()
    expect(await bodies(`PATCH ${A}`)).toEqual([
      {
        name: 'Open Chamber',
        allowedOrigins: ['https://news.example', 'https://blog.example'],
        settings: {
          showStances: true,
          uiLanguages: ['en', 'fr', 'nl'],
          reactions: { set: ['👍', '❤️'], showCounts: true, inRanking: true },
          moderation: {
            mode: 'pre',
            bannedTerms: ['scum', 'vermin'],
            holdRules: {
              shouting: true,
              repeatedCharacters: true,
              firstTimeReader: true,
              maxLinks: 2,
              minSecondsBetweenComments: 10,
              reportThreshold: 5,
              holdScore: 1,
              rejectScore: 4,
            },
            classifier: false,
            tombstones: false,
            reviewExpertResponses: false,
          },
          privacy: { erasure: 'delete', anonymousName: 'Anonymous', retentionDays: 30 },
        },
      },
    ])
    expect(regions(el).status).toBe('Settings saved. They apply at once.')
  })

  it('names the invalid field the API reports', async () => {
    mockApi({
      [`GET ${A}`]: () => site(),
      [`PATCH ${A}`]: () =>
        json(
          {
            error: {
              code: 'invalid_input',
              message: 'Invalid body.allowedOrigins.0',
              issues: [{ path: 'body.allowedOrigins.0', message: 'must be an http(s) URL' }],
            },
          },
          400
        ),
    })
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    await userEvent.click(root(el).querySelector<HTMLButtonElement>('form button.primary')!)
    await settle()
    expect(regions(el).alert).toBe(
      'Invalid body.allowedOrigins.0: body.allowedOrigins.0 must be an http(s) URL'
    )
  })
})
