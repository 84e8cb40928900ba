export interface Change {
  /** Dotted path of the value, e.g. "settings.moderation.mode". */
  field: string
  from: unknown
  to: unknown
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The values that differ between two JSON-like objects, leaf by leaf (arrays compared whole), for
 * the audit log's "what changed".
 */
export function changesBetween(before: unknown, after: unknown, prefix = ''): Change[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    return keys.flatMap((key) =>
      changesBetween(before[key], after[key], prefix ? `${prefix}.${key}` : key)
    )
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return []
  return [{ field: prefix, from: before ?? null, to: after ?? null }]
}
