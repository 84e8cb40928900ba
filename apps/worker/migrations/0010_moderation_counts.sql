-- Migration number: 0010 	 2026-11-29T11:00:00.000Z

-- The per-stance counts of GET thread count published comments only (0008): status joins the
-- index they read, as it joined comments_top_lang, so the counts still read no table rows.
DROP INDEX comments_top_stance_rank;
CREATE INDEX comments_top_stance_rank ON comments (thread_id, stance_option_id, rank, id, parent_id,
  status) WHERE parent_id IS NULL;
