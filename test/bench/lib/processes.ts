// Child processes of the benchmarks. Each runs in its own process group, so stopping it also stops
// what it started (wrangler → esbuild + workerd); everything started is stopped on exit, whatever
// the reason.
import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'

const children = new Set<ChildProcess>()

export const QUIET_WRANGLER = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_COLOR: '1',
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

/** Stops every child process group: SIGTERM, then SIGKILL for any still running after 5 s. */
export async function stopAll(): Promise<void> {
  const running = [...children]
  for (const child of running) killGroup(child, 'SIGTERM')
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          const timer = setTimeout(() => {
            killGroup(child, 'SIGKILL')
            resolve()
          }, 5000)
          child.once('exit', () => {
            clearTimeout(timer)
            resolve()
          })
        })
    )
  )
  children.clear()
}

let hooked = false
/** Stops the children on normal exit, on Ctrl-C / SIGTERM and on an uncaught error. */
export function stopChildrenOnExit(): void {
  if (hooked) return
  hooked = true
  process.on('exit', () => {
    for (const child of children) killGroup(child, 'SIGKILL')
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n[bench] ${signal}: stopping child processes`)
      void stopAll().finally(() => process.exit(130))
    })
  }
}

export interface Started {
  child: ChildProcess
  /** Everything it printed so far (for error messages). */
  output: () => string
}

/** Starts a long-running process (a server) in its own process group. */
export function start(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> }
): Started {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...QUIET_WRANGLER, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  return { child, output: () => log }
}

/** Runs a command to completion; rejects with its output if it fails or takes too long. */
export async function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }
): Promise<string> {
  const started = start(command, args, options)
  const timeoutMs = options.timeoutMs ?? 120_000
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(started.child, 'SIGKILL')
      reject(
        new Error(`${command} ${args.join(' ')} took over ${timeoutMs} ms\n${started.output()}`)
      )
    }, timeoutMs)
    started.child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(started.output())
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code ?? signal}\n${started.output()}`
          )
        )
    })
  })
}

/** Rejects if something already listens on 127.0.0.1:port (the bench must own its ports). */
export async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
  if (inUse) throw new Error(`port ${port} on 127.0.0.1 is already in use; stop what runs there`)
}

/** Polls `url` until it answers 2xx, the server exits, or the timeout passes. */
export async function waitForUrl(url: string, server: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`the server for ${url} exited early:\n${server.output()}`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${server.output()}`)
}

/** The script's arguments: pnpm passes a `--` separator through, so both `bench:x --runs 50`
 * and `bench:x -- --runs 50` work. */
export const scriptArgs = () => process.argv.slice(2).filter((arg) => arg !== '--')

/**
 * Ends the run, and every process it started, if it takes longer than `seconds`. Returns the
 * function that calls the deadline off.
 */
export function stopAfter(seconds: number): () => void {
  const deadline = setTimeout(() => {
    console.error(`[bench] over the ${seconds} s limit: stopping`)
    void stopAll().finally(() => process.exit(1))
  }, seconds * 1000)
  deadline.unref()
  return () => clearTimeout(deadline)
}

/** The bench's own wrangler, the version `pnpm dev` and the e2e suite use. */
export const WRANGLER = new URL('../node_modules/.bin/wrangler', import.meta.url).pathname
