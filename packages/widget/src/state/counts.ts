import { type Endpoint, getCounts, getThread, toApiError } from '../api/client.ts'

/**
 * Where `<parley-count>` elements without `api` or `site` send their request. The one-tag embed
 * sets them from its own script tag, so the publisher's article lists need only `thread`.
 */
export const countDefaults: Endpoint = { api: '', site: '' }

interface Batch {
  threads: Set<string>
  counts: Promise<Record<string, number>>
}

/** Batches waiting for the end of the current microtask, by API origin and site. */
const batches = new Map<string, Batch>()

/**
 * The comment count of a thread. Every call for the same API and site made before the current
 * microtask ends shares one GET …/counts request, so a list of fifty articles costs one request.
 */
export function countOf(ep: Endpoint, thread: string): Promise<number> {
  // The counts endpoint takes a comma-separated list: a key with a comma asks for its thread.
  if (thread.includes(','))
    return getThread(ep, thread).then(
      (t) => t.commentCount,
      (e: unknown) => {
        if (toApiError(e).code === 'thread_not_found') return 0
        throw e
      }
    )
  const key = `${ep.api}|${ep.site}`
  let batch = batches.get(key)
  if (!batch) {
    const threads = new Set<string>()
    const counts = Promise.resolve().then(() => {
      batches.delete(key)
      return getCounts(ep, [...threads])
    })
    batches.set(key, (batch = { threads, counts }))
  }
  batch.threads.add(thread)
  return batch.counts.then((counts) => counts[thread] ?? 0)
}
