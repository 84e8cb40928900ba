import { describe, expect, it } from 'vitest'
import { renderMarkdownLite } from './render.ts'

// An independent reading of the output: every tag must be one of these exact spellings, and the
// text between tags must hold no markup characters or entities other than the four escapes.
const ALLOWED_TAG =
  /^<(?:\/?(?:p|em|strong|blockquote|code|a)|br|a href="(?:https?:\/\/|mailto:)[^"\s]+" rel="nofollow ugc noopener" target="_blank")>$/

function expectOnlyAllowedMarkup(html: string): void {
  for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag, html).toMatch(ALLOWED_TAG)
  const text = html.replace(/<[^>]*>/g, '')
  expect(text, html).not.toMatch(/[<>"]/)
  expect(text.replace(/&(?:amp|lt|gt|quot);/g, ''), html).not.toContain('&')
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
    expect(href!.replace(/&amp;/g, '&'), html).toMatch(/^(?:https?:\/\/|mailto:)/i)
  }
}

const NASTY = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="http://ok.example" onclick="alert(1)">click</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>body{display:none}</style>',
  '<p onmouseover="alert(1)">hover</p>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click](http://ok.example "onclick=alert(1)")',
  '![x](javascript:alert(1))',
  '![x](http://img.example/x.png)',
  '<javascript:alert(1)>',
  '<http://ok.example/onerror=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'http://x.example/"onmouseover="alert(1)',
  'http://x.example/<script>alert(1)</script>',
  "https://x.example/?q='><img src=x onerror=alert(1)>",
  'mailto:someone@x.example?subject=<script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&#x6A;avascript:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '"><script>alert(1)</script>',
  "'><svg/onload=alert(1)>",
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '`<script>alert(1)</script>`',
  '**<img src=x onerror=alert(1)>**',
  '*<a href="javascript:alert(1)">x</a>*',
  '> <script>alert(1)</script>\n> > <img src=x onerror=alert(1)>',
  '>'.repeat(200) + ' deep',
  '<p <p>',
  '<a href="http://unterminated',
  '</p></blockquote></a>',
  '<em><strong>crossed</em></strong>',
  '*unclosed **strong `code',
  '\u0000<script>alert(1)</script>',
  '<x onclick=alert(1)>custom</x>',
]

describe('renderMarkdownLite', () => {
  it.each(NASTY)('lets nothing but the allowlist through: %s', (input) => {
    expectOnlyAllowedMarkup(renderMarkdownLite(input))
  })

  it('renders the markup it allows', () => {
    expect(renderMarkdownLite('Hi *there*, **really** `a < b`\nnext line\n\nnew paragraph')).toBe(
      '<p>Hi <em>there</em>, <strong>really</strong> <code>a &lt; b</code><br>\nnext line</p>\n<p>new paragraph</p>'
    )
    expect(renderMarkdownLite('> quoted\n> > nested\n\nreply')).toBe(
      '<blockquote>\n<p>quoted</p>\n<blockquote>\n<p>nested</p>\n</blockquote>\n</blockquote>\n<p>reply</p>'
    )
  })

  it('links bare http(s) URLs and e-mail addresses with rel="nofollow ugc noopener"', () => {
    expect(renderMarkdownLite('See https://example.com/a?b=1&c=2 or write to a@example.com')).toBe(
      '<p>See <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener" target="_blank">https://example.com/a?b=1&amp;c=2</a> or write to <a href="mailto:a@example.com" rel="nofollow ugc noopener" target="_blank">a@example.com</a></p>'
    )
  })

  it('leaves other schemes and protocol-relative URLs as text', () => {
    expect(renderMarkdownLite('ftp://files.example //cdn.example www.example.com')).toBe(
      '<p>ftp://files.example //cdn.example www.example.com</p>'
    )
  })

  it('does not hide a URL behind link text: [text](url) stays text, the URL itself is linked', () => {
    expect(renderMarkdownLite('[harmless](https://x.example)')).toBe(
      '<p>[harmless](<a href="https://x.example" rel="nofollow ugc noopener" target="_blank">https://x.example</a>)</p>'
    )
  })

  it.each([
    ['headings', '# Title', '<p># Title</p>'],
    ['lists', '- one\n1. two', '<p>- one<br>\n1. two</p>'],
    ['rules', '---', '<p>---</p>'],
    ['indented code', '    code', '<p>code</p>'],
    ['tables', '| a |\n|---|', '<p>| a |<br>\n|---|</p>'],
    ['strikethrough', '~~gone~~', '<p>~~gone~~</p>'],
    ['entities', '&amp; &copy; &#65;', '<p>&amp;amp; &amp;copy; &amp;#65;</p>'],
    ['typographer replacements', '"quotes" -- (c)', '<p>&quot;quotes&quot; -- (c)</p>'],
    ['raw HTML', '<b>bold</b>', '<p>&lt;b&gt;bold&lt;/b&gt;</p>'],
  ])('does not render %s', (_, input, html) => {
    expect(renderMarkdownLite(input)).toBe(html)
  })

  it('keeps escaped markdown characters as text', () => {
    expect(renderMarkdownLite('\\*not em\\*')).toBe('<p>*not em*</p>')
  })
})
