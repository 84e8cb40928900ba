import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build, defineConfig, type Plugin } from 'vite'

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url))

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

// Both minifiers take a whole template with each `${…}` replaced by BINDING, so they know what
// surrounds an expression; the result is split there again.
const BINDING = '\0'

/** Drops comments and insignificant white space, quotes and zeros from a css`` template. */
const minifyCss = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim()
    // Selectors: `ol > li + li` → `ol>li+li`, `[part~='note']` → `[part~=note]`.
    .replace(
      /(^|[{};])([^{};]+)(?=\{)/g,
      (_, before: string, selector: string) =>
        before +
        selector
          .replace(/\s*([>+~])\s*/g, '$1')
          .replace(/\[([\w-]+[~|^$*]?=)'([a-z][\w-]*)'\]/gi, '[$1$2]')
    )
    // Declaration values: `0.5em` → `.5em`, `calc(var(--x) / 2)` → `calc(var(--x)/2)`.
    .replace(
      /(^|[{;])([\w-]+):([^;{}]+)(?=[;}])/g,
      (_, before: string, name: string, value: string) =>
        `${before}${name}:${value
          .replace(/(^|[\s,(])0\.(\d)/g, '$1.$2')
          .replace(/\s*([*/])\s*/g, '$1')
          .replace(/\s+!important/g, '!important')}`
    )

// A start or end tag: its name, then quoted values and single other characters (a `/` only when
// no `>` follows), up to `>` or `/>`. One character at a time, so a `<` without a `>` fails fast.
const TAG = /<\/?[a-z][^\s/>]*(?:"[^"]*"|'[^']*'|[^"'/>]|\/(?!>))*\/?>/gi

/**
 * Minifies an html`` template. In text, a run of white space that holds a line break renders like
 * one space, so it becomes one. In a tag, white space between attributes becomes one space, white
 * space before the closing `>` (or `/>`, which HTML ignores) goes, and so do the quotes around a
 * plain value (`part="comment"` → `part=comment`) unless the value holds an expression.
 */
function minifyHtml(template: string): string {
  const text = (s: string) => s.replace(/\s*\n\s*/g, ' ')
  let out = ''
  let last = 0
  for (const { 0: tag, index } of template.matchAll(TAG)) {
    out += text(template.slice(last, index))
    last = index + tag.length
    out += tag
      .replace(/="([\w,:#.-]+)"(?=[\s>])|"[^"]*"|'[^']*'|\s+/g, (part, plain?: string) =>
        plain ? `=${plain}` : /^\s/.test(part) ? ' ' : part
      )
      .replace(/ \/?>$/, '>')
  }
  return out + text(template.slice(last))
}

/**
 * Strips the indentation and comments from Lit's html`` and css`` template literals, which a JS
 * minifier must keep verbatim. Only the static parts of each template are touched.
 */
function minifyLitTemplates(): Plugin {
  return {
    name: 'parley:minify-lit-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null
      const edits: [number, number, string][] = []
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return
        if (Array.isArray(node)) return node.forEach(visit)
        const n = node as Node
        if (n.type === 'TaggedTemplateExpression') {
          const tag = (n.tag as { name?: string }).name
          const minify = tag === 'css' ? minifyCss : tag === 'html' ? minifyHtml : null
          const quasis = (n.quasi as { quasis: Node[] }).quasis
          const raws = quasis.map((q) => code.slice(q.start, q.end))
          const verbatim = raws.every((raw, i) => raw === (quasis[i]!.value as { raw: string }).raw)
          if (minify && verbatim && !raws.some((raw) => raw.includes(BINDING))) {
            const parts = minify(raws.join(BINDING)).split(BINDING)
            quasis.forEach((q, i) => edits.push([q.start, q.end, parts[i]!]))
          }
        }
        for (const key in n) if (key !== 'type') visit(n[key])
      }
      visit(this.parse(code))
      let out = code
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
        out = out.slice(0, start) + text + out.slice(end)
      return { code: out, map: null }
    },
  }
}

/** Always Lit's production build, also when vite runs under vitest (NODE_ENV=test). */
const conditions = ['module', 'browser', 'production']

/** The lazily loaded part of the script-tag build, next to embed.js. */
const EXTRAS_FILE = 'parley-extras.js'

/**
 * Adds dist/parley-extras.js to the script-tag build: src/extras (the forms a reader rarely
 * opens, what the author of a removed comment sees, the nesting of "Show N more replies", the
 * views only some threads and polls show: docs/decisions/0021-what-loads-on-demand.md) as an
 * ES module that embed.js, a classic script, loads with import() on first use (src/embed/lazy.ts).
 * A classic script cannot share chunks with modules, so it is built on its own, with `lit`
 * replaced by src/embed/lit-lite.ts (plain template results, rendered by the Lit runtime in
 * embed.js), and it gets everything else from the element that uses it. embed.js asks for it with
 * a hash of its content in the query, so a new build is never served from a stale cache.
 */
function extrasModule(): Plugin {
  let code = ''
  return {
    name: 'parley:extras-module',
    apply: 'build',
    async config() {
      const result = await build({
        configFile: false,
        logLevel: 'silent',
        plugins: [minifyLitTemplates()],
        resolve: {
          conditions,
          alias: [{ find: /^lit$/, replacement: fromHere('src/embed/lit-lite.ts') }],
        },
        build: {
          write: false,
          target: 'es2022',
          lib: {
            entry: fromHere('src/extras/index.ts'),
            formats: ['es'],
            fileName: () => EXTRAS_FILE,
          },
          rolldownOptions: { output: { minify: true } },
        },
      })
      const output = Array.isArray(result) ? result[0] : result
      if (!output || !('output' in output)) throw new Error('unexpected vite build result')
      code = output.output[0].code
      const hash = createHash('sha256').update(code).digest('hex').slice(0, 10)
      return { define: { __PARLEY_EXTRAS__: JSON.stringify(`${EXTRAS_FILE}?v=${hash}`) } }
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: EXTRAS_FILE, source: code })
    },
  }
}

/** The shipped locales besides English: src/i18n/locales/<code>.ts, each exporting `<code>`. */
const LOCALES = readdirSync(fromHere('src/i18n/locales'))
  .filter((file) => /^[a-z]{2,3}\.ts$/.test(file))
  .map((file) => file.slice(0, -3))
  .sort()

/**
 * Adds dist/parley-locale-<code>.js to the script-tag build for every shipped locale but English:
 * a self-contained ES module exporting the translation as `<code>`, which embed.js (English only)
 * loads with import() when an element's language resolves to it (src/embed/locales.ts). embed.js
 * knows their codes (`__PARLEY_LOCALES__`) and asks with one hash of all their contents in the
 * query (`__PARLEY_LOCALES_VERSION__`), so a new build is never served from a stale cache.
 */
function localesModule(): Plugin {
  const chunks = new Map<string, string>()
  return {
    name: 'parley:locales-module',
    apply: 'build',
    async config() {
      const hash = createHash('sha256')
      for (const code of LOCALES) {
        const result = await build({
          configFile: false,
          logLevel: 'silent',
          resolve: { conditions },
          build: {
            write: false,
            target: 'es2022',
            lib: {
              entry: fromHere(`src/i18n/locales/${code}.ts`),
              formats: ['es'],
              fileName: () => `parley-locale-${code}.js`,
            },
            rolldownOptions: { output: { minify: true } },
          },
        })
        const output = Array.isArray(result) ? result[0] : result
        if (!output || !('output' in output)) throw new Error('unexpected vite build result')
        const chunk = output.output[0].code
        chunks.set(code, chunk)
        hash.update(chunk)
      }
      const version = hash.digest('hex').slice(0, 10)
      return {
        define: {
          __PARLEY_LOCALES__: JSON.stringify(LOCALES.join(' ')),
          __PARLEY_LOCALES_VERSION__: JSON.stringify(`v=${version}`),
        },
      }
    },
    generateBundle() {
      for (const [code, source] of chunks)
        this.emitFile({ type: 'asset', fileName: `parley-locale-${code}.js`, source })
    },
  }
}

// `vite build` makes the script-tag bundle dist/embed.js: one minified classic IIFE with Lit
// inside, so `document.currentScript` works for async scripts, and dist/parley-extras.js and
// dist/parley-locale-<code>.js next to it (see extrasModule and localesModule). `vite build
// --mode npm` adds the ES module entries dist/index.js, dist/define.js and dist/locales/<code>.js
// with Lit left external for bundlers.
export default defineConfig(({ mode }) => ({
  plugins:
    mode === 'npm'
      ? [minifyLitTemplates()]
      : [minifyLitTemplates(), extrasModule(), localesModule()],
  resolve: {
    conditions,
    alias:
      mode === 'npm'
        ? []
        : [
            // English only; other locales are loaded on demand (localesModule).
            { find: /^.*\/i18n\/localize\.ts$/, replacement: fromHere('src/embed/locales.ts') },
            // What src/extras needs, English included, comes in parley-extras.js (extrasModule);
            // any relative import of a lazy.ts (src/internal/lazy.ts) is the script-tag loader.
            { find: /^\..*\/lazy\.ts$/, replacement: fromHere('src/embed/lazy.ts') },
            { find: /^\..*\/en-forms\.ts$/, replacement: fromHere('src/embed/en-forms.ts') },
          ],
  },
  build:
    mode === 'npm'
      ? {
          target: 'es2022',
          emptyOutDir: false,
          lib: {
            entry: {
              index: 'src/index.ts',
              define: 'src/define.ts',
              // @parley/widget/locales/<code>: one module per shipped locale, for registerTranslation.
              ...Object.fromEntries(
                LOCALES.map((c) => [`locales/${c}`, `src/i18n/locales/${c}.ts`])
              ),
            },
            formats: ['es'],
          },
          rolldownOptions: {
            external: [/^lit(\/|$)/, /^@lit\//],
            output: { chunkFileNames: 'parley-[hash].js' },
          },
        }
      : {
          target: 'es2022',
          lib: {
            entry: 'src/embed.ts',
            formats: ['iife'],
            name: 'parley',
            fileName: () => 'embed.js',
          },
          // build.minify keeps whitespace in library mode; minify the output chunk itself.
          rolldownOptions: {
            output: {
              minify: {
                // Our elements' private `_x` members (Lit state properties among them) are renamed
                // consistently, declarations in `static properties` included. Safe only in this
                // closed bundle: nothing outside reads them, and Lit's own `_$x` are excluded.
                mangleProps: { include: /^_[a-z]/ },
              },
            },
          },
        },
}))
