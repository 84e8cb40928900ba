import type { ReactiveController, ReactiveControllerHost } from 'lit'

/**
 * Runs `task` every `interval` ms while the host element is connected and the page is visible.
 * A hidden page pauses it and showing the page again runs it at once; a failed run doubles the
 * wait, up to `max`, and a successful one resets it. Runs never overlap. The task decides what a
 * run does (it may do nothing); the controller only decides when.
 */
export class RefreshController implements ReactiveController {
  /** The wait before the next run, in ms. */
  wait: number
  #timer?: ReturnType<typeof setTimeout>
  #running = false

  readonly #host: ReactiveControllerHost & Element
  readonly #task: () => unknown
  readonly #interval: number
  readonly #max: number

  constructor(
    host: ReactiveControllerHost & Element,
    task: () => unknown,
    interval = 30_000,
    max = 300_000
  ) {
    this.#host = host
    this.#task = task
    this.wait = this.#interval = interval
    this.#max = max
    host.addController(this)
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility)
    this.#schedule()
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility)
    clearTimeout(this.#timer)
  }

  /** Runs the task now (unless a run is under way), then waits for the next one. */
  async run(): Promise<void> {
    if (this.#running) return
    clearTimeout(this.#timer)
    this.#running = true
    try {
      await this.#task()
      this.wait = this.#interval
    } catch {
      this.wait = Math.min(this.wait * 2, this.#max)
    } finally {
      this.#running = false
      this.#schedule()
    }
  }

  readonly #onVisibility = (): void => {
    if (document.hidden) clearTimeout(this.#timer)
    else void this.run()
  }

  #schedule(): void {
    clearTimeout(this.#timer)
    if (this.#host.isConnected && !document.hidden)
      this.#timer = setTimeout(() => void this.run(), this.wait)
  }
}
