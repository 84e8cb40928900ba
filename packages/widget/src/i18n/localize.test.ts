import { afterEach, describe, expect, it, vi } from 'vitest'
import { page } from 'vitest/browser'
import type { ParleyComments } from '../components/comments/comments.ts'
import {
  API,
  expectAccessible,
  fixture,
  makeComment,
  makeThread,
  mockApi,
  readerRoute,
  uid,
} from '../test/helpers.ts'
import { ar } from './locales/ar.ts'
import { de } from './locales/de.ts'
import { fr } from './locales/fr.ts'
import { pl } from './locales/pl.ts'
import { registerTranslation, setUiLanguages, translationFor } from './localize.ts'

// Each test file has its own module graph: what is registered here stays in this file.
registerTranslation(fr, de, pl, ar)

const html = document.documentElement
const pageLang = html.getAttribute('lang')
afterEach(() => {
  if (pageLang === null) html.removeAttribute('lang')
  else html.setAttribute('lang', pageLang)
  html.removeAttribute('dir')
})

/** Stubs the browser's preferred languages (navigator.languages). */
function browserLanguages(...tags: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(tags)
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(tags[0]!)
}

/** An element in `<div lang=…>` markup, for translationFor. */
function element(markup: string, site = 'demo'): HTMLElement & { site: string } {
  const wrapper = document.createElement('div')
  wrapper.innerHTML = markup
  document.body.append(wrapper)
  const el = wrapper.querySelector('[data-el]') as HTMLElement & { site: string }
  el.site = site
  return el
}

/** A <parley-comments> of a fresh thread with two comments, inside `markup`'s `<slot>` spot. */
async function comments(wrap = (list: string) => list, thread = {}) {
  const key = uid()
  const base = `/v1/sites/demo/threads/${key}`
  mockApi({
    ...readerRoute,
    [`GET ${base}`]: () => makeThread(key, { commentCount: 2, ...thread }),
    [`GET ${base}/comments`]: () => ({
      comments: [
        makeComment('a', { text: '> quoted', html: '<blockquote><p>quoted</p></blockquote>' }),
        makeComment('b'),
      ],
      nextCursor: null,
    }),
  })
  const wrapper = await fixture<HTMLElement>(
    wrap(`<parley-comments api="${API}" site="demo" thread="${key}"></parley-comments>`)
  )
  const el = (
    wrapper.localName === 'parley-comments' ? wrapper : wrapper.querySelector('parley-comments')
  ) as ParleyComments
  await expect.element(page.getByRole('article').first()).toBeVisible()
  return el
}

describe('language resolution', () => {
  it("prefers the element's lang, then the nearest ancestor's and <html lang>, then the browser", () => {
    browserLanguages('pl-PL', 'en')
    html.setAttribute('lang', 'de')
    expect(translationFor(element('<p data-el lang="fr"></p>')).$code).toBe('fr')
    expect(translationFor(element('<div lang="fr"><p data-el></p></div>')).$code).toBe('fr')
    expect(translationFor(element('<p data-el></p>')).$code).toBe('de')
    html.removeAttribute('lang')
    expect(translationFor(element('<p data-el></p>')).$code).toBe('pl')
  })

  it('takes the exact tag, then its base language, then the next browser language, then English', () => {
    browserLanguages('sv-SE', 'de-AT', 'en')
    expect(translationFor(element('<p data-el lang="fr-CA"></p>')).$code).toBe('fr')
    expect(translationFor(element('<p data-el lang="FR"></p>')).$code).toBe('fr')
    // Swedish is not shipped: the reader's next language is.
    expect(translationFor(element('<p data-el lang="sv"></p>')).$code).toBe('de')
    browserLanguages('sv-SE')
    expect(translationFor(element('<p data-el lang="xx-unknown"></p>')).$code).toBe('en')
    expect(translationFor(element('<p data-el lang=""></p>')).$code).toBe('en')
  })

  it("keeps to the site's uiLanguages, in their order, when it lists any", () => {
    browserLanguages('pl', 'en')
    const site = uid('site')
    const el = element('<p data-el lang="fr"></p>', site)
    expect(translationFor(el).$code).toBe('fr')
    setUiLanguages(site, ['de', 'pl'])
    expect(translationFor(el).$code).toBe('pl') // the browser's, as French is not allowed
    setUiLanguages(site, ['de-CH'])
    expect(translationFor(el).$code).toBe('de') // allowed by its base language
    setUiLanguages(site, ['sv', 'fr-BE'])
    expect(translationFor(el).$code).toBe('fr')
    setUiLanguages(site, ['sv'])
    expect(translationFor(el).$code).toBe('en') // nothing allowed is shipped
    setUiLanguages(site, [])
    expect(translationFor(el).$code).toBe('fr')
    // Another site's setting does not apply.
    expect(translationFor(element('<p data-el lang="fr"></p>')).$code).toBe('fr')
  })
})

describe('a translated widget', () => {
  it('renders French strings, numbers and dates inside <div lang="fr">', async () => {
    const el = await comments((list) => `<div lang="fr">${list}</div>`)
    await expect.element(page.getByRole('heading', { name: '2 commentaires' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Répondre' }).first()).toBeVisible()
    await expect.element(page.getByLabelText('Trier par')).toBeVisible()
    expect(el.dir).toBe('ltr')
    const time = el.shadowRoot!.querySelector('parley-comment')!.shadowRoot!.querySelector('time')!
    expect(time.textContent).toBe('il y a 3 heures')
  })

  it('follows the site: uiLanguages from the thread switch a French page to German', async () => {
    html.setAttribute('lang', 'fr')
    await comments(undefined, { uiLanguages: ['de'] })
    await expect.element(page.getByRole('heading', { name: '2 Kommentare' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Antworten' }).first()).toBeVisible()
  })

  it('falls back to English for a language it does not ship', async () => {
    browserLanguages('xx')
    await comments((list) => `<div lang="tlh">${list}</div>`)
    await expect.element(page.getByRole('heading', { name: '2 comments' })).toBeVisible()
  })

  it('renders again when a translation is registered later (npm users loading a locale lazily)', async () => {
    browserLanguages('en')
    await comments((list) => `<div lang="it">${list}</div>`)
    await expect.element(page.getByRole('heading', { name: '2 comments' })).toBeVisible()
    const { it: italian } = await import('./locales/it.ts')
    registerTranslation(italian)
    await expect.element(page.getByRole('heading', { name: '2 commenti' })).toBeVisible()
  })

  it('mirrors in Arabic: dir="rtl", the avatar right of the name, quotes ruled on the right', async () => {
    const ltr = await comments()
    const rtl = await comments((list) => `<div lang="ar">${list}</div>`)
    await expect.element(page.getByRole('heading', { name: 'تعليقان' })).toBeVisible()
    expect([ltr.dir, rtl.dir]).toEqual(['ltr', 'rtl'])
    const boxes = (list: ParleyComments) => {
      const comment = list.shadowRoot!.querySelector('parley-comment')!.shadowRoot!
      const box = (selector: string) => comment.querySelector(selector)!.getBoundingClientRect()
      const quote = comment.querySelector('blockquote')!
      return {
        avatar: box('[part~=avatar]'),
        author: box('[part~=author]'),
        rule: getComputedStyle(quote)[rtl === list ? 'borderRightWidth' : 'borderLeftWidth'],
      }
    }
    const left = boxes(ltr)
    const right = boxes(rtl)
    expect(left.avatar.right).toBeLessThanOrEqual(left.author.left)
    expect(right.avatar.left).toBeGreaterThanOrEqual(right.author.right)
    expect([left.rule, right.rule]).toEqual(['3px', '3px'])
    await expectAccessible(rtl)
  })

  it('sticks out of no side of a right-to-left page, where overflow on the left scrolls', async () => {
    html.setAttribute('lang', 'ar')
    html.setAttribute('dir', 'rtl')
    const form = await fixture<HTMLElement>(
      `<parley-comment-form api="${API}" site="demo" thread="${uid()}"></parley-comment-form>`
    )
    await expect.element(page.getByRole('button', { name: 'انشر التعليق' })).toBeVisible()
    expect(form.dir).toBe('rtl')
    // The honeypot field is off-screen at the inline start: on the right here.
    expect(html.scrollWidth).toBe(html.clientWidth)
  })
})
