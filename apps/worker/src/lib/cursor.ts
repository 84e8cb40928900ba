import {
  CommentIdSchema,
  LangTagSchema,
  ListCommentsQuerySchema,
  POLL_OPTIONS_STORED_MAX,
} from '@parley/core'
import { z } from 'zod'
import { decodeBase64Url, encodeBase64Url } from './base64url.ts'

/** A stance filter or stance group as the API names it: an option id ("o_12") or "none". */
export type StanceKey = string
const StanceKeySchema = ListCommentsQuerySchema.shape.stance.unwrap()

/**
 * A listing paged along one (key, id) order: top-level comments newest, oldest or top first, or
 * one comment's replies (oldest first). "balanced" interleaves several such orders and has its
 * own cursor, BalancedCursor.
 */
export type CursorOrder = 'newest' | 'oldest' | 'top' | 'replies'

/**
 * The position after the last comment of a page, for keyset pagination over (key, id): the key is
 * created_at for newest, oldest and replies, and rank for top. It carries the order and the
 * filters it was made for, so it cannot be replayed against another listing.
 */
export interface Cursor {
  order: CursorOrder
  lang: string | null
  stance: StanceKey | null
  key: number
  id: string
}

/** Where one stance group of a balanced walk stands: after the comment with this (rank, id). */
export interface GroupPosition {
  group: StanceKey
  key: number
  id: string
}

/**
 * The position after a page of the balanced sort: each stance group's own "top" position (groups
 * not listed have not started), and the group of the page's last comment, whose successor in turn
 * order starts the next page.
 */
export interface BalancedCursor {
  order: 'balanced'
  last: StanceKey
  positions: GroupPosition[]
}

// [order, lang, key, id], then the stance filter when there is one.
const CursorTupleSchema = z
  .tuple([
    z.enum(['newest', 'oldest', 'top', 'replies']),
    LangTagSchema.nullable(),
    z.number(),
    CommentIdSchema,
  ])
  .rest(StanceKeySchema)
  // Time keys are whole milliseconds; rank keys are any finite number.
  .refine(([order, , key]) => (order === 'top' ? Number.isFinite(key) : Number.isSafeInteger(key)))
  .refine((tuple) => tuple.length <= 5)
  .refine(([order, lang, , , stance]) => order !== 'replies' || (lang === null && !stance))

// ['balanced', last group, [[group, rank, id], …]], at most one position per group.
const BalancedTupleSchema = z
  .tuple([
    z.literal('balanced'),
    StanceKeySchema,
    z
      .array(z.tuple([StanceKeySchema, z.number(), CommentIdSchema]))
      .max(POLL_OPTIONS_STORED_MAX + 1),
  ])
  .refine(([, , positions]) => new Set(positions.map(([group]) => group)).size === positions.length)

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Opaque to clients: base64url of a small JSON tuple. */
const encodeTuple = (tuple: unknown[]) => encodeBase64Url(encoder.encode(JSON.stringify(tuple)))

function decodeTuple(text: string): unknown {
  const bytes = decodeBase64Url(text)
  if (!bytes) return undefined
  try {
    return JSON.parse(decoder.decode(bytes))
  } catch {
    return undefined
  }
}

export function encodeCursor(cursor: Cursor): string {
  const tuple = [cursor.order, cursor.lang, cursor.key, cursor.id]
  return encodeTuple(cursor.stance === null ? tuple : [...tuple, cursor.stance])
}

/** Returns null for anything this server did not produce as a Cursor. */
export function decodeCursor(text: string): Cursor | null {
  const parsed = CursorTupleSchema.safeParse(decodeTuple(text))
  if (!parsed.success) return null
  const [order, lang, key, id, stance = null] = parsed.data
  return { order, lang, stance, key, id }
}

export function encodeBalancedCursor(cursor: BalancedCursor): string {
  const positions = cursor.positions.map((p) => [p.group, p.key, p.id])
  return encodeTuple(['balanced', cursor.last, positions])
}

/** Returns null for anything this server did not produce as a BalancedCursor. */
export function decodeBalancedCursor(text: string): BalancedCursor | null {
  const parsed = BalancedTupleSchema.safeParse(decodeTuple(text))
  if (!parsed.success) return null
  const [order, last, positions] = parsed.data
  return { order, last, positions: positions.map(([group, key, id]) => ({ group, key, id })) }
}
