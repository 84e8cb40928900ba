import { afterEach, expect, it, vi } from 'vitest'
import { commands, page } from 'vitest/browser'
import { fr } from '../i18n/locales/fr.ts'

// The script-tag build and its languages. The test server serves embed.js and parley-extras.js
// (vitest.config.ts) but no parley-locale-*.js: here a page in French finds its locale missing,
// as an offline reader would. tests/locales.spec.ts (e2e) loads the real chunks.

afterEach(() => {
  document.body.replaceChildren()
  document.documentElement.lang = 'en'
  vi.unstubAllGlobals()
})

it('embed.js carries English only, and the codes and content hash of the other locales', async () => {
  const { code, modules } = await commands.buildEmbed()
  expect(modules.filter((id) => id.includes('/i18n/locales/'))).toEqual([])
  expect(code).not.toContain(fr.postComment)
  expect(code).toContain('`ar de es fr it nl pl pt`')
  expect(code).toMatch(/`parley-locale-\$\{\w+\}\.js\?v=[0-9a-f]{10}`/)
}, 20_000)

it('asks for parley-locale-fr.js on a French page, and stays in English when it cannot load', async () => {
  await commands.buildEmbed()
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const { pathname } = new URL(new Request(input).url)
      const body =
        pathname === '/v1/sites/demo/threads/t-fr'
          ? {
              site: 'demo',
              key: 't-fr',
              title: null,
              commentCount: 0,
              polls: [],
              featured: [],
              reactions: { available: [], showCounts: true },
              stances: null,
              languages: {},
              pinned: [],
              uiLanguages: [],
            }
          : { comments: [], nextCursor: null }
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    })
  )
  const errors: string[] = []
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(String(e.type))
  window.addEventListener('error', onError)
  window.addEventListener('unhandledrejection', onError)
  document.documentElement.lang = 'fr'
  const script = document.createElement('script')
  script.src = '/embed.js'
  Object.assign(script.dataset, { site: 'demo', thread: 't-fr' })
  document.body.append(script)

  await expect.element(page.getByRole('button', { name: 'Post comment' })).toBeVisible()
  await expect
    .poll(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((url) => url.pathname === '/parley-locale-fr.js')
        .map((url) => url.search)
    )
    .toEqual([expect.stringMatching(/^\?v=[0-9a-f]{10}$/)])
  await expect.element(page.getByText('No comments yet. Start the discussion.')).toBeVisible()
  window.removeEventListener('error', onError)
  window.removeEventListener('unhandledrejection', onError)
  expect(errors).toEqual([])
}, 30_000)
