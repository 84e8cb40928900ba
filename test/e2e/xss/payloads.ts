// The XSS corpus of tests/xss.spec.ts: reader texts that try to run script or smuggle markup
// through post → store → render. Each payload that manages to execute calls `__xss(<id>)` (the
// spec defines it in every frame and also records alert/confirm/prompt), so a hit names the
// payload that got through.
//
// Sources of inspiration: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet,
// the mutation-XSS papers (Heiderich et al.) and DOMPurify's bypass history, plus attacks on
// markdown renderers (link destinations, titles, autolinks, reference definitions, code spans).

export interface Payload {
  id: number
  category: Category
  text: string
}

export type Category =
  | 'script'
  | 'event-handler'
  | 'url-scheme'
  | 'svg-mathml'
  | 'css'
  | 'encoding'
  | 'broken-markup'
  | 'comment-cdata'
  | 'mutation'
  | 'markdown'
  | 'attribute-breakout'

type Make = (call: string, id: number) => string

/** "javascript:" with every character as a decimal entity, then the call. */
const decimalEntities = (s: string) => [...s].map((ch) => `&#${ch.codePointAt(0)};`).join('')
const hexEntities = (s: string) =>
  [...s].map((ch) => `&#x${ch.codePointAt(0)!.toString(16)};`).join('')
/** Zero-padded decimal entities without semicolons (old IE/Opera trick, still parsed by HTML5). */
const paddedEntities = (s: string) =>
  [...s].map((ch) => `&#${String(ch.codePointAt(0)).padStart(7, '0')}`).join('')
const fromCharCode = (s: string) => `String.fromCharCode(${[...s].map((c) => c.charCodeAt(0))})`
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

const TEMPLATES: [Category, Make][] = [
  // ---- script tags: plain, uppercase, split, nested ----
  ['script', (c) => `<script>${c}</script>`],
  ['script', (c) => `<SCRIPT>${c}</SCRIPT>`],
  ['script', (c) => `<ScRiPt>${c}</sCrIpT>`],
  ['script', (c) => `<scr<script>ipt>${c}</scr</script>ipt>`],
  ['script', (c) => `<<script>script>${c}<</script>/script>`],
  ['script', (c) => `<script>/*</script><script>*/${c}</script>`],
  ['script', (c) => `<script src="data:text/javascript,${c}"></script>`],
  ['script', (c) => `<script type="module">${c}</script>`],
  ['script', (c) => `<script/xss>${c}</script>`],
  ['script', (c) => `<script\n>${c}</script\n>`],
  ['script', (c) => `<script>${c}`],
  ['script', (c) => `</p><script>${c}</script><p>`],
  ['script', (c) => `<script>eval(atob('${base64(c)}'))</script>`],
  ['script', (c) => `<script>setTimeout('${c}')</script>`],
  ['script', (c) => `<div><script>${c}</script></div>`],
  ['script', (c) => `Hello <b>world</b><script>${c}</script> bye`],
  // ---- event handlers on img, svg, body, details, video, audio, iframe, input, marquee, … ----
  ['event-handler', (c) => `<img src=x onerror=${c}>`],
  ['event-handler', (c) => `<IMG SRC=x ONERROR="${c}">`],
  ['event-handler', (c) => `<img/src/onerror=${c}>`],
  ['event-handler', (c) => `<img src="x" onerror="window['__x'+'ss'](${c.slice(6, -1)})">`],
  ['event-handler', (c) => `<img srcset=",,,,,x" onerror=${c}>`],
  ['event-handler', (c) => `<image src=x onerror=${c}>`],
  ['event-handler', (c) => `<svg onload=${c}>`],
  ['event-handler', (c) => `<svg/onload=${c}//`],
  ['event-handler', (c) => `<body onload=${c}>`],
  ['event-handler', (c) => `<body onpageshow=${c}>`],
  ['event-handler', (c) => `<details open ontoggle=${c}>`],
  ['event-handler', (c) => `<details/open/ontoggle="${c}"><summary>x</summary></details>`],
  ['event-handler', (c) => `<video><source onerror="${c}"></video>`],
  ['event-handler', (c) => `<video src=x onerror=${c}></video>`],
  ['event-handler', (c) => `<audio src=x onerror=${c}>`],
  ['event-handler', (c) => `<iframe onload=${c}></iframe>`],
  ['event-handler', (c) => `<iframe srcdoc="<script>${c}</script>"></iframe>`],
  ['event-handler', (c) => `<input autofocus onfocus=${c}>`],
  ['event-handler', (c) => `<input type=image src=x onerror=${c}>`],
  ['event-handler', (c) => `<marquee onstart=${c}>scrolling</marquee>`],
  ['event-handler', (c) => `<select autofocus onfocus=${c}></select>`],
  ['event-handler', (c) => `<textarea autofocus onfocus=${c}></textarea>`],
  ['event-handler', (c) => `<x contenteditable autofocus onfocus=${c}>edit me</x>`],
  ['event-handler', (c) => `<div tabindex=0 autofocus onfocusin=${c}>x</div>`],
  ['event-handler', (c) => `<a onmouseover=${c} href="https://example.com/">hover</a>`],
  ['event-handler', (c) => `<p onpointerenter="${c}">point at me</p>`],
  ['event-handler', (c) => `<object data="javascript:${c}"></object>`],
  ['event-handler', (c) => `<embed src="javascript:${c}">`],
  ['event-handler', (c) => `<style onload=${c}></style>`],
  ['event-handler', (c) => `<link rel=stylesheet href=x onerror=${c}>`],
  ['event-handler', (c) => `<form><button formaction="javascript:${c}">go</button></form>`],
  ['event-handler', (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`],
  ['event-handler', (c) => `<base href="javascript:${c}//"><a href="x">x</a>`],
  ['event-handler', (c) => `<img src=x:alert(1) onerror=eval(src.slice(0,0)+'${c}')>`],
  ['event-handler', (c) => `<div style="animation:spin 1s" onanimationstart=${c}>x</div>`],
  // ---- javascript:, vbscript:, data: URLs in markdown links, autolinks and raw anchors ----
  ['url-scheme', (c) => `[click me](javascript:${c})`],
  ['url-scheme', (c) => `[click me](JaVaScRiPt:${c})`],
  ['url-scheme', (c) => `[click me](<javascript:${c}>)`],
  ['url-scheme', (c) => `[click me](javascript:${c} "a title")`],
  ['url-scheme', (c) => `<javascript:${c}>`],
  ['url-scheme', (c) => `<a href="javascript:${c}">raw anchor</a>`],
  ['url-scheme', (c) => `<a href=" javascript:${c}">leading space</a>`],
  ['url-scheme', (c) => `<a href="java\tscript:${c}">tab inside</a>`],
  ['url-scheme', (c) => `[vb](vbscript:${c})`],
  ['url-scheme', (c) => `<a href="vbscript:${c}">vb anchor</a>`],
  ['url-scheme', (c) => `[data](data:text/html;base64,${base64(`<script>${c}</script>`)})`],
  ['url-scheme', (c) => `<a href="data:text/html,<script>${c}</script>">data anchor</a>`],
  ['url-scheme', (c) => `<data:text/html,<script>${c}</script>>`],
  ['url-scheme', (c) => `![image](javascript:${c})`],
  ['url-scheme', (c) => `[ref link][evil]\n\n[evil]: javascript:${c}`],
  ['url-scheme', (c) => `[x](javascript&#58;${c})`],
  ['url-scheme', (c) => `[x](javascript&colon;${c})`],
  ['url-scheme', (c) => `<iframe src="javascript:${c}"></iframe>`],
  ['url-scheme', (c) => `<a href="jav&#x0A;ascript:${c}">newline entity</a>`],
  // ---- SVG and MathML ----
  ['svg-mathml', (c) => `<svg><script>${c}</script></svg>`],
  ['svg-mathml', (c) => `<svg><script href="data:text/javascript,${c}"></script></svg>`],
  ['svg-mathml', (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s>`],
  [
    'svg-mathml',
    (c) => `<svg><a xlink:href="javascript:${c}"><text x="20" y="20">click</text></a></svg>`,
  ],
  ['svg-mathml', (c) => `<svg><set attributeName="onmouseover" to="${c}"/></svg>`],
  [
    'svg-mathml',
    (c) =>
      `<svg><a><animate attributeName="href" values="javascript:${c}"/><text x="20" y="20">click</text></a></svg>`,
  ],
  ['svg-mathml', (c) => `<svg><foreignObject><img src=x onerror=${c}></foreignObject></svg>`],
  ['svg-mathml', (c) => `<svg><image href="x" onerror="${c}"/></svg>`],
  [
    'svg-mathml',
    (c) =>
      `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${c}'/></svg>#x"/></svg>`,
  ],
  ['svg-mathml', (c) => `<svg><desc><img src=x onerror=${c}></desc></svg>`],
  ['svg-mathml', (c) => `<math><mtext><img src=x onerror=${c}></mtext></math>`],
  ['svg-mathml', (c) => `<math href="javascript:${c}">click the formula</math>`],
  [
    'svg-mathml',
    (c) => `<math><maction actiontype="statusline" xlink:href="javascript:${c}">x</maction></math>`,
  ],
  ['svg-mathml', (c) => `<math><annotation-xml encoding="text/html"><img src=x onerror=${c}>`],
  // ---- CSS ----
  ['css', (c) => `<style>@import 'javascript:${c}';</style>`],
  ['css', (c) => `<style>body{background:url("javascript:${c}")}</style>`],
  ['css', (c) => `<div style="background-image:url(javascript:${c})">bg</div>`],
  ['css', (c) => `<div style="width:expression(${c})">expr</div>`],
  ['css', (c) => `<p style="x:expr/**/ession(${c})">split expression</p>`],
  ['css', (c) => `<style>*{x:expression(${c})}</style>`],
  ['css', (c) => `<link rel="stylesheet" href="javascript:${c}">`],
  ['css', (c) => `<style>li{list-style-image:url("javascript:${c}")}</style><ul><li>x</li></ul>`],
  [
    'css',
    (c) =>
      `<style>@keyframes parleyx{from{color:red}}</style><p style="animation-name:parleyx" onanimationstart="${c}">x</p>`,
  ],
  ['css', (c) => `<p style="behavior:url(#default#time2)" onbegin="${c}">behavior</p>`],
  [
    'css',
    (c) => `<style>@import url(data:text/css;base64,${base64(`*{x:expression(${c})}`)});</style>`,
  ],
  [
    'css',
    (c) => `<span style="position:fixed;inset:0;z-index:99999" onmouseover="${c}">overlay</span>`,
  ],
  // ---- entity and encoding tricks ----
  ['encoding', (c) => `<a href="&#x6A;avascript:${c}">hex j</a>`],
  ['encoding', (c) => `[hex j](&#x6A;avascript:${c})`],
  ['encoding', (c) => `<a href="${decimalEntities(`javascript:${c}`)}">all decimal</a>`],
  ['encoding', (c) => `<a href="${hexEntities(`javascript:${c}`)}">all hex</a>`],
  ['encoding', (c) => `<a href="${paddedEntities(`javascript:${c}`)}">padded, no semicolons</a>`],
  ['encoding', (c) => `[decimal](${decimalEntities('javascript:')}${c})`],
  ['encoding', (c) => `<a href="java&Tab;script:${c}">named tab</a>`],
  ['encoding', (c) => `<a href="java&NewLine;script&colon;${c}">named newline</a>`],
  ['encoding', (c) => `<img src=x onerror="&#95;&#95;xss(${c.slice(6, -1)})">`],
  ['encoding', (c) => `<img src=x onerror=eval(${fromCharCode(c)})>`],
  ['encoding', (c) => `&lt;script&gt;${c}&lt;/script&gt;`],
  ['encoding', (c) => `&amp;lt;script&amp;gt;${c}&amp;lt;/script&amp;gt;`],
  ['encoding', (c) => `%3Cscript%3E${c}%3C%2Fscript%3E`],
  ['encoding', (c) => `%253Cscript%253E${c}%253C%252Fscript%253E`],
  ['encoding', (c) => `+ADw-script+AD4-${c}+ADw-/script+AD4-`],
  ['encoding', (c) => `\u003Cscript\u003E${c}\u003C/script\u003E \\u003Cscript\\u003E`],
  ['encoding', (c) => `<scr\u0000ipt>${c}</scr\u0000ipt>`],
  ['encoding', (c) => `<a href="java\u0000script:${c}">null byte</a>`],
  ['encoding', (c) => `<img src=x o\u0000nerror=${c}>`],
  ['encoding', (c) => `<a href="javascript:${c}">\u202Etxt.exe</a> \u202Ereversed`],
  ['encoding', (c) => `<img src=x \u200Bonerror=${c}> zero width`],
  ['encoding', (c) => `＜script＞${c}＜/script＞ fullwidth`],
  ['encoding', (c) => `<img src=x onerror=${c.replace('(', '&#40;').replace(')', '&#41;')}>`],
  ['encoding', (c) => `<a href="javas\u00ADcript:${c}">soft hyphen</a>`],
  // ---- broken and unclosed markup ----
  ['broken-markup', (c) => `<img src=x onerror=${c}`],
  ['broken-markup', (c) => `<img src="x" onerror="${c}"`],
  ['broken-markup', (c) => `<<img src=x onerror=${c}>>`],
  ['broken-markup', (c) => `<img """><script>${c}</script>">`],
  ['broken-markup', (c) => `<img src=\`x\`onerror=${c}>`],
  ['broken-markup', (c) => `<div<img src=x onerror=${c}>`],
  ['broken-markup', (c) => `<img\tsrc=x\tonerror=${c}>`],
  ['broken-markup', (c) => `<img\nsrc=x\nonerror=${c}>`],
  ['broken-markup', (c) => `<img src=x onerror\f=${c}>`],
  ['broken-markup', (c) => `<a href="javascript:${c}">unclosed anchor`],
  ['broken-markup', (c) => `<p><i><b><img src=x onerror=${c}></p></i>`],
  ['broken-markup', (c) => `</div></section></article><img src=x onerror=${c}>`],
  ['broken-markup', (c) => `<table><tr><td><img src=x onerror=${c}></td></table>`],
  // ---- comment and CDATA tricks ----
  ['comment-cdata', (c) => `<!--<img src="--><img src=x onerror=${c}//">`],
  ['comment-cdata', (c) => `<!-- --!><img src=x onerror=${c}> -->`],
  ['comment-cdata', (c) => `<![CDATA[><img src=x onerror=${c}>]]>`],
  ['comment-cdata', (c) => `<svg><![CDATA[><image xlink:href="]]><img src=x onerror=${c}>"></svg>`],
  ['comment-cdata', (c) => `<? foo="><script>${c}</script>">`],
  ['comment-cdata', (c) => `<!DOCTYPE x[<!ENTITY x "<img src=x onerror=${c}>">]>&x;`],
  ['comment-cdata', (c) => `--><img src=x onerror=${c}>`],
  ['comment-cdata', (c) => `]]><img src=x onerror=${c}>`],
  // ---- template, noscript, xmp, plaintext and other mutation-XSS payloads ----
  ['mutation', (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`],
  ['mutation', (c) => `<xmp><p title="</xmp><img src=x onerror=${c}>">`],
  ['mutation', (c) => `<template><img src=x onerror=${c}></template>`],
  ['mutation', (c) => `<template shadowrootmode="open"><img src=x onerror=${c}></template>`],
  ['mutation', (c) => `<plaintext><img src=x onerror=${c}>`],
  ['mutation', (c) => `<noembed><img title="</noembed><img src=x onerror=${c}>"></noembed>`],
  ['mutation', (c) => `<noframes><p title="</noframes><img src=x onerror=${c}>">`],
  ['mutation', (c) => `<iframe><p title="</iframe><img src=x onerror=${c}>"></iframe>`],
  ['mutation', (c) => `<textarea><p title="</textarea><img src=x onerror=${c}>">`],
  ['mutation', (c) => `<title><p title="</title><img src=x onerror=${c}>">`],
  ['mutation', (c) => `<style><p title="</style><img src=x onerror=${c}>">`],
  ['mutation', (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`],
  ['mutation', (c) => `<svg></p><style><a id="</style><img src=1 onerror=${c}>">`],
  [
    'mutation',
    (c) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${c}>`,
  ],
  [
    'mutation',
    (c) =>
      `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${c} src=1>">`,
  ],
  ['mutation', (c) => `<svg><style><img src=x onerror=${c}></style></svg>`],
  [
    'mutation',
    (c) => `<select><template><style><img src=x onerror=${c}></style></template></select>`,
  ],
  ['mutation', (c) => `<a id="x"><noscript><a id="</noscript><img src=x onerror=${c}>">`],
  // ---- markdown-specific attacks ----
  ['markdown', (c) => `[a "quoted" link](https://example.com/ "t\\" onmouseover=\\"${c}")`],
  ['markdown', (c) => `[x](https://example.com/" onmouseover="${c})`],
  ['markdown', (c) => `[x](https://example.com/"onmouseover="${c}")`],
  ['markdown', (c) => `[x](https://example.com 'x" onclick="${c}')`],
  ['markdown', (c) => `["><img src=x onerror=${c}>](https://example.com/)`],
  ['markdown', (c) => `![x" onerror="${c}](https://example.com/a.png)`],
  ['markdown', (c) => `\`<img src=x onerror=${c}>\``],
  ['markdown', (c) => `\`\`<script>${c}</script>\`\``],
  ['markdown', (c) => `\`\`\`\n<script>${c}</script>\n\`\`\``],
  ['markdown', (c) => `    <img src=x onerror=${c}> (indented code)`],
  ['markdown', (c) => `> <img src=x onerror=${c}>`],
  ['markdown', (c) => `> a quote\n> <script>${c}</script>\n\nafter`],
  ['markdown', (c) => `> > > deeply\n> > > <svg onload=${c}>`],
  ['markdown', (c) => `**<img src=x onerror=${c}>**`],
  ['markdown', (c) => `_<svg onload=${c}>_ and *<a href="javascript:${c}">x</a>*`],
  ['markdown', (c) => `https://example.com/?q="><script>${c}</script>`],
  ['markdown', (c) => `www.example.com/<img src=x onerror=${c}>`],
  ['markdown', (c) => `mailto:someone@example.com?subject="><img src=x onerror=${c}>`],
  ['markdown', (c) => `<https://example.com/"><img src=x onerror=${c}>>`],
  ['markdown', (c) => `# <img src=x onerror=${c}>\n\n* <svg onload=${c}>`],
  ['markdown', (c) => `| a |\n|---|\n| <img src=x onerror=${c}> |`],
  ['markdown', (c) => `[link](https://example.com/)<img src=x onerror=${c}>`],
  ['markdown', (c) => `[*emph <img src=x onerror=${c}>*](https://example.com/)`],
  ['markdown', (c) => `Line one  \n<img src=x onerror=${c}>\nline three`],
  ['markdown', (c) => `[x]: https://example.com/ "title" onclick="${c}"\n\n[x]`],
  // ---- attribute breakouts (for renderers that put text into attributes) ----
  ['attribute-breakout', (c) => `" onmouseover="${c}`],
  ['attribute-breakout', (c) => `' onfocus='${c}' autofocus='`],
  ['attribute-breakout', (c) => `"><img src=x onerror=${c}>`],
  ['attribute-breakout', (c) => `'><svg onload=${c}>`],
  ['attribute-breakout', (c) => `\`><img src=x onerror=${c}>`],
  ['attribute-breakout', (c) => `" autofocus onfocus="${c}`],
  ['attribute-breakout', (c) => `</textarea><img src=x onerror=${c}>`],
  ['attribute-breakout', (c) => `</title><script>${c}</script>`],
  ['attribute-breakout', (c) => `</style><img src=x onerror=${c}>`],
  ['attribute-breakout', (c) => `${'"'.repeat(3)} lang="x" onmouseover=${c} x="`],
  [
    'attribute-breakout',
    (c) => `https://example.com/"onmouseover="${c}"style="position:fixed;inset:0`,
  ],
  [
    'attribute-breakout',
    (c) =>
      `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${c}//'>`,
  ],
]

/** Near the text limit: the attack sits after 4,900 characters of harmless text. */
const LONG: Make = (c) => `${'Lorem ipsum dolor sit amet. '.repeat(175)}<img src=x onerror=${c}>`

export const TEXT_MAX = 5000

export const PAYLOADS: Payload[] = [
  ...TEMPLATES.map(([category, make], i) => ({
    id: i + 1,
    category,
    text: make(`__xss(${i + 1})`, i + 1),
  })),
  {
    id: TEMPLATES.length + 1,
    category: 'broken-markup' as const,
    text: LONG(`__xss(${TEMPLATES.length + 1})`, TEMPLATES.length + 1),
  },
]

/**
 * Short payloads used as display names (1–50 characters): the name is text in a heading, but a
 * renderer could still get it wrong. Their comments carry a plain text.
 */
export const NAME_PAYLOADS: Payload[] = [
  (c: string) => `<img src=x onerror=${c}>`,
  (c: string) => `<svg onload=${c}>`,
  (c: string) => `"><script>${c}</script>`,
  (c: string) => `' onmouseover='${c}`,
  (c: string) => `**<b>bold</b>** <i>${c}</i>`,
].map((make, i) => {
  const id = 1000 + i + 1
  return { id, category: 'attribute-breakout' as const, text: make(`__xss(${id})`) }
})

// The corpus must stay usable: distinct payloads, each within the API's text limit.
for (const list of [PAYLOADS, NAME_PAYLOADS]) {
  const seen = new Set<string>()
  for (const p of list) {
    if (seen.has(p.text)) throw new Error(`duplicate XSS payload #${p.id}`)
    seen.add(p.text)
    if ([...p.text].length > TEXT_MAX) throw new Error(`XSS payload #${p.id} is over ${TEXT_MAX}`)
  }
}
for (const p of NAME_PAYLOADS) {
  if ([...p.text].length > 50) throw new Error(`name payload #${p.id} is over 50 characters`)
}
