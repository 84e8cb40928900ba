import type { Comment, DeleteResult, NewNoticeInput, NewReport } from '@parley/core'
import { APPEAL_ROUTE, COMMENT_ROUTE, NOTICES_ROUTE, REPORTS_ROUTE } from '@parley/core/routes'
import type { ApiError } from '../api/client.ts'
import type { FormHost } from './forms.ts'

// What the forms send, and what it changes in the thread store. They reject with the client's
// ApiError.

/** Saves the author's new text; the comment keeps its replies. */
export async function edit({ c, store, call }: FormHost, text: string): Promise<void> {
  const updated = await call<Comment>(COMMENT_ROUTE, 'PATCH', { text })
  store.patch(c.id, (x) => ({ ...updated, replies: x.replies }))
}

/** Deletes the reader's comment: it disappears, or stays as a placeholder over its replies. */
export async function remove({ c, store, call }: FormHost): Promise<void> {
  const { outcome } = await call<DeleteResult>(COMMENT_ROUTE, 'DELETE')
  const placeholder = outcome === 'placeholder'
  // Only published comments are counted; a deleted one left as a placeholder no longer is.
  const counted = c.status === 'published'
  if (store.count && counted) store.count--
  store.patch(
    c.id,
    (x) =>
      placeholder
        ? {
            ...x,
            deleted: true,
            author: { name: '', badges: [] },
            text: '',
            html: '',
            mine: false,
            editableUntil: null,
          }
        : null,
    counted ? -1 : 0
  )
}

/** Reports a comment once; a report this reader sent before counts as sent. */
export async function report({ c, store, call }: FormHost, body: NewReport): Promise<void> {
  try {
    await call(REPORTS_ROUTE, 'POST', body)
  } catch (e) {
    if ((e as ApiError).code !== 'already_reported') throw e
  }
  store.reported.add(c.id)
}

/** Sends an EU Digital Services Act notice of illegal content (no reader token needed). */
export async function notice({ c, store, call }: FormHost, body: NewNoticeInput): Promise<void> {
  await call(NOTICES_ROUTE, 'POST', body, 'none')
  store.reported.add(c.id)
}

/** The author contests the removal of their comment; the appeal is then open. */
export async function appeal({ c, store, call }: FormHost, text: string): Promise<void> {
  await call(APPEAL_ROUTE, 'POST', { text })
  store.patch(c.id, (x) => ({ ...x, removal: { ...x.removal!, appeal: 'open' } }))
}
