import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { Api, freshThread, SITE } from '../api.ts'
import { axeViolations, E2E_ORIGIN, EXAMPLES_ORIGIN } from '../fixtures.ts'
import { E2E_ADMIN_TOKEN } from '../poll-fixtures.ts'

// The script-tag build in other languages: embed.js carries English only and loads
// parley-locale-<code>.js from next to itself when the page (or the reader) asks for another
// shipped language. Pages: pages/locale-{en,fr,ar}.html, each <html lang> with the one-tag embed.

/** A thread with one comment, and the locale chunks the page requested while it loaded. */
async function open(page: Page, api: Api, lang: string) {
  const thread = freshThread(`locale-${lang}`)
  await api.post(await api.reader(), thread, { authorName: 'Amina', text: '> A quote\n\nHello.' })
  const chunks: string[] = []
  page.on('request', (req) => {
    if (/\/parley-locale-/.test(req.url())) chunks.push(new URL(req.url()).pathname)
  })
  await page.goto(`${EXAMPLES_ORIGIN}/e2e/locale-${lang}.html?thread=${thread}`)
  await page.getByRole('article', { name: 'Amina' }).waitFor()
  return chunks
}

test('a French page shows the widget in French, with parley-locale-fr.js from next to embed.js', async ({
  page,
  request,
}) => {
  const locale = page.waitForResponse((res) => /\/parley-locale-fr\.js\?v=\w+$/.test(res.url()))
  const chunks = await open(page, new Api(request), 'fr')
  const response = await locale
  expect(response.status()).toBe(200)
  // A module script from the publisher's origin: CORS, and cached for good under its hash.
  expect(response.headers()['access-control-allow-origin']).toBe('*')
  expect(response.headers()['cache-control']).toContain('immutable')
  expect(chunks).toEqual(['/parley-locale-fr.js'])

  await expect(page.getByRole('heading', { name: '1 commentaire' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publier le commentaire' })).toBeVisible()
  const amina = page.getByRole('article', { name: 'Amina' })
  await expect(amina.getByRole('time')).toHaveText(/^il y a|^maintenant|^à l’instant/)

  // The forms come with parley-extras.js, in French too.
  await amina.getByRole('button', { name: 'Signaler', exact: true }).click()
  await expect(
    amina.getByRole('group', { name: 'Pourquoi signalez-vous ce commentaire ?' })
  ).toBeVisible()
  await expect(amina.getByRole('radio', { name: 'Hors sujet' })).toBeVisible()
  await expect(page.locator('parley-discussion')).toHaveAttribute('dir', 'ltr')
})

test('an English page loads no locale at all', async ({ page, request }) => {
  const chunks = await open(page, new Api(request), 'en')
  await expect(page.getByRole('heading', { name: '1 comment' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Post comment' })).toBeVisible()
  expect(chunks).toEqual([])
})

/** Sets the e2e site's uiLanguages through the admin API. */
async function setUiLanguages(request: APIRequestContext, uiLanguages: string[]) {
  const res = await request.patch(`${E2E_ORIGIN}/v1/admin/sites/${SITE}`, {
    data: { settings: { uiLanguages } },
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
  })
  expect(res.status()).toBe(200)
}

test.describe('a German-only site', () => {
  // In afterEach, not in a finally: a test that times out skips its finally, and every later
  // spec would then see the widget in German.
  test.afterEach(async ({ request }) => setUiLanguages(request, []))

  test("the site's uiLanguages win over the page: a French page shows German", async ({
    page,
    request,
  }) => {
    await setUiLanguages(request, ['de'])
    const chunks = await open(page, new Api(request), 'fr')
    await expect(page.getByRole('heading', { name: '1 Kommentar' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Kommentar veröffentlichen' })).toBeVisible()
    // French was asked for with the page, before the thread told which languages the site allows.
    expect(chunks).toEqual(['/parley-locale-fr.js', '/parley-locale-de.js'])
  })
})

test('an Arabic page is right to left, mirrored and accessible', async ({ page, request }) => {
  const chunks = await open(page, new Api(request), 'ar')
  expect(chunks).toEqual(['/parley-locale-ar.js'])
  await expect(page.getByRole('heading', { name: 'تعليق واحد' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'انشر التعليق' })).toBeVisible()
  await expect(page.locator('parley-discussion')).toHaveAttribute('dir', 'rtl')

  const amina = page.getByRole('article', { name: 'Amina' })
  const avatar = await amina.locator('[part~=avatar]').boundingBox()
  const author = await amina.getByRole('heading', { name: 'Amina' }).boundingBox()
  expect(avatar!.x).toBeGreaterThanOrEqual(author!.x + author!.width)
  const form = await page.getByRole('textbox', { name: 'التعليق' }).boundingBox()
  const post = await page.getByRole('button', { name: 'انشر التعليق' }).boundingBox()
  // The submit button sits at the start of its line: on the right.
  expect(post!.x + post!.width).toBeGreaterThan(form!.x + form!.width / 2)

  // Nothing pokes out to the left, where a right-to-left page scrolls (the form's honeypot field).
  const width = await page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement
    return { scrollWidth, clientWidth }
  })
  expect(width.scrollWidth).toBe(width.clientWidth)

  expect(await axeViolations(page)).toEqual([])
})
