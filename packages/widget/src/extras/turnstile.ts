// Cloudflare Turnstile for sites that turn it on (site setting turnstile.enabled): the only
// third-party script the widget ever loads, and only there. Lazily loaded with the other extras,
// so embed.js carries none of it. The page's CSP must allow https://challenges.cloudflare.com in
// script-src and frame-src (see the package README).

const SCRIPT = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit'

interface TurnstileApi {
  render(
    container: HTMLElement,
    options: {
      sitekey: string
      callback: (token: string) => void
      'expired-callback': () => void
      'error-callback': () => void
    }
  ): string
  reset(id: string): void
}

declare global {
  interface Window {
    turnstile?: TurnstileApi
  }
}

let loading: Promise<TurnstileApi> | undefined

/** Loads Turnstile's script once per page. */
function load(): Promise<TurnstileApi> {
  return (loading ??= new Promise<TurnstileApi>((resolve, reject) => {
    if (window.turnstile) return resolve(window.turnstile)
    const script = document.createElement('script')
    script.src = SCRIPT
    script.async = true
    script.onload = () =>
      window.turnstile ? resolve(window.turnstile) : reject(new Error('no turnstile'))
    script.onerror = () => {
      loading = undefined
      reject(new Error(`[parley] could not load ${SCRIPT}`))
    }
    document.head.append(script)
  }))
}

/** A rendered Turnstile widget: its latest token (null until solved or once expired). */
export interface TurnstileHandle {
  token(): string | null
  /** Tokens are single-use: call after each submission to get a fresh one. */
  reset(): void
}

/** Renders Turnstile into `container` with the site's public key. */
export async function turnstile(container: HTMLElement, siteKey: string): Promise<TurnstileHandle> {
  const api = await load()
  let token: string | null = null
  const id = api.render(container, {
    sitekey: siteKey,
    callback: (t) => (token = t),
    'expired-callback': () => (token = null),
    'error-callback': () => (token = null),
  })
  return {
    token: () => token,
    reset: () => {
      token = null
      api.reset(id)
    },
  }
}
