-- Migration number: 0016 	 2026-11-29T14:30:00.000Z

-- descendant_count now counts, for every comment and not only a top-level one, the comments at
-- every depth below it that are published and not deleted placeholders: the listings keep a
-- hidden or deleted comment as a placeholder exactly when it is above zero, so a published reply
-- below several hidden ones keeps its path to the top
-- (docs/decisions/0003-comment-tree-and-pagination.md). Recounted here from the rows, as
-- src/db/counters.ts recounts them: each comment's subtree walked down comments_by_parent.
UPDATE comments SET descendant_count = (WITH RECURSIVE below(id) AS (
    SELECT b.id FROM comments b WHERE b.parent_id = comments.id
    UNION ALL
    SELECT b.id FROM comments b JOIN below ON b.parent_id = below.id
  ) SELECT COUNT(*) FROM below JOIN comments d ON d.id = below.id
  WHERE d.status = 'published' AND d.deleted_at IS NULL);
