// The admin listings (bans, notices, appeals) page newest first over (created_at, id). Their
// cursor is "<created_at>.<id>" of a page's last item; core's AdminCursorSchema checks its shape.

export interface AdminCursor {
  createdAt: number
  id: string
}

export const encodeAdminCursor = (item: AdminCursor): string => `${item.createdAt}.${item.id}`

/** The position of a cursor that passed AdminCursorSchema, or null without one. */
export function decodeAdminCursor(text: string | undefined): AdminCursor | null {
  if (text === undefined) return null
  const dot = text.indexOf('.')
  return { createdAt: Number(text.slice(0, dot)), id: text.slice(dot + 1) }
}

/** nextCursor of a page: the last item's position when there are more. */
export const nextAdminCursor = (last: AdminCursor | undefined, more: boolean): string | null =>
  more && last ? encodeAdminCursor(last) : null
