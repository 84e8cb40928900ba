import type { ModerationSettings } from '@parley/core'
import type { StoredStatus } from '../db/moderation-writes.ts'
import { moderationReader, readerHistory, type ReaderHistory } from '../db/reader-history.ts'
import { classifyComment } from '../moderation/classifier.ts'
import { moderate, type ModerationReason, type Verdict } from '../moderation/pipeline.ts'

// How a reader's comment meets the pipeline (src/moderation/pipeline.ts) when it is posted or
// edited: its author's history, the classifier when the site asks for it, and what the verdict
// makes of the comment.

export interface Submission {
  text: string
  authorName: string
  lang: string | null
  siteId: string
  readerId: string
  now: number
  /** An edit: posting speed is about posting, so it does not count. */
  edit: boolean
}

/**
 * The pipeline's verdict on a comment: its author's history (comments_by_reader) and the
 * classifier (only when the site turned it on and the Worker has one; it never fails a comment)
 * are looked up at once.
 */
export async function verdictFor(
  env: Env,
  settings: ModerationSettings,
  s: Submission,
  // A post reads the history in its own batch, with the ban and the parent.
  history: Promise<ReaderHistory> = readerHistory(env.DB, s.siteId, s.readerId, s.now)
): Promise<Verdict> {
  const [past, classifier] = await Promise.all([history, classifyComment(env, settings, s.text)])
  const reader = moderationReader(past, s.now)
  return moderate(
    {
      text: s.text,
      authorName: s.authorName,
      lang: s.lang,
      reader: s.edit ? { ...reader, secondsSinceLastComment: null } : reader,
    },
    settings,
    classifier
  )
}

/** publish → published, hold → pending (awaiting review), reject → spam. */
export const statusOf = (verdict: Verdict): StoredStatus =>
  verdict.decision === 'publish' ? 'published' : verdict.decision === 'hold' ? 'pending' : 'spam'

/** comments.moderation: the verdict as stored, with any reason added (a shadow ban). */
export const verdictJson = (verdict: Verdict, extra: ModerationReason[] = []): string =>
  JSON.stringify({
    decision: verdict.decision,
    score: verdict.score,
    reasons: [...verdict.reasons, ...extra],
  })

/**
 * The statement of reasons (DSA art. 17) of a comment the pipeline rejected as spam, which its
 * author sees: that an automatic filter decided, on which signals, and that they may appeal.
 */
export function automaticSpamStatement(verdict: Verdict): string {
  const signals = [...new Set(verdict.reasons.map((r) => r.signal.replaceAll('_', ' ')))]
  return `Our automatic filter rejected this comment as spam${signals.length ? ` (signals: ${signals.join(', ')})` : ''}. No moderator has reviewed it yet; you may appeal.`
}

/** comments.removal of a comment rejected as spam when posted. */
export const automaticSpamRemoval = (verdict: Verdict, now: number): string =>
  JSON.stringify({ reason: 'spam', statement: automaticSpamStatement(verdict), at: now })
