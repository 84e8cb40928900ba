// The server already renders comment text to sanitized HTML. The widget still never hands that
// string to innerHTML: it parses it into an inert document (DOMParser runs no script and loads
// nothing) and builds fresh nodes from an allowlist, so a server bug or a compromised response
// cannot put foreign elements or attributes into the page.

const ALLOWED = new Set(['p', 'br', 'em', 'strong', 'blockquote', 'code', 'a'])
const SCHEMES = ['http:', 'https:', 'mailto:']

/** The URL if it is absolute and http, https or mailto; otherwise null. */
export function safeHref(href: string | null): string | null {
  try {
    const url = new URL(href ?? '')
    return SCHEMES.includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/**
 * Rebuilds `html` as a fragment holding only p, br, em, strong, blockquote, code, and links to
 * http(s) or mailto URLs (with rel="nofollow ugc noopener" and target="_blank"). Any other element
 * is replaced by its content, and no other attribute is copied.
 */
export function safeHtml(html: string): DocumentFragment {
  const out = document.createDocumentFragment()
  copy(new DOMParser().parseFromString(html, 'text/html').body, out)
  return out
}

function copy(from: Node, to: ParentNode): void {
  for (const node of from.childNodes) {
    if (node instanceof Text) {
      to.append(node.data)
      continue
    }
    if (!(node instanceof Element)) continue // comments, processing instructions
    const tag = node.localName
    const href = tag === 'a' && safeHref(node.getAttribute('href'))
    // Only HTML elements: an SVG or MathML <a> is not a link here.
    if (!(node instanceof HTMLElement) || !ALLOWED.has(tag) || href === null) {
      copy(node, to)
      continue
    }
    const el = document.createElement(tag)
    if (href) Object.assign(el, { href, rel: 'nofollow ugc noopener', target: '_blank' })
    copy(node, el)
    to.append(el)
  }
}
