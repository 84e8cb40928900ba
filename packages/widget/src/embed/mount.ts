import { originOf } from '../internal/storage.ts'
import { countDefaults } from '../state/counts.ts'

const MOUNTED = Symbol.for('parley.mounted')

type MarkedScript = HTMLScriptElement & { [MOUNTED]?: Element }

/** A configuration error of the embed script, with the `[parley]` prefix. */
export class ParleyConfigError extends Error {
  constructor(message: string) {
    super(`[parley] ${message}`)
    this.name = 'ParleyConfigError'
  }
}

function find(selector: string): Element | null {
  try {
    return document.querySelector(selector)
  } catch {
    throw new ParleyConfigError(`data-target "${selector}" is not a valid CSS selector`)
  }
}

/**
 * Mounts a `<parley-discussion>` for one embed `<script>`: right after it, or into `data-target`.
 * Idempotent per script element, even across two copies of the bundle (the mark is a global
 * symbol on the element). Returns the mounted element; throws ParleyConfigError on bad config.
 */
export function mount(script: HTMLScriptElement): Element {
  const marked = script as MarkedScript
  const existing = marked[MOUNTED]
  if (existing) return existing
  const { site, thread, poll, target, theme, loading, authToken, authCallback } = script.dataset
  if (!site) throw new ParleyConfigError('missing data-site on the embed script')
  if (!thread && !poll)
    throw new ParleyConfigError('missing data-thread (or data-poll) on the embed script')

  let host: Element | null = null
  if (target) {
    host = find(target)
    if (!host) throw new ParleyConfigError(`data-target "${target}" matches no element`)
  } else if (script.closest('head')) {
    throw new ParleyConfigError('the embed script is in <head>; add data-target="#selector"')
  }

  const el = document.createElement('parley-discussion')
  const attributes = {
    api: originOf(script.src),
    site,
    thread,
    poll,
    theme,
    loading,
    'auth-token': authToken,
  }
  for (const [name, value] of Object.entries(attributes)) if (value) el.setAttribute(name, value)
  // Publisher sign-in: the page's function, looked up by name when a token is needed (no eval).
  if (authCallback)
    (el as Element & { getAuthToken?: unknown }).getAuthToken = () =>
      (window as unknown as Record<string, () => string | null>)[authCallback]!()
  if (host) host.append(el)
  else script.after(el)
  marked[MOUNTED] = el
  return el
}

/**
 * Mounts for `script` once the target can exist: waits for the DOM if it is still parsing. The
 * script's origin and data-site also become the defaults of `<parley-count>` elements, and a
 * script with neither data-thread nor data-poll only serves those counts (on an article list).
 */
export function boot(script: HTMLScriptElement | null): void {
  if (!script)
    throw new ParleyConfigError('could not find the embed script (document.currentScript)')
  const { target, thread, poll, site } = script.dataset
  countDefaults.api ||= originOf(script.src)
  countDefaults.site ||= site ?? ''
  const ready = (run: () => void) =>
    document.readyState === 'loading'
      ? document.addEventListener('DOMContentLoaded', run, { once: true })
      : run()
  if (!thread && !poll) {
    // Counts only, unless there are none: then mount() explains what is missing.
    ready(() => document.querySelector('parley-count') ?? mount(script))
  } else if (target && !find(target)) {
    ready(() => mount(script))
  } else {
    mount(script)
  }
}
