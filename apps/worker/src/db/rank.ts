import type { SiteSettings } from '@parley/core'

/**
 * The "top" sort key of a comments row, as SQL: created hours + 48 × s / (s + 5), where s = 2 ×
 * direct replies + reactions × `reactionWeight` (an SQL expression, usually a parameter: 1 when the
 * site counts reactions in the ranking, else 0). The only copy in the Worker; see COMMENT_SORTS in
 * @parley/core and docs/decisions/0005-top-sort-and-counters.md. Plain arithmetic, because D1
 * refuses log10() and documents no math functions.
 */
export function rankSql(reactionWeight: string): string {
  const score = `(2 * reply_count + ${reactionWeight} * reaction_count)`
  return `created_at / 3600000.0 + 48.0 * ${score} / (${score} + 5.0)`
}

/** The value for rankSql's `reactionWeight` on this site. */
export const reactionWeight = (settings: SiteSettings): number =>
  settings.reactions.inRanking ? 1 : 0

/** ?1 comment id, ?2 reaction weight: re-ranks one comment from its counters. */
export const RERANK_COMMENT = `UPDATE comments SET rank = ${rankSql('?2')} WHERE id = ?1`
