import { COMMENT_SORTS, CommentIdSchema, type CommentSort } from '@parley/core'
import { z } from 'zod'
import { decodeBase64Url, encodeBase64Url } from './base64url.ts'

/** The position after the last comment of a page: keyset pagination over (created_at, id). */
export interface Cursor {
  sort: CommentSort
  createdAt: number
  id: string
}

const CursorTupleSchema = z.tuple([z.enum(COMMENT_SORTS), z.int().nonnegative(), CommentIdSchema])

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Opaque to clients: base64url of a small JSON tuple. */
export function encodeCursor(cursor: Cursor): string {
  return encodeBase64Url(encoder.encode(JSON.stringify([cursor.sort, cursor.createdAt, cursor.id])))
}

/** Returns null for anything this server did not produce. */
export function decodeCursor(text: string): Cursor | null {
  const bytes = decodeBase64Url(text)
  if (!bytes) return null
  let value: unknown
  try {
    value = JSON.parse(decoder.decode(bytes))
  } catch {
    return null
  }
  const parsed = CursorTupleSchema.safeParse(value)
  if (!parsed.success) return null
  const [sort, createdAt, id] = parsed.data
  return { sort, createdAt, id }
}
