import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RefreshController } from './refresh-controller.ts'

/** The smallest host: an element that only collects its controllers. */
function makeHost() {
  const controllers: ReactiveController[] = []
  const host = Object.assign(document.createElement('div'), {
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  }) satisfies ReactiveControllerHost
  const connect = () => {
    document.body.append(host)
    controllers.forEach((c) => c.hostConnected?.())
  }
  const disconnect = () => {
    host.remove()
    controllers.forEach((c) => c.hostDisconnected?.())
  }
  return { host, connect, disconnect }
}

let hidden = false
/** Shows or hides the page as far as the controller can tell. */
function setHidden(value: boolean) {
  hidden = value
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('RefreshController', () => {
  let stop: (() => void) | undefined

  beforeEach(() => {
    hidden = false
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })

  afterEach(() => {
    stop?.()
    stop = undefined
    vi.useRealTimers()
    delete (document as { hidden?: boolean }).hidden
  })

  /** A connected controller over `task`, with the default 30 s interval and 5 min ceiling. */
  function start(task: () => unknown) {
    const { host, connect, disconnect } = makeHost()
    const controller = new RefreshController(host, task)
    connect()
    stop = disconnect
    return controller
  }

  it('runs the task every 30 s while connected, and stops on disconnect', async () => {
    const task = vi.fn()
    start(task)
    await vi.advanceTimersByTimeAsync(29_999)
    expect(task).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(task).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(task).toHaveBeenCalledTimes(3)

    stop!()
    await vi.advanceTimersByTimeAsync(300_000)
    expect(task).toHaveBeenCalledTimes(3)
  })

  it('pauses while the page is hidden and runs at once when it is shown', async () => {
    const task = vi.fn()
    start(task)
    await vi.advanceTimersByTimeAsync(20_000)
    setHidden(true)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(task).not.toHaveBeenCalled()

    setHidden(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(task).toHaveBeenCalledTimes(1)
    // …and the next run is a full interval later.
    await vi.advanceTimersByTimeAsync(29_999)
    expect(task).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(task).toHaveBeenCalledTimes(2)
  })

  it('does not start while the page is hidden', async () => {
    hidden = true
    const task = vi.fn()
    start(task)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(task).not.toHaveBeenCalled()
  })

  it('doubles the wait after each failure up to 5 minutes, and resets it after a success', async () => {
    let failing = true
    const task = vi.fn(() => (failing ? Promise.reject(new Error('offline')) : undefined))
    const c = start(task)
    const waits: number[] = []
    for (let i = 0; i < 6; i++) {
      await vi.advanceTimersByTimeAsync(c.wait)
      waits.push(c.wait)
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 300_000, 300_000, 300_000])
    expect(task).toHaveBeenCalledTimes(6)

    failing = false
    await vi.advanceTimersByTimeAsync(300_000)
    expect(task).toHaveBeenCalledTimes(7)
    expect(c.wait).toBe(30_000)
  })

  it('never overlaps runs: showing the page during a slow run does not start another', async () => {
    let finish!: () => void
    const task = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const c = start(task)
    await vi.advanceTimersByTimeAsync(30_000)
    setHidden(true)
    setHidden(false)
    await c.run()
    expect(task).toHaveBeenCalledTimes(1)
    finish()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(task).toHaveBeenCalledTimes(2)
  })
})
