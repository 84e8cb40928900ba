import type { ErasureResult, ReaderData } from '@parley/core'
import { ROUTES } from '@parley/core/routes'
import { html, nothing, type LitElement } from 'lit'
import type { ApiError, Auth, Endpoint } from '../api/client.ts'
import type { Translation } from '../i18n/translation.ts'
import { originOf, write } from '../internal/storage.ts'
import { formStyles } from './forms.styles.ts'

// "Your data" at the foot of <parley-comments>, loaded on first use: the reader downloads
// everything stored under their reader token as a JSON file (made in the browser: a Blob and a
// download link, nothing goes to anyone else), or erases it after a confirmation. See
// docs/privacy.md. Like the forms, it reaches the API through its host, so that the script-tag
// build keeps one copy of the client (in embed.js).

/** The panel's strings: they ship with it, not with embed.js. */
export interface YourDataStrings {
  intro: string
  download: string
  downloaded: string
  /** Said when the reader has no token: nothing was ever stored. */
  nothing: string
  erase: string
  confirm: string
  confirmErase: string
  erased: string
  close: string
}

export const enYourData: YourDataStrings = {
  intro:
    'What you write, vote and react here is stored under an anonymous id kept on this device. No cookies are used.',
  download: 'Download my data',
  downloaded: 'Your data was downloaded.',
  nothing: 'Nothing is stored about you on this site.',
  erase: 'Delete my data',
  confirm:
    'Delete your comments, votes, reactions and reports on this site? Comments others replied to stay as “deleted”. This cannot be undone.',
  confirmErase: 'Delete everything',
  erased: 'Your data was deleted.',
  close: 'Close',
}

/** Other languages, by primary tag; the panel falls back to English. */
export const YOUR_DATA_STRINGS: Record<string, YourDataStrings> = {
  en: enYourData,
  fr: {
    intro:
      'Ce que vous écrivez, votez et réagissez ici est enregistré sous un identifiant anonyme conservé sur cet appareil. Aucun cookie n’est utilisé.',
    download: 'Télécharger mes données',
    downloaded: 'Vos données ont été téléchargées.',
    nothing: 'Rien n’est enregistré à votre sujet sur ce site.',
    erase: 'Supprimer mes données',
    confirm:
      'Supprimer vos commentaires, votes, réactions et signalements sur ce site ? Les commentaires auxquels d’autres ont répondu restent comme « supprimés ». C’est irréversible.',
    confirmErase: 'Tout supprimer',
    erased: 'Vos données ont été supprimées.',
    close: 'Fermer',
  },
  de: {
    intro:
      'Was Sie hier schreiben, abstimmen und mit Reaktionen versehen, wird unter einer anonymen Kennung gespeichert, die auf diesem Gerät liegt. Es werden keine Cookies verwendet.',
    download: 'Meine Daten herunterladen',
    downloaded: 'Ihre Daten wurden heruntergeladen.',
    nothing: 'Über Sie ist auf dieser Website nichts gespeichert.',
    erase: 'Meine Daten löschen',
    confirm:
      'Ihre Kommentare, Stimmen, Reaktionen und Meldungen auf dieser Website löschen? Kommentare, auf die andere geantwortet haben, bleiben als „gelöscht“ stehen. Das kann nicht rückgängig gemacht werden.',
    confirmErase: 'Alles löschen',
    erased: 'Ihre Daten wurden gelöscht.',
    close: 'Schließen',
  },
}

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

async function act(
  x: YourDataHost,
  s: PanelState,
  t: YourDataStrings,
  action: () => Promise<string>
) {
  if (s.busy) return
  Object.assign(s, { busy: true, status: '', alert: '' })
  x.el.requestUpdate()
  try {
    s.status = await action()
  } catch (e) {
    // Without a reader token nothing was ever stored: there is nothing to download or erase.
    const error = e as ApiError
    if (error.code === 'unauthorized') s.status = t.nothing
    else s.alert = x.errorText(error)
    s.confirming = false
  } finally {
    s.busy = false
    x.el.requestUpdate()
  }
}

const download = (x: YourDataHost, s: PanelState, t: YourDataStrings) =>
  act(x, s, t, async () => {
    const data = await x.call<ReaderData>(ROUTES.readerMeData, 'GET', 'optional')
    save(`parley-${x.el.site}-data.json`, data)
    return t.downloaded
  })

const erase = (x: YourDataHost, s: PanelState, t: YourDataStrings) =>
  act(x, s, t, async () => {
    await x.call<ErasureResult>(ROUTES.readerMe, 'DELETE', 'optional')
    // The old token now names nobody: the next write starts a fresh, unrelated identity.
    write(tokenKey(x.el), null)
    s.confirming = false
    x.erased()
    return t.erased
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
  const t = YOUR_DATA_STRINGS[x.t.$code.split('-')[0]!] ?? enYourData
  return html`<div
    class="panel"
    part="your-data-panel"
    id="your-data"
    role="group"
    aria-label=${x.t.yourData}
  >
    <p>${t.intro}</p>
    ${
      state.confirming
        ? html`<p id="erase-confirm">${t.confirm}</p>
            <div class="actions" role="group" aria-labelledby="erase-confirm">
              <button
                class="primary"
                aria-disabled=${state.busy}
                @click=${() => erase(x, state, t)}
              >
                ${t.confirmErase}
              </button>
              <button
                @click=${() => {
                  state.confirming = false
                  x.el.requestUpdate()
                }}
              >
                ${x.t.cancel}
              </button>
            </div>`
        : html`<div class="actions">
            <button aria-disabled=${state.busy} @click=${() => download(x, state, t)}>
              ${t.download}
            </button>
            <button
              @click=${() => {
                Object.assign(state, { confirming: true, status: '', alert: '' })
                x.el.requestUpdate()
              }}
            >
              ${t.erase}
            </button>
            <button @click=${x.close}>${t.close}</button>
          </div>`
    }
    <p role="status">${state.status}</p>
    <p role="alert" class="error">${state.alert || nothing}</p>
  </div>`
}
