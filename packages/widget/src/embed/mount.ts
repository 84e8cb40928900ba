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
  const { site, thread, poll, target } = script.dataset
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
  el.setAttribute('api', new URL(script.src, location.href).origin)
  el.setAttribute('site', site)
  if (thread) el.setAttribute('thread', thread)
  if (poll) el.setAttribute('poll', poll)
  if (host) host.append(el)
  else script.after(el)
  marked[MOUNTED] = el
  return el
}

/** Mounts for `script` once the target can exist: waits for the DOM if it is still parsing. */
export function boot(script: HTMLScriptElement | null): void {
  if (!script)
    throw new ParleyConfigError('could not find the embed script (document.currentScript)')
  const { target } = script.dataset
  if (target && document.readyState === 'loading' && !find(target)) {
    document.addEventListener('DOMContentLoaded', () => mount(script), { once: true })
  } else {
    mount(script)
  }
}
