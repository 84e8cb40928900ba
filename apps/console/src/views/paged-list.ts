import type { ReactiveControllerHost } from 'lit'

/** One page of a cursor listing: its items, and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * The items of a cursor listing loaded so far, and the cursor of the next page. `fetchPage` asks
 * for the page at a cursor (null for the first one) with the view's current filters; the host
 * renders again whenever the items change.
 */
export class PagedList<T> {
  items: T[] = []
  next: string | null = null
  readonly #host: ReactiveControllerHost
  readonly #fetchPage: (cursor: string | null) => Promise<Page<T>>

  constructor(
    host: ReactiveControllerHost,
    fetchPage: (cursor: string | null) => Promise<Page<T>>
  ) {
    this.#host = host
    this.#fetchPage = fetchPage
  }

  /** Loads the first page, dropping whatever was loaded before. */
  async first(): Promise<void> {
    const page = await this.#fetchPage(null)
    this.#show(page.items, page.nextCursor)
  }

  /** Appends the next page. */
  async more(): Promise<void> {
    const page = await this.#fetchPage(this.next)
    this.#show([...this.items, ...page.items], page.nextCursor)
  }

  #show(items: T[], next: string | null): void {
    this.items = items
    this.next = next
    this.#host.requestUpdate()
  }
}
