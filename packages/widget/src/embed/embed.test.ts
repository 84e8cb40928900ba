import { afterEach, describe, expect, it, vi } from 'vitest'
import { commands } from 'vitest/browser'

declare module 'vitest/browser' {
  interface BrowserCommands {
    buildEmbed: () => Promise<{ code: string; modules: string[]; extras: string }>
  }
}

// Runs the real dist/embed.js bundle (built in memory) as classic scripts, twice, on a page where
// nothing else defined the Parley elements.

let bundle: ReturnType<typeof commands.buildEmbed> | undefined
const build = () => (bundle ??= commands.buildEmbed())

async function load(data: Record<string, string>) {
  const el = document.createElement('script')
  Object.assign(el.dataset, data)
  el.textContent = (await build()).code
  document.body.append(el) // executes synchronously; document.currentScript is `el`
  return el
}

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

/** The hard script-tag budget: 20 KB gzip for all elements + Lit + English. */
const BUDGET = 20 * 1024

describe('dist/embed.js', () => {
  it(`stays within ${BUDGET} bytes gzip and never bundles zod`, async () => {
    const { code, modules } = await build()
    const gzip = new Blob([code]).stream().pipeThrough(new CompressionStream('gzip'))
    const size = (await new Response(gzip).arrayBuffer()).byteLength
    console.info(`dist/embed.js: ${size} bytes gzip (budget ${BUDGET})`)
    expect(size).toBeLessThan(BUDGET)
    expect(modules.filter((id) => /[/\\]zod[/\\]/.test(id))).toEqual([])
    const core = modules.filter((id) => id.includes('/packages/core/src/'))
    expect(core.map((id) => id.replace(/.*\/packages\//, '')).sort()).toEqual([
      'core/src/limits.ts',
      'core/src/routes.ts',
    ])
  }, 20_000)

  it('leaves the rarely used forms to parley-extras.js, an ES module with no imports', async () => {
    const { code, extras } = await build()
    expect(code).toMatch(/parley-extras\.js\?v=[0-9a-f]{10}/)
    for (const text of ['Send notice', 'Why should this decision be reversed?', 'Send report'])
      expect([code.includes(text), extras.includes(text)]).toEqual([false, true])
    // It brings no Lit of its own: template results for the runtime in embed.js.
    expect(extras).not.toMatch(/\bimport\s*[\s{*"'`]|litHtmlVersions|customElements/)
    expect(extras).toMatch(/export\s*\{/)
  }, 20_000)

  it('is a self-contained classic script that mounts once per tag when loaded twice', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {}))
    ) // keep the widget loading
    const errors: string[] = []
    const onError = (e: ErrorEvent) => errors.push(e.message)
    window.addEventListener('error', onError)
    const warn = vi.spyOn(console, 'warn')

    const first = await load({ site: 'demo', thread: 'one' })
    expect(customElements.get('parley-discussion')).toBeDefined()
    const second = await load({ site: 'demo', thread: 'two' })
    window.removeEventListener('error', onError)

    expect(errors).toEqual([])
    expect(warn).not.toHaveBeenCalled()
    const mounted = document.querySelectorAll('parley-discussion')
    expect(mounted).toHaveLength(2)
    expect(first.nextElementSibling).toBe(mounted[0])
    expect(second.nextElementSibling).toBe(mounted[1])
    expect(mounted[0]!.getAttribute('api')).toBe(location.origin)
    expect(mounted[0]!.shadowRoot).not.toBeNull()
  }, 20_000)
})
