import { defineConfig, type Plugin } from 'vite'

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

const minifyCss = (s: string) =>
  s
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')

// Inside HTML, a run of white space that holds a line break renders like one space.
const minifyHtml = (s: string) => s.replace(/\s*\n\s*/g, ' ')

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
          for (const q of minify ? quasis : []) {
            const raw = code.slice(q.start, q.end)
            if (raw === (q.value as { raw: string }).raw) edits.push([q.start, q.end, minify!(raw)])
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

// `vite build` makes the script-tag bundle dist/embed.js: one minified classic IIFE with Lit
// inside, so `document.currentScript` works for async scripts. `vite build --mode npm` adds the
// ES module entries dist/index.js and dist/define.js with Lit left external for bundlers.
export default defineConfig(({ mode }) => ({
  plugins: [minifyLitTemplates()],
  // Always Lit's production build, also when vite runs under vitest (NODE_ENV=test).
  resolve: { conditions: ['module', 'browser', 'production'] },
  build:
    mode === 'npm'
      ? {
          target: 'es2022',
          emptyOutDir: false,
          lib: {
            entry: { index: 'src/index.ts', define: 'src/define.ts' },
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
          rolldownOptions: { output: { minify: true } },
        },
}))
