import MarkdownIt from 'markdown-it'
import { enforceAllowlist, isSafeHref, LINK_REL, LINK_TARGET } from './html-allowlist.ts'

// Markdown-lite: paragraphs, line breaks, *emphasis*, **strong**, > quotes, `code` and bare
// http(s) URLs or e-mail addresses turned into links. The 'zero' preset starts with every rule off
// (only paragraphs and plain text), so anything not enabled here stays literal text: headings,
// lists, tables, code blocks, rules, images, [explicit](links), references, raw HTML, entities,
// strikethrough and typographic replacements.
const markdown = new MarkdownIt('zero', {
  html: false,
  linkify: true,
  breaks: true,
  typographer: false,
}).enable(['blockquote', 'newline', 'escape', 'backticks', 'emphasis', 'linkify'])

// Protocol-relative and ftp links are not on the allowlist: leave them as text rather than link.
markdown.linkify.add('ftp:', null).add('//', null)
markdown.validateLink = isSafeHref

markdown.renderer.rules.link_open = (tokens, index, options, _env, renderer) => {
  const token = tokens[index]!
  token.attrSet('rel', LINK_REL)
  token.attrSet('target', LINK_TARGET)
  return renderer.renderToken(tokens, index, options)
}

/**
 * The comment text as sanitized HTML: only p, br, em, strong, blockquote, code and a[href, rel,
 * target] with an http, https or mailto href. markdown-it escapes everything else; the allowlist
 * pass checks that again, so a bug or a future option in either cannot let markup through.
 */
export function renderMarkdownLite(text: string): string {
  return enforceAllowlist(markdown.render(text).trim())
}
