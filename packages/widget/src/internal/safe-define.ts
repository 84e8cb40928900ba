/** The widget version, compared when another copy already registered a tag. */
export const VERSION = '0.1.0'

type VersionedConstructor = CustomElementConstructor & { version?: string }

/**
 * Registers a custom element unless the tag is taken. Loading the embed script twice, or the npm
 * build next to the script-tag build, must never throw "has already been defined".
 */
export function safeDefine(tag: string, ctor: VersionedConstructor): void {
  const existing: VersionedConstructor | undefined = customElements.get(tag)
  if (!existing) customElements.define(tag, ctor)
  else if (existing !== ctor && existing.version !== ctor.version)
    console.warn(
      `[parley] <${tag}> is already defined by version ${existing.version ?? '?'}; keeping it`
    )
}
