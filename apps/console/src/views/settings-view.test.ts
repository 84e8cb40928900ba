import { DEFAULT_RATE_LIMITS } from '@parley/core/limits'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { site } from '../test/fixtures.ts'
import {
  A,
  button,
  errorBody,
  expectAccessible,
  json,
  mockApi,
  mountView,
  regions,
  root,
  settle,
} from '../test/helpers.ts'
import type { SettingsView } from './settings-view.ts'

const SSO = `${A}/sso/secret`
const TURNSTILE = `${A}/turnstile/secret`
const NOT_SET: { configured: boolean; updatedAt: string | null } = {
  configured: false,
  updatedAt: null,
}
const SET = { configured: true, updatedAt: '2026-11-20T10:00:00.000Z' }

/** The view's three loads (the site, whether each secret is set) and the given routes. */
const settingsApi = (routes: Parameters<typeof mockApi>[0] = {}, secrets = NOT_SET) =>
  mockApi({
    [`GET ${A}`]: () => site(),
    [`GET ${SSO}`]: () => secrets,
    [`GET ${TURNSTILE}`]: () => secrets,
    ...routes,
  })

describe('<parley-settings-view>', () => {
  it('is accessible', async () => {
    settingsApi()
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    expect(root(el).querySelector<HTMLTextAreaElement>('#set-banned')!.value).toBe('scum')
    await expectAccessible(el)
  })

  it('is accessible with both secrets set', async () => {
    settingsApi({}, SET)
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    expect(root(el).querySelector('#sso-state')!.textContent).toContain('Set')
    expect(button(root(el), 'Replace secret')).toBeTruthy()
    await expectAccessible(el)
  })

  it('saves every setting with one PATCH', async () => {
    const { bodies } = settingsApi({ [`PATCH ${A}`]: () => site() })
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
    await userEvent.fill(r.querySelector<HTMLInputElement>('#set-minSubmitSeconds')!, '3.5')
    await userEvent.fill(r.querySelector<HTMLInputElement>('[name="rl.comments.reader.max"]')!, '7')
    await userEvent.fill(
      r.querySelector<HTMLInputElement>('[name="rl.comments.reader.windowSeconds"]')!,
      '120'
    )
    await userEvent.fill(r.querySelector<HTMLInputElement>('#set-turnstileSiteKey')!, '0x4AAA-b_c')
    await userEvent.selectOptions(
      r.querySelector<HTMLSelectElement>('#set-signIn-vote')!,
      'required'
    )
    await userEvent.fill(
      r.querySelector<HTMLInputElement>('#set-loginUrl')!,
      'https://news.example/login'
    )
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
          rateLimits: {
            ...DEFAULT_RATE_LIMITS,
            comments: { ...DEFAULT_RATE_LIMITS.comments, reader: { max: 7, windowSeconds: 120 } },
          },
          botChecks: { minSubmitSeconds: 3.5 },
          privacy: { erasure: 'delete', anonymousName: 'Anonymous', retentionDays: 30 },
          turnstile: { enabled: false, siteKey: '0x4AAA-b_c', votes: false },
          signIn: {
            comment: 'optional',
            vote: 'required',
            react: 'optional',
            loginUrl: 'https://news.example/login',
          },
        },
      },
    ])
    expect(regions(el).status).toBe('Settings saved. They apply at once.')
  })

  it('sends loginUrl null when the field is empty', async () => {
    const { bodies } = settingsApi({
      [`GET ${A}`]: () =>
        site({
          settings: {
            ...site().settings,
            signIn: {
              comment: 'required',
              vote: 'optional',
              react: 'optional',
              loginUrl: 'https://news.example/login',
            },
          },
        }),
      [`PATCH ${A}`]: () => site(),
    })
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    const r = root(el)
    expect(r.querySelector<HTMLSelectElement>('#set-signIn-comment')!.value).toBe('required')
    await userEvent.clear(r.querySelector<HTMLInputElement>('#set-loginUrl')!)
    await userEvent.click(r.querySelector<HTMLButtonElement>('form button.primary')!)
    await settle()
    const [body] = (await bodies(`PATCH ${A}`)) as { settings: { signIn: unknown } }[]
    expect(body!.settings.signIn).toEqual({
      comment: 'required',
      vote: 'optional',
      react: 'optional',
      loginUrl: null,
    })
  })

  it('has the API generate a sign-in secret and shows it once', async () => {
    const { bodies } = settingsApi({
      [`PUT ${SSO}`]: () => ({ ...SET, secret: 'generated-secret-0123456789abcdefghijklm' }),
    })
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    const r = root(el)
    expect(r.querySelector('#sso-state')!.textContent).toContain('Not set')
    expect(r.querySelector('#set-signIn-hint')!.textContent).toContain('Set the sign-in secret')
    await userEvent.click(button(r.querySelector('#sso-secret')!.closest('form')!, 'Set secret'))
    await settle()
    expect(await bodies(`PUT ${SSO}`)).toEqual([{}])
    const dialog = r.querySelector<HTMLDialogElement>('dialog#generated')!
    expect(dialog.open).toBe(true)
    expect(dialog.querySelector('[data-testid="generated-secret"]')!.textContent).toBe(
      'generated-secret-0123456789abcdefghijklm'
    )
    await expectAccessible(el)
    await userEvent.click(button(dialog, 'Done'))
    await settle()
    expect(r.querySelector('dialog#generated')).toBeNull()
    expect(r.querySelector('#sso-state')!.textContent).toContain('Set')
    expect(r.textContent).not.toContain('generated-secret-0123456789abcdefghijklm')
  })

  it('rotates the sign-in secret with one of the admin’s own', async () => {
    const { bodies } = settingsApi({ [`PUT ${SSO}`]: () => SET }, SET)
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    const r = root(el)
    const secret = 'x'.repeat(40)
    await userEvent.fill(r.querySelector<HTMLInputElement>('#sso-secret')!, secret)
    await userEvent.click(
      button(r.querySelector('#sso-secret')!.closest('form')!, 'Replace secret')
    )
    await settle()
    expect(await bodies(`PUT ${SSO}`)).toEqual([{ secret }])
    expect(r.querySelector('dialog#generated')).toBeNull()
    expect(r.querySelector<HTMLInputElement>('#sso-secret')!.value).toBe('')
    expect(regions(el).status).toBe(
      'Sign-in secret replaced: tokens signed with the old one are refused from now on.'
    )
  })

  it('sets the Turnstile secret', async () => {
    const { bodies } = settingsApi({ [`PUT ${TURNSTILE}`]: () => SET })
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    const r = root(el)
    // Nothing to delete while neither is set.
    expect(button(r, 'Delete secret')).toBeUndefined()
    await userEvent.fill(r.querySelector<HTMLInputElement>('#turnstile-secret')!, '0x4AAA-secret')
    await userEvent.click(
      button(r.querySelector('#turnstile-secret')!.closest('form')!, 'Set secret')
    )
    await settle()
    expect(await bodies(`PUT ${TURNSTILE}`)).toEqual([{ secret: '0x4AAA-secret' }])
    expect(regions(el).status).toBe('Turnstile secret set.')
    expect(r.querySelector('#turnstile-state')!.textContent).toContain('Set')
  })

  it('deletes a secret after asking, and shows why the API refused', async () => {
    const { requests } = settingsApi(
      {
        [`DELETE ${SSO}`]: () => NOT_SET,
        [`DELETE ${TURNSTILE}`]: () =>
          errorBody('conflict', 409, 'Turn Turnstile off (settings.turnstile.enabled) first'),
      },
      SET
    )
    const el = await mountView<SettingsView>('parley-settings-view', 'admin')
    const r = root(el)
    const deletes = () => requests.filter((q) => q.method === 'DELETE').length

    await userEvent.click(button(r.querySelector('#sso-secret')!.closest('form')!, 'Delete secret'))
    await settle()
    let dialog = r.querySelector<HTMLDialogElement>('dialog#delete-secret')!
    expect(dialog.open).toBe(true)
    expect(dialog.querySelector('h2')!.textContent).toBe('Delete the sign-in secret?')
    expect(deletes()).toBe(0)
    await userEvent.click(button(dialog, 'Delete secret'))
    await settle()
    expect(deletes()).toBe(1)
    expect(r.querySelector('dialog#delete-secret')).toBeNull()
    expect(regions(el).status).toBe('The sign-in secret is deleted.')
    expect(r.querySelector('#sso-state')!.textContent).toContain('Not set')

    await userEvent.click(
      button(r.querySelector('#turnstile-secret')!.closest('form')!, 'Delete secret')
    )
    await settle()
    dialog = r.querySelector<HTMLDialogElement>('dialog#delete-secret')!
    await userEvent.click(button(dialog, 'Delete secret'))
    await settle()
    expect(dialog.open).toBe(true)
    expect(dialog.querySelector('[role=alert]')!.textContent).toContain('Turn Turnstile off')
    expect(r.querySelector('#turnstile-state')!.textContent).toContain('Set')
  })

  it('names the invalid field the API reports', async () => {
    settingsApi({
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
