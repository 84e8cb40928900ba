import { describe, expect, it } from 'vitest'
import { enforceAllowlist, isSafeHref } from './html-allowlist.ts'

const LINK_ATTRIBUTES = 'rel="nofollow ugc noopener" target="_blank"'

// The renderer's output always passes unchanged; these inputs are what a bug in it might produce.
describe('enforceAllowlist', () => {
  it('passes the allowed elements through unchanged', () => {
    const html = `<p><em>a</em> <strong>b</strong> <code>c</code><br>d</p>\n<blockquote>\n<p><a href="https://x.example/?a=1&amp;b=2" ${LINK_ATTRIBUTES}>x</a></p>\n</blockquote>`
    expect(enforceAllowlist(html)).toBe(html)
  })

  it.each([
    ['a script element', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [
      'an event handler',
      '<p onclick="alert(1)">x</p>',
      '&lt;p onclick=&quot;alert(1)&quot;&gt;x&lt;/p&gt;',
    ],
    ['an upper-case tag', '<P>x</P>', '&lt;P&gt;x&lt;/P&gt;'],
    [
      'an unquoted attribute',
      '<a href=http://x.example>x</a>',
      '&lt;a href=http://x.example&gt;x&lt;/a&gt;',
    ],
    ['a closing tag that closes nothing', 'x</p></a>', 'x&lt;/p&gt;&lt;/a&gt;'],
    ['crossed elements', '<em><strong>x</em></strong>', '<em><strong>x&lt;/em&gt;</strong></em>'],
    ['an unknown entity', '&copy; &#60; &amp;', '&amp;copy; &amp;#60; &amp;'],
    ['stray quotes and brackets', 'a > b "c"', 'a &gt; b &quot;c&quot;'],
  ])('escapes %s', (_, html, expected) => {
    expect(enforceAllowlist(html)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    '//evil.example',
    '/relative',
    'http:/one-slash',
    'java&#115;cript:alert(1)',
    'http://x.example/a b',
    'https://x.example/\u0000',
  ])('refuses a link to %s', (href) => {
    const out = enforceAllowlist(`<a href="${href}" ${LINK_ATTRIBUTES}>x</a>`)
    expect(out).not.toMatch(/<a /)
    expect(out).toMatch(/^&lt;a href=/)
  })

  it('refuses a link with an attribute beyond href, rel and target', () => {
    const out = enforceAllowlist(`<a href="https://x.example" onclick="alert(1)">x</a>`)
    expect(out).not.toMatch(/<a /)
  })

  it('writes its own rel and target on every link and re-escapes the href', () => {
    expect(enforceAllowlist('<a href="https://x.example/&quot;q&quot;" rel="opener">x</a>')).toBe(
      `<a href="https://x.example/&quot;q&quot;" ${LINK_ATTRIBUTES}>x</a>`
    )
  })

  it('closes what is left open, so nothing leaks into the markup around it', () => {
    expect(enforceAllowlist('<blockquote><p><em>x')).toBe(
      '<blockquote><p><em>x</em></p></blockquote>'
    )
  })

  it('normalises a self-closing br', () => {
    expect(enforceAllowlist('a<br/>b<br />c')).toBe('a<br>b<br>c')
  })
})

describe('isSafeHref', () => {
  it.each([
    'http://a.example',
    'https://a.example/x?y#z',
    'mailto:a@b.example',
    'HTTPS://A.EXAMPLE',
  ])('accepts %s', (href) => expect(isSafeHref(href)).toBe(true))
})
