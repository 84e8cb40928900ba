// The Custom Elements Manifest (dist/custom-elements.json, package.json "customElements"), read by
// editors, Storybook and framework wrapper generators. `cem analyze` writes it in `build` and
// before `test` (src/manifest.test.ts checks it against the registered elements).
//
// The analyzer's Lit support reads `static properties` and the JSDoc above each class (@summary,
// @event, @csspart, @cssproperty). This plugin adds what it cannot know about our code:
// - which tag each class gets: we register through safeDefine('parley-x', Class) in define.ts,
//   not customElements.define;
// - that `{ state: true }` properties are internal state, not attributes;
// - the type of each event's `detail` (src/events.ts);
// and leaves out private and protected members, which no page can use.

/** The event types of src/events.ts, by event name. */
const EVENT_TYPES = {
  'parley-vote': 'ParleyVoteEvent',
  'parley-comment': 'ParleyCommentEvent',
  'parley-error': 'ParleyErrorEvent',
  'parley-cancel': 'Event',
}

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function parley() {
  /** tag → { name, module } of the class define.ts registers under it */
  const definitions = new Map()
  /** class name → the module define.ts imports it from */
  const imports = new Map()
  /** names of `{ state: true }` properties, in any class */
  const states = new Set()

  return {
    name: 'parley',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isClassDeclaration(node)) {
        for (const member of node.members) {
          const isProperties =
            ts.isPropertyDeclaration(member) &&
            member.name.getText() === 'properties' &&
            member.initializer &&
            ts.isObjectLiteralExpression(member.initializer)
          if (!isProperties) continue
          for (const prop of member.initializer.properties) {
            if (/\bstate\s*:\s*true\b/.test(prop.getText())) states.add(prop.name.getText())
          }
        }
      }
      if (!moduleDoc.path.endsWith('src/define.ts')) return
      if (ts.isImportDeclaration(node)) {
        const from = node.moduleSpecifier.text.replace(/^\.\//, 'src/')
        for (const el of node.importClause?.namedBindings?.elements ?? [])
          imports.set(el.name.text, from)
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.getText() === 'safeDefine' &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const tag = node.arguments[0].text
        const name = node.arguments[1].getText()
        definitions.set(tag, { name, module: imports.get(name) })
        moduleDoc.exports ??= []
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: tag,
          declaration: { name, module: imports.get(name) },
        })
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules
      for (const mod of modules) {
        // safeDefine's own customElements.define(tag, ctor) names no element.
        mod.exports = mod.exports?.filter(
          (e) => e.kind !== 'custom-element-definition' || e.name.startsWith('parley-')
        )
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue
          decl.members = decl.members?.filter(
            (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#')
          )
          decl.attributes = decl.attributes?.filter((a) => !states.has(a.fieldName ?? a.name))
          for (const event of decl.events ?? []) {
            const type = EVENT_TYPES[event.name]
            if (type) event.type = { text: type }
          }
        }
      }
      for (const [tag, { name, module }] of definitions) {
        const decl = modules
          .find((m) => m.path === module)
          ?.declarations?.find((d) => d.name === name)
        if (!decl) throw new Error(`[parley] ${tag}: no class ${name} in ${module}`)
        decl.customElement = true
        decl.tagName = tag
      }
    },
  }
}

export default {
  globs: [
    'src/define.ts',
    'src/events.ts',
    'src/internal/parley-element.ts',
    'src/components/*/*.ts',
  ],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself; the analyzer would rewrite the file.
  packagejson: false,
  plugins: [parley()],
}
