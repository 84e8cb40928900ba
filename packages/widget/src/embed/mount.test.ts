import { afterEach, describe, expect, it } from 'vitest'
import { countDefaults } from '../state/counts.ts'
import { boot, mount } from './mount.ts'

// The elements are not defined in this file: mounting only has to create and place them.

function script(data: Record<string, string>, parent: Element = document.body) {
  const el = document.createElement('script')
  el.type = 'text/plain' // never executed; only its attributes matter here
  el.src = 'https://comments.example.org/embed.js'
  Object.assign(el.dataset, data)
  parent.append(el)
  return el
}

afterEach(() => document.body.replaceChildren())

describe('embed mount', () => {
  it('mounts a <parley-discussion> right after the script, with the API origin from src', () => {
    const s = script({ site: 'demo', thread: 'europe', poll: 'origin' })
    const el = mount(s)
    expect(s.nextElementSibling).toBe(el)
    expect(el.localName).toBe('parley-discussion')
    expect(el.getAttribute('api')).toBe('https://comments.example.org')
    expect(el.getAttribute('site')).toBe('demo')
    expect(el.getAttribute('thread')).toBe('europe')
    expect(el.getAttribute('poll')).toBe('origin')
  })

  it('passes data-theme and data-loading on as theme and loading', () => {
    const themed = mount(script({ site: 'demo', thread: 'a', theme: 'dark', loading: 'eager' }))
    expect(themed.getAttribute('theme')).toBe('dark')
    expect(themed.getAttribute('loading')).toBe('eager')
    const plain = mount(script({ site: 'demo', thread: 'b' }))
    expect(plain.hasAttribute('theme')).toBe(false)
    expect(plain.hasAttribute('loading')).toBe(false)
  })

  it('mounts exactly once per script tag, however often it runs', () => {
    const first = script({ site: 'demo', thread: 'a' })
    const second = script({ site: 'demo', thread: 'b' })
    boot(first)
    boot(first)
    boot(second)
    expect(mount(first)).toBe(first.nextElementSibling)
    expect(document.querySelectorAll('parley-discussion')).toHaveLength(2)
  })

  it('supports a poll without a thread, and data-target', () => {
    const target = document.createElement('section')
    target.id = 'here'
    document.body.append(target)
    const el = mount(script({ site: 'demo', poll: 'origin', target: '#here' }))
    expect(el.parentElement).toBe(target)
    expect(el.hasAttribute('thread')).toBe(false)
  })

  it('fails loudly on bad configuration', () => {
    expect(() => mount(script({ thread: 'a' }))).toThrow(
      '[parley] missing data-site on the embed script'
    )
    expect(() => mount(script({ site: 'demo' }))).toThrow(
      '[parley] missing data-thread (or data-poll) on the embed script'
    )
    expect(() => mount(script({ site: 'demo', thread: 'a', target: '#nowhere' }))).toThrow(
      '[parley] data-target "#nowhere" matches no element'
    )
    expect(() => mount(script({ site: 'demo', thread: 'a', target: '##' }))).toThrow(
      '[parley] data-target "##" is not a valid CSS selector'
    )
    expect(() => boot(null)).toThrow(/^\[parley\] could not find the embed script/)
    expect(document.querySelector('parley-discussion')).toBeNull()
  })

  it('serves <parley-count> elements: their default API and site, and a counts-only mode', () => {
    const count = document.createElement('parley-count')
    count.setAttribute('thread', 'a')
    document.body.append(count)
    try {
      Object.assign(countDefaults, { api: '', site: '' }) // earlier tests booted too
      boot(script({ site: 'news' }))
      expect({ ...countDefaults }).toEqual({ api: 'https://comments.example.org', site: 'news' })
      expect(document.querySelector('parley-discussion')).toBeNull()
      // Without any <parley-count> on the page, the missing thread is still an error.
      count.remove()
      expect(() => boot(script({ site: 'news' }))).toThrow('[parley] missing data-thread')
    } finally {
      Object.assign(countDefaults, { api: '', site: '' })
    }
  })
})
