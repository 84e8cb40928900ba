/// <reference types="vite/client" />
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { ParleyComment } from './components/comment/comment.ts'
import type { ParleyCommentForm } from './components/comment-form/comment-form.ts'
import type { ParleyComments } from './components/comments/comments.ts'
import type { ParleyCount } from './components/count/count.ts'
import type { ParleyDiscussion } from './components/discussion/discussion.ts'
import type { ParleyPoll } from './components/poll/poll.ts'
import './define.ts'
import defineSource from './define.ts?raw'
import type { ParleyEventDetails } from './events.ts'
import sizeLimit from '../.size-limit.json'

// dist/custom-elements.json is what editors and wrapper generators read: `pnpm test` runs
// `cem analyze` first, `build` writes it for the package. Checked here against the elements as
// the browser registers them. The npm build (`vite build --mode npm`, also run before the tests)
// must keep Lit external and leave zod out.

/** What this test reads of the manifest (schema: custom-elements-manifest/schema). */
interface Named {
  name: string
  description?: string
  type?: { text: string }
}
interface CustomElementDeclaration extends Named {
  customElement?: true
  tagName?: string
  summary?: string
  attributes?: Named[]
  members?: Named[]
  events?: Named[]
  cssParts?: Named[]
  cssProperties?: Named[]
}
interface Package {
  schemaVersion: string
  modules: {
    declarations?: CustomElementDeclaration[]
    exports?: { kind: string; name: string; declaration: { name: string } }[]
  }[]
}

const manifestFile = import.meta.glob<Package>('../dist/custom-elements.json', {
  eager: true,
  import: 'default',
})
const npmBuild = import.meta.glob<string>('../dist/{index,define,parley-*,locales/*}.js', {
  eager: true,
  query: '?raw',
  import: 'default',
})

/** Every tag define.ts registers, with the class registered under it. */
const registered = [...defineSource.matchAll(/safeDefine\('([\w-]+)', (\w+)\)/g)].map(
  ([, tag, name]) => ({ tag: tag!, name: name! })
)

/** The events each element fires (its own, and those bubbling from its children). */
const EVENTS: Record<string, string[]> = {
  'parley-discussion': ['parley-comment', 'parley-error', 'parley-vote'],
  'parley-poll': ['parley-error', 'parley-vote'],
  'parley-comment-form': ['parley-cancel', 'parley-comment', 'parley-error'],
  'parley-comments': ['parley-comment', 'parley-error'],
  'parley-comment': ['parley-comment', 'parley-error'],
  'parley-count': ['parley-error'],
}

function declarations(manifest: Package): CustomElementDeclaration[] {
  return manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement))
}

describe('custom-elements.json', () => {
  const manifest = Object.values(manifestFile)[0]

  it('exists (run `cem analyze` in packages/widget)', () => {
    expect(manifest?.schemaVersion).toBeTruthy()
  })

  it('defines every registered element, under its tag, from the module of its class', () => {
    expect(registered.map((r) => r.tag).sort()).toEqual(Object.keys(EVENTS).sort())
    const definitions = manifest!.modules.flatMap((m) =>
      (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition')
    )
    expect(definitions.map((d) => [d.name, d.declaration.name]).sort()).toEqual(
      registered.map((r) => [r.tag, r.name]).sort()
    )
    for (const { tag, name } of registered) {
      expect(customElements.get(tag)?.name, tag).toBe(name)
      const decl = declarations(manifest!).find((d) => d.tagName === tag)
      expect(decl?.name, tag).toBe(name)
    }
  })

  it("lists each element's attributes: exactly those the element observes", () => {
    for (const { tag } of registered) {
      const decl = declarations(manifest!).find((d) => d.tagName === tag)!
      const observed = (customElements.get(tag) as unknown as { observedAttributes: string[] })
        .observedAttributes
      expect((decl.attributes ?? []).map((a) => a.name).sort(), tag).toEqual([...observed].sort())
      for (const attribute of decl.attributes ?? [])
        expect(attribute.description, `${tag} [${attribute.name}]`).toBeTruthy()
    }
  })

  it("lists each element's events with their types, parts and custom properties", () => {
    for (const { tag } of registered) {
      const decl = declarations(manifest!).find((d) => d.tagName === tag)!
      expect((decl.events ?? []).map((e) => e.name).sort(), tag).toEqual(EVENTS[tag])
      for (const event of decl.events ?? [])
        expect(event.type?.text, `${tag} ${event.name}`).toMatch(/^(Parley\w+Event|Event)$/)
      expect(decl.summary, tag).toBeTruthy()
      expect(decl.cssParts?.length, tag).toBeGreaterThan(0)
      expect(decl.cssProperties?.length, tag).toBeGreaterThan(0)
    }
  })

  it('leaves out internal state and private members', () => {
    for (const decl of declarations(manifest!)) {
      const names = [...(decl.attributes ?? []), ...(decl.members ?? [])].map((m) => m.name)
      expect(
        names.filter((n) => /^[_#]/.test(n)),
        decl.name
      ).toEqual([])
    }
  })

  it('types the tags and the events for TypeScript users', () => {
    expectTypeOf(document.createElement('parley-discussion')).toEqualTypeOf<ParleyDiscussion>()
    expectTypeOf(document.createElement('parley-poll')).toEqualTypeOf<ParleyPoll>()
    expectTypeOf(document.createElement('parley-comment-form')).toEqualTypeOf<ParleyCommentForm>()
    expectTypeOf(document.createElement('parley-comments')).toEqualTypeOf<ParleyComments>()
    expectTypeOf(document.createElement('parley-comment')).toEqualTypeOf<ParleyComment>()
    expectTypeOf(document.createElement('parley-count')).toEqualTypeOf<ParleyCount>()
    type Detail<K extends keyof ParleyEventDetails> = GlobalEventHandlersEventMap[K]['detail']
    expectTypeOf<Detail<'parley-vote'>>().toEqualTypeOf<ParleyEventDetails['parley-vote']>()
    expectTypeOf<Detail<'parley-comment'>>().toEqualTypeOf<ParleyEventDetails['parley-comment']>()
    expectTypeOf<Detail<'parley-error'>>().toEqualTypeOf<ParleyEventDetails['parley-error']>()
    // Every public event is in the table above.
    const events: Record<keyof ParleyEventDetails, true> = {
      'parley-vote': true,
      'parley-comment': true,
      'parley-error': true,
    }
    expect(Object.keys(events).every((e) => EVENTS['parley-discussion']!.includes(e))).toBe(true)
  })
})

describe('the npm build (dist/index.js, dist/define.js, dist/locales and their chunks)', () => {
  it('imports only Lit and its own chunks, and bundles no zod', () => {
    const files = Object.entries(npmBuild)
    expect(files.map(([f]) => f)).toEqual(
      expect.arrayContaining(['../dist/index.js', '../dist/define.js'])
    )
    for (const [file, code] of files) {
      const specifiers = [...code.matchAll(/\b(?:from|import)\s*["']([^"']+)["']/g)].map(
        ([, s]) => s!
      )
      expect(
        specifiers.filter((s) => !/^(lit|lit\/[\w/-]+(\.js)?|\.\.?\/parley-[\w-]+\.js)$/.test(s)),
        file
      ).toEqual([])
      expect(code, file).not.toMatch(/\$ZodType|ZodError|zod/i)
    }
  })
})

describe('the size budget (.size-limit.json, `pnpm size` in CI)', () => {
  it('covers embed.js, parley-extras.js and every locale chunk', () => {
    const locales = Object.keys(import.meta.glob('./i18n/locales/*.ts')).map((file) =>
      file.replace(/^.*\/(\w+)\.ts$/, 'dist/parley-locale-$1.js')
    )
    const paths = sizeLimit.filter((check) => check.gzip).map((check) => check.path)
    expect(paths.sort()).toEqual(['dist/embed.js', 'dist/parley-extras.js', ...locales].sort())
    expect(sizeLimit.find((check) => check.path === 'dist/embed.js')?.limit).toBe('20 KiB')
  })
})
