/** Readers' links get no search-engine credit and no handle on the page that opened them. */
export const LINK_REL = 'nofollow ugc noopener'
export const LINK_TARGET = '_blank'

// A scheme we allow, then no white space or control character anywhere (they hide schemes).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s\u0000-\u001F\u007F]+$/i

export const isSafeHref = (href: string): boolean => SAFE_HREF.test(href)

const ELEMENTS = new Set(['p', 'br', 'em', 'strong', 'blockquote', 'code', 'a'])
const VOID_ELEMENTS = new Set(['br'])

// A start or end tag as markdown-it writes one: lower-case name, double-quoted attributes.
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>/y
const ATTRIBUTE = /\s+([a-z-]+)="([^"]*)"/g
// The only entities markdown-it's escaping writes; any other "&" is escaped again.
const ENTITY = /&(?:amp|lt|gt|quot);/y
const PLAIN_TEXT = /[^<>&"]+/y
const DECODED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' }
const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ESCAPED[ch]!)
const decodeEntities = (text: string) => text.replace(/&(?:amp|lt|gt|quot);/g, (e) => DECODED[e]!)

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at
  return pattern.exec(text)
}

/** The rebuilt tag if it is on the allowlist and fits the open elements, else null. */
function allowedTag(match: RegExpExecArray, open: string[]): string | null {
  const [, slash, name = '', attributeText = ''] = match
  if (!ELEMENTS.has(name)) return null
  const attributes = new Map([...attributeText.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]))
  if (slash) {
    if (attributes.size > 0 || open.at(-1) !== name) return null
    open.pop()
    return `</${name}>`
  }
  if (name !== 'a') {
    if (attributes.size > 0) return null
    if (!VOID_ELEMENTS.has(name)) open.push(name)
    return `<${name}>`
  }
  const href = decodeEntities(attributes.get('href') ?? '')
  const known = [...attributes.keys()].every((key) => ['href', 'rel', 'target'].includes(key))
  if (!known || !isSafeHref(href)) return null
  open.push('a')
  return `<a href="${escapeHtml(href)}" rel="${LINK_REL}" target="${LINK_TARGET}">`
}

/**
 * Rebuilds HTML from an allowlist: p, br, em, strong, blockquote, code and a[href, rel, target]
 * (http, https or mailto; rel and target are always ours). Anything else, including a tag that
 * does not close what is open, is escaped so it shows as text; unclosed elements are closed.
 */
export function enforceAllowlist(html: string): string {
  let out = ''
  const open: string[] = []
  let at = 0
  while (at < html.length) {
    const text = stickyMatch(PLAIN_TEXT, html, at)
    if (text) {
      out += text[0]
      at += text[0].length
      continue
    }
    const ch = html[at]!
    const tag = ch === '<' ? stickyMatch(TAG, html, at) : null
    const rebuilt = tag && allowedTag(tag, open)
    if (tag && rebuilt !== null) {
      out += rebuilt
      at += tag[0].length
      continue
    }
    const entity = ch === '&' ? stickyMatch(ENTITY, html, at) : null
    out += entity ? entity[0] : ESCAPED[ch]!
    at += entity ? entity[0].length : 1
  }
  while (open.length > 0) out += `</${open.pop()}>`
  return out
}
