// bench:host — what Parley costs the page it is embedded in: main-thread script time, time to the
// first page of comments, bytes of Parley's scripts and layout shift, in Debian's Chromium.
//
//   pnpm --filter @parley/bench bench:host [-- --runs 10]
//
// Starts `wrangler dev` for apps/worker on 127.0.0.1:8797 (a throwaway D1: migrations + the demo
// seed, as test/e2e/start-worker.sh does) and loads the demo page it serves at /, where embed.js
// sits in a script tag far below the first screen. Each run is a fresh browser context (cold
// cache): load the page without scrolling, then scroll to the widget and wait until the first page
// of comments is rendered and painted. The same page without the script tag is the baseline, so
// the difference is Parley's. See README.md for how to read the output.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type CDPSession } from 'playwright'
import {
  assertPortFree,
  run,
  start,
  scriptArgs,
  stopAll,
  stopChildrenOnExit,
  waitForUrl,
  WRANGLER,
} from './lib/processes.ts'
import { machine, ms, percentile, table } from './lib/stats.ts'

const { values: args } = parseArgs({
  args: scriptArgs(),
  options: {
    runs: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
  },
})
const RUNS = Number(args.runs)
const WARMUP = Number(args.warmup)

// Not 8787 (pnpm dev), 8789/8790 (the other benches) nor 8798/8799 (the e2e suite).
const PORT = 8797
const ORIGIN = `http://127.0.0.1:${PORT}`
const WORKER_DIR = resolve(import.meta.dirname, '../../apps/worker')
const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium'
/** The scripts Parley adds to a page: embed.js and the chunks it loads (extras, locales). */
const PARLEY_SCRIPT = /\/(embed|parley-[\w-]+)\.js$/
/** Settling time after `load` for the "no scroll" phase: the lazy widget must fetch nothing. */
const SETTLE_MS = 1000

interface Run {
  /** Main-thread script time (CDP ScriptDuration) from navigation to the settled, unscrolled page. */
  scriptLoad: number
  /** … to the first page of comments painted, after scrolling to the widget. */
  scriptShown: number
  /** From the scroll to the first page of comments painted. */
  shownMs: number
  /** From navigation start to the first page of comments painted. */
  shownFromNavMs: number
  cls: number
  /** Parley's scripts: bytes on the wire, and their bodies gzip -9, by file. */
  wire: number
  gzip: number
  files: string[]
  /** API requests before the scroll: the count in the byline, never the thread (lazy). */
  apiBeforeScroll: string[]
}

const scriptSeconds = async (cdp: CDPSession) => {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name === 'ScriptDuration')!.value * 1000
}

/** Evaluates in the page through CDP, not Playwright's injected script, to add as little script
 * time of our own as possible (a few microseconds, the same for the bare page). */
async function evaluate<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    awaitPromise: true,
    returnByValue: true,
  })
  if (exceptionDetails) throw new Error(`in the page: ${JSON.stringify(exceptionDetails)}`)
  return result.value as T
}

/** Layout shifts since navigation (not caused by input), from the buffered entries. */
const CLS = `new Promise((resolve) => {
  let sum = 0
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value
  }).observe({ type: 'layout-shift', buffered: true })
  setTimeout(() => resolve(sum), 300)
})`

/** Scrolls the widget into view; resolves once the skeleton is gone (the poll and the first page
 * of comments are there, see discussion.ts), comments are rendered and two frames are painted. */
const SCROLL_AND_WAIT = `new Promise((resolve, reject) => {
  const el = document.querySelector('parley-discussion')
  if (!el) return reject(new Error('no <parley-discussion> on the page'))
  const t0 = performance.now()
  const comments = () =>
    el.shadowRoot?.querySelector('parley-comments')?.shadowRoot?.querySelectorAll('parley-comment')
      .length ?? 0
  const painted = () =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => resolve({ t0, t1: performance.now(), comments: comments() }))
    )
  const check = () => {
    if (el.hasAttribute('aria-busy') || comments() === 0) return false
    painted()
    return true
  }
  el.scrollIntoView({ block: 'start' })
  if (check()) return
  // The list renders in the update after aria-busy goes: re-check on the next frames too.
  const observer = new MutationObserver(() => {
    if (el.hasAttribute('aria-busy')) return
    observer.disconnect()
    const poll = () => (check() ? undefined : requestAnimationFrame(poll))
    poll()
  })
  observer.observe(el, { attributes: true, attributeFilter: ['aria-busy'] })
  setTimeout(() => reject(new Error('the first page of comments did not show within 20 s')), 20000)
})`

async function once(browser: Browser, html: string, withWidget: boolean): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    // Both variants come from memory, so the document costs the same in each.
    await page.route(`${ORIGIN}/`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
    )
    const files: string[] = []
    const sized: Promise<{ wire: number; gzip: number }>[] = []
    const api: string[] = []
    let scrolled = false
    page.on('request', (r) => {
      const { pathname, search } = new URL(r.url())
      if (!scrolled && pathname.startsWith('/v1/')) api.push(`${r.method()} ${pathname}${search}`)
    })
    page.on('requestfinished', (r) => {
      const path = new URL(r.url()).pathname
      if (!PARLEY_SCRIPT.test(path)) return
      files.push(path.slice(1))
      sized.push(
        Promise.all([r.sizes(), r.response().then((res) => res!.body())]).then(([s, body]) => ({
          wire: s.responseHeadersSize + s.responseBodySize,
          gzip: gzipSync(body, { level: 9 }).length,
        }))
      )
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const before = await scriptSeconds(cdp)
    await page.goto(`${ORIGIN}/`, { waitUntil: 'load' })
    await page.waitForTimeout(SETTLE_MS)
    const scriptLoad = (await scriptSeconds(cdp)) - before
    const apiBeforeScroll = [...api]
    let shownMs = Number.NaN
    let shownFromNavMs = Number.NaN
    let scriptShown = scriptLoad
    if (withWidget) {
      scrolled = true
      const shown = await evaluate<{ t0: number; t1: number; comments: number }>(
        cdp,
        SCROLL_AND_WAIT
      )
      if (shown.comments === 0) throw new Error('the first page showed no comments')
      scriptShown = (await scriptSeconds(cdp)) - before
      shownMs = shown.t1 - shown.t0
      // The load above includes SETTLE_MS of waiting: subtract it, as a reader who scrolls at
      // `load` would not wait for it (the lazy widget fetched nothing in between).
      const load = await evaluate<number>(
        cdp,
        `performance.getEntriesByType('navigation')[0].loadEventEnd`
      )
      shownFromNavMs = load + shownMs
    }
    const cls = await evaluate<number>(cdp, CLS)
    const sizes = await Promise.all(sized)
    return {
      scriptLoad,
      scriptShown,
      shownMs,
      shownFromNavMs,
      cls,
      wire: sizes.reduce((sum, s) => sum + s.wire, 0),
      gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
      files,
      apiBeforeScroll,
    }
  } finally {
    await context.close()
  }
}

const median = (values: number[]) => percentile(values, 50)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function main() {
  stopChildrenOnExit()
  await assertPortFree(PORT)
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set PARLEY_CHROMIUM)`)
  const state = mkdtempSync(join(tmpdir(), 'parley-bench-host-'))
  process.once('exit', () => rmSync(state, { recursive: true, force: true }))
  const t0 = performance.now()
  let browser: Browser | undefined
  try {
    console.log(`[bench] machine: ${machine()}`)
    if (!existsSync(join(WORKER_DIR, '.assets/embed.js'))) {
      if (!existsSync(resolve(WORKER_DIR, '../../packages/widget/dist/embed.js')))
        throw new Error(
          'packages/widget/dist/embed.js is missing: pnpm --filter @parley/widget build'
        )
      await run('node', ['scripts/build-assets.ts'], { cwd: WORKER_DIR })
    }
    console.log(`[bench] preparing a throwaway D1 in ${state}`)
    await run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], {
      cwd: WORKER_DIR,
    })
    await run('node', ['scripts/seed.ts', '--local', '--persist-to', state], { cwd: WORKER_DIR })
    const server = start(
      WRANGLER,
      [
        'dev',
        ...['--ip', '127.0.0.1', '--port', String(PORT), '--persist-to', state],
        ...['--var', 'READER_TOKEN_SECRET:bench-only-secret-not-for-production'],
      ],
      { cwd: WORKER_DIR }
    )
    await waitForUrl(`${ORIGIN}/v1/openapi.json`, server)
    console.log(`[bench] Worker up after ${((performance.now() - t0) / 1000).toFixed(1)} s`)

    const html = await (await fetch(`${ORIGIN}/`)).text()
    const tag = /<script\s[^>]*src="\/embed\.js"[^>]*>\s*<\/script>/
    if (!tag.test(html)) throw new Error('the demo page has no <script src="/embed.js"> tag')
    const bare = html.replace(tag, '')
    if (/<script/i.test(bare)) console.log('[bench] note: the bare page still has other scripts')

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // As test/e2e/playwright.config.ts: Chromium's background services would try the internet.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    console.log(`[bench] Chromium ${browser.version()}, viewport 1280×800, a cold cache per run`)
    console.log(`[bench] warm-up: ${WARMUP} run(s) of each page, then ${RUNS} measured runs`)
    for (let i = 0; i < WARMUP; i++) {
      await once(browser, bare, false)
      await once(browser, html, true)
    }
    const parley: Run[] = []
    const baseline: Run[] = []
    // Interleaved, so a noisy neighbour on the machine hits both alike.
    for (let i = 0; i < RUNS; i++) {
      baseline.push(await once(browser, bare, false))
      parley.push(await once(browser, html, true))
    }

    const col = (runs: Run[], pick: (r: Run) => number, digits = 1) => {
      const values = runs.map(pick)
      return [ms(median(values), digits), ms(percentile(values, 90), digits)]
    }
    const bareScript = median(baseline.map((r) => r.scriptLoad))
    console.log('')
    console.log(
      table([
        ['', 'median', 'p90'],
        [
          'bare page (no script tag): main-thread script, ms',
          ...col(baseline, (r) => r.scriptLoad),
        ],
        ['bare page: cumulative layout shift', ...col(baseline, (r) => r.cls, 4)],
        [
          'with Parley, loaded, not scrolled: main-thread script, ms',
          ...col(parley, (r) => r.scriptLoad),
        ],
        [
          '… scrolled, first page of comments shown: script, ms',
          ...col(parley, (r) => r.scriptShown),
        ],
        [
          '  Parley’s share (minus the bare page’s median), ms',
          ...col(parley, (r) => r.scriptShown - bareScript),
        ],
        ['scroll → first page of comments painted, ms', ...col(parley, (r) => r.shownMs, 0)],
        [
          'navigation → first page painted (scroll at load), ms',
          ...col(parley, (r) => r.shownFromNavMs, 0),
        ],
        ['cumulative layout shift, load + scroll + first page', ...col(parley, (r) => r.cls, 4)],
        ['Parley’s scripts on the wire (wrangler dev), bytes', ...col(parley, (r) => r.wire, 0)],
        ['Parley’s scripts, gzip -9, bytes', ...col(parley, (r) => r.gzip, 0)],
      ])
    )
    const files = [...new Set(parley.flatMap((r) => r.files))].sort()
    const early = [...new Set(parley.flatMap((r) => r.apiBeforeScroll))]
    console.log('')
    console.log(
      `[bench] Parley's scripts loaded: ${files.join(', ')} (${kb(median(parley.map((r) => r.gzip)))} gzip)`
    )
    console.log(
      `[bench] API requests before scrolling (the thread's must wait for the scroll): ${early.join(', ') || 'none'}`
    )

    const script = median(parley.map((r) => r.scriptShown - bareScript))
    const cls = Math.max(...parley.map((r) => r.cls))
    const met = script < 50 && cls === 0
    console.log(
      `[bench] target: < 50 ms of main-thread script to show the first page, layout shift 0 → ` +
        `${ms(script, 1)} ms (median; p90 ${ms(
          percentile(
            parley.map((r) => r.scriptShown - bareScript),
            90
          ),
          1
        )} ms), ` +
        `worst CLS ${cls.toFixed(4)}: ${met ? 'met' : 'not met'} ` +
        `(Disqus 2,785 ms, Coral 1,731 ms per page, HTTP Archive)`
    )
  } finally {
    await browser?.close()
    await stopAll()
    rmSync(state, { recursive: true, force: true })
    console.log(`[bench] done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
}

main().catch(async (e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  await stopAll()
  process.exit(1)
})
