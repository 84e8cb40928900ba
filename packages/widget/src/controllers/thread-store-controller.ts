import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { type ThreadStore, threadStore } from '../state/thread-store.ts'

/**
 * Connects an element to the page's store of its thread: the element re-renders after every
 * change of the store while it is connected. Call `attach()` when `api`, `site` or `thread`
 * change.
 */
export class ThreadStoreController implements ReactiveController {
  store: ThreadStore | null = null
  readonly #host: ReactiveControllerHost & { api: string; site: string; thread: string }
  readonly #changed = () => this.#host.requestUpdate()

  constructor(host: ReactiveControllerHost & { api: string; site: string; thread: string }) {
    this.#host = host
    host.addController(this)
  }

  hostConnected(): void {
    this.store?.addEventListener('change', this.#changed)
    this.#changed() // the store may have changed while the host was detached
  }

  hostDisconnected(): void {
    this.store?.removeEventListener('change', this.#changed)
  }

  /** Switches to the store of the host's thread; returns it, or null without site or thread. */
  attach(): ThreadStore | null {
    this.hostDisconnected()
    const { api, site, thread } = this.#host
    this.store = site && thread ? threadStore(api, site, thread) : null
    this.hostConnected()
    return this.store
  }
}
