import { afterEach, describe, expect, it, vi } from 'vitest'
import { safeHref, safeHtml } from './safe-html.ts'

const ALLOWED = new Set(['P', 'BR', 'EM', 'STRONG', 'BLOCKQUOTE', 'CODE', 'A'])
const REL = 'nofollow ugc noopener'

/** The rebuilt markup, as a string, for exact comparisons. */
function render(html: string): string {
  const div = document.createElement('div')
  div.append(safeHtml(html))
  return div.innerHTML
}

/** Everything in the rebuilt tree that the allowlist does not allow. */
function foreign(root: ParentNode): string[] {
  const problems: string[] = []
  for (const el of root.querySelectorAll('*')) {
    if (!ALLOWED.has(el.tagName)) problems.push(`<${el.localName}>`)
    for (const { name, value } of el.attributes) {
      const ok =
        el.localName === 'a' &&
        ((name === 'href' && /^(https?|mailto):/.test(value)) ||
          (name === 'rel' && value === REL) ||
          (name === 'target' && value === '_blank'))
      if (!ok) problems.push(`${el.localName}[${name}="${value}"]`)
    }
  }
  return problems
}

// Each payload calls __hit(n) if it ever runs, directly or through an inline handler, a URL, a
// style or a nested document.
const call = (n: number) => `__hit(${n})`
const HOSTILE: string[] = [
  `<script>${call(1)}</script>`,
  `<p>ok<script>${call(2)}</script></p>`,
  `<img src=x onerror="${call(3)}">`,
  `<p><img src="data:," onload="${call(4)}"></p>`,
  `<svg onload="${call(5)}"><a href="javascript:${call(5)}"><text>svg link</text></a></svg>`,
  `<svg><script>${call(6)}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${call(7)}">`,
  `<a href="javascript:${call(8)}">js link</a>`,
  `<a href="JaVaScRiPt:${call(9)}">mixed case</a>`,
  `<a href="jav&#x09;ascript:${call(10)}">tab entity</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${call(11)}">entities</a>`,
  `<a href=" javascript:${call(12)}">leading space</a>`,
  `<a href="data:text/html,<script>${call(13)}</script>">data url</a>`,
  `<a href="vbscript:msgbox(1)">vbscript</a>`,
  `<a href="/relative" onclick="${call(14)}">relative</a>`,
  `<a href="https://example.org/" onmouseover="${call(15)}" style="color:red" id="x" class="y">ok</a>`,
  `<p style="background:url(javascript:${call(16)})">styled</p>`,
  `<style>@import "https://evil.example/x.css"; p { color: red }</style><p>after style</p>`,
  `<iframe src="javascript:${call(17)}"></iframe><iframe srcdoc="<script>parent.${call(17)}</script>"></iframe>`,
  `<object data="javascript:${call(18)}"></object><embed src="javascript:${call(18)}">`,
  `<form action="javascript:${call(19)}"><button>go</button></form>`,
  `<details open ontoggle="${call(20)}"><summary>x</summary></details>`,
  `<video><source onerror="${call(21)}"></video><audio src=x onerror="${call(21)}"></audio>`,
  `<body onload="${call(22)}"><p>body</p></body>`,
  `<input autofocus onfocus="${call(23)}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${call(24)}">`,
  `<base href="javascript:${call(25)}//"><a href="/x">base</a>`,
  `<template><img src=x onerror="${call(26)}"></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${call(27)}>"></noscript>`,
  `<!--<img src=x onerror=${call(28)}>-->`,
  `<![CDATA[<img src=x onerror=${call(29)}>]]>`,
  `&lt;img src=x onerror=${call(30)}&gt;`,
  `<p>&lt;script&gt;${call(31)}&lt;/script&gt;</p>`,
  `<scr<script>ipt>${call(32)}</scr</script>ipt>`,
  `<p><em onmouseover="${call(33)}">em</em><strong style="x" class="y">strong</strong></p>`,
  `<blockquote cite="javascript:${call(34)}"><p>quote</p></blockquote>`,
  `<code><img src=x onerror=${call(35)}></code>`,
  `<a href="https://ok.example/" target="_self" rel="opener">rel</a>`,
  `<div popover id=p onbeforetoggle="${call(36)}"></div>`,
  `<svg><animate onbegin="${call(37)}" attributeName="x" dur="1s"></animate></svg>`,
  `<p id="__proto__" name="cookie">clobber</p><form name="getElementById"></form>`,
  `<a href="http://a.example/" <img src=x onerror=${call(38)}>broken</a>`,
  `<img src="x` + '`' + `onerror=${call(39)}` + '`' + `>`,
  `<p>unterminated <em>emphasis <strong>and <a href="https://x.example/">link`,
  `<x-custom onclick="${call(40)}"><p>custom</p></x-custom>`,
  `<link rel=stylesheet href="https://evil.example/x.css"><p>link tag</p>`,
  `<a href="mailto:someone@example.org" download>mail</a>`,
]

describe('safeHtml', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('keeps the allowed markup of a rendered comment', () => {
    const html =
      '<p>Hello <em>there</em>, <strong>friend</strong>.<br>See <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">example.org</a>.</p>' +
      '<blockquote><p>A quote with <code>x &lt; y</code></p></blockquote><p><a href="mailto:a@b.example">mail</a></p>'
    expect(render(html)).toBe(
      '<p>Hello <em>there</em>, <strong>friend</strong>.<br>See <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener" target="_blank">example.org</a>.</p>' +
        '<blockquote><p>A quote with <code>x &lt; y</code></p></blockquote><p><a href="mailto:a@b.example" rel="nofollow ugc noopener" target="_blank">mail</a></p>'
    )
  })

  it('turns every other element into its text, and copies no attribute', () => {
    expect(render('<div class="x"><p id="p" onclick="x()">a <b>b</b> <i>c</i></p></div>')).toBe(
      '<p>a b c</p>'
    )
    // Before any content, the parser puts these into <head>, which is never copied.
    expect(render('<script>alert(1)</script><style>p{}</style>')).toBe('')
    expect(render('<p>x</p><script>alert(1)</script>')).toBe('<p>x</p>alert(1)')
    expect(render('<a href="javascript:alert(1)">click</a>')).toBe('click')
    expect(render('<a href="/relative">rel</a><a>none</a>')).toBe('relnone')
    expect(render('<svg><a href="https://x.example/">svg</a></svg>')).toBe('svg')
  })

  it('keeps entities as text and never parses text twice', () => {
    const out = render('<p>&lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt;</p>')
    expect(out).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt;</p>')
  })

  it(`runs none of ${HOSTILE.length} hostile inputs and leaves no foreign element or attribute`, async () => {
    const hit = vi.fn()
    vi.stubGlobal('__hit', hit)
    vi.stubGlobal('alert', hit)
    const host = document.createElement('div')
    document.body.append(host)
    for (const html of HOSTILE) {
      const div = document.createElement('div')
      div.append(safeHtml(html))
      host.append(div)
      expect(foreign(div), html).toEqual([])
    }
    // Give loads, errors, animations, autofocus and toggles a chance to fire.
    for (const el of host.querySelectorAll('a')) el.dispatchEvent(new MouseEvent('mouseover'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(hit).not.toHaveBeenCalled()
    expect(
      host.querySelector('script, img, svg, iframe, style, object, embed, form, input')
    ).toBeNull()
  })

  it('accepts only absolute http, https and mailto links', () => {
    expect(safeHref('https://example.org/x')).toBe('https://example.org/x')
    expect(safeHref('HTTP://EXAMPLE.ORG')).toBe('http://example.org/')
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example')
    for (const bad of [
      null,
      '',
      '/path',
      '//evil.example',
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ])
      expect(safeHref(bad), String(bad)).toBeNull()
  })
})
