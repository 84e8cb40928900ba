import type { ErasureResult, ReaderData } from '@parley/core'
import { READER_ME_DATA_ROUTE, READER_ME_ROUTE } from '@parley/core/routes'
import { html, nothing, type LitElement } from 'lit'
import type { ApiError, Auth, Endpoint } from '../api/client.ts'
import { enForms } from '../i18n/en-forms.ts'
import type { Translation } from '../i18n/translation.ts'
import { originOf, write } from '../internal/storage.ts'
import { formStyles } from './forms.styles.ts'

// "Your data" at the foot of <parley-comments>, loaded on first use: the reader downloads
// everything stored under their reader token as a JSON file (made in the browser: a Blob and a
// download link, nothing goes to anyone else), or erases it after a confirmation. See
// docs/privacy.md. Like the forms, it reaches the API through its host, so that the script-tag
// build keeps one copy of the client (in embed.js).

/** What the panel needs of the element that shows it. */
export interface YourDataHost {
  el: LitElement & Endpoint
  t: Translation
  /** Sends a request to a site route as this reader (the client's `call`, bound to the host). */
  call: <T>(route: string, method: string, auth: Auth) => Promise<T>
  /** Called after an erasure, so the list shows the comments as they now are. */
  erased: () => void
  /** Closes the panel (and focuses its button). */
  close: () => void
  /** The localized text of an error. */
  errorText: (e: ApiError) => string
}

interface PanelState {
  confirming: boolean
  busy: boolean
  status: string
  alert: string
}

const states = new WeakMap<Element, PanelState>()

/** The same key as the client's reader token (src/api/client.ts): forgotten after an erasure. */
const tokenKey = (ep: Endpoint) => `parley:reader|${originOf(ep.api)}|${ep.site}`

function save(name: string, data: unknown): void {
  const href = URL.createObjectURL(
    new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })
  )
  const a = Object.assign(document.createElement('a'), { href, download: name })
  a.click()
  setTimeout(() => URL.revokeObjectURL(href), 0)
}

async function act(x: YourDataHost, s: PanelState, t: Translation, action: () => Promise<string>) {
  if (s.busy) return
  Object.assign(s, { busy: true, status: '', alert: '' })
  x.el.requestUpdate()
  try {
    s.status = await action()
  } catch (e) {
    // Without a reader token nothing was ever stored: there is nothing to download or erase.
    const error = e as ApiError
    if (error.code === 'unauthorized') s.status = t.dataNothing
    else s.alert = x.errorText(error)
    s.confirming = false
  } finally {
    s.busy = false
    x.el.requestUpdate()
  }
}

const download = (x: YourDataHost, s: PanelState, t: Translation) =>
  act(x, s, t, async () => {
    const data = await x.call<ReaderData>(READER_ME_DATA_ROUTE, 'GET', 'optional')
    save(`parley-${x.el.site}-data.json`, data)
    return t.dataDownloaded
  })

const erase = (x: YourDataHost, s: PanelState, t: Translation) =>
  act(x, s, t, async () => {
    await x.call<ErasureResult>(READER_ME_ROUTE, 'DELETE', 'optional')
    // The old token now names nobody: the next write starts a fresh, unrelated identity.
    write(tokenKey(x.el), null)
    s.confirming = false
    x.erased()
    return t.dataErased
  })

/** The panel, rendered by the host under its "Your data" button. */
export function yourData(x: YourDataHost) {
  const root = x.el.renderRoot as ShadowRoot
  const sheet = formStyles.styleSheet!
  if (!root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  let s = states.get(x.el)
  if (!s) states.set(x.el, (s = { confirming: false, busy: false, status: '', alert: '' }))
  const state = s
  // In embed.js the translation lacks the panel's English, which comes with this module.
  const t = { ...enForms, ...x.t }
  return html`<div
    class="panel"
    part="your-data-panel"
    id="your-data"
    role="group"
    aria-label=${t.yourData}
  >
    <p>${t.dataIntro}</p>
    ${
      state.confirming
        ? html`<p id="erase-confirm">${t.dataConfirm}</p>
            <div class="actions" role="group" aria-labelledby="erase-confirm">
              <button
                class="primary"
                aria-disabled=${state.busy}
                @click=${() => erase(x, state, t)}
              >
                ${t.dataConfirmErase}
              </button>
              <button
                @click=${() => {
                  state.confirming = false
                  x.el.requestUpdate()
                }}
              >
                ${t.cancel}
              </button>
            </div>`
        : html`<div class="actions">
            <button aria-disabled=${state.busy} @click=${() => download(x, state, t)}>
              ${t.dataDownload}
            </button>
            <button
              @click=${() => {
                Object.assign(state, { confirming: true, status: '', alert: '' })
                x.el.requestUpdate()
              }}
            >
              ${t.dataErase}
            </button>
            <button @click=${x.close}>${t.close}</button>
          </div>`
    }
    <p role="status">${state.status}</p>
    <p role="alert" class="error">${state.alert || nothing}</p>
  </div>`
}
