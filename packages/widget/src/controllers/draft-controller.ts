import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { read, write } from '../internal/storage.ts'

export interface Draft {
  name: string
  text: string
  /** Idempotency key of the last attempt to send this draft. */
  key?: string
  /** What was sent with `key`; an edited draft gets a new key. */
  sent?: string
}

/**
 * Keeps a comment draft in localStorage until the server accepts it, so a reload, a crash or a
 * failed request never loses what the reader wrote. The display name is also remembered on its
 * own, for every future draft on the site.
 */
export class DraftController implements ReactiveController {
  value: Draft = { name: '', text: '' }
  #key = ''
  #nameKey = ''

  readonly #host: ReactiveControllerHost
  /** Storage keys of [the draft, the remembered name]; re-read before every host update. */
  readonly #keys: () => [string, string]

  constructor(host: ReactiveControllerHost, keys: () => [string, string]) {
    this.#host = host
    this.#keys = keys
    host.addController(this)
  }

  hostUpdate(): void {
    const [key, nameKey] = this.#keys()
    if (key === this.#key) return
    this.#key = key
    this.#nameKey = nameKey
    let saved: Partial<Draft> = {}
    try {
      saved = JSON.parse(read(key) ?? '{}') as Partial<Draft>
    } catch {
      // a corrupt draft is dropped
    }
    this.value = { name: read(nameKey) ?? '', text: '', ...saved }
  }

  update(patch: Partial<Draft>): void {
    this.value = { ...this.value, ...patch }
    write(this.#key, JSON.stringify(this.value))
    if (patch.name !== undefined) write(this.#nameKey, patch.name)
    this.#host.requestUpdate()
  }

  /** After success: forget the text and key, keep the name. */
  clear(): void {
    write(this.#key, null)
    write(this.#nameKey, this.value.name)
    this.value = { name: this.value.name, text: '' }
    this.#host.requestUpdate()
  }
}
