-- Migration number: 0004 	 2026-11-29T06:30:00.000Z

-- Site and thread settings as JSON validated by @parley/core (SiteSettingsSchema, ThreadSettingsSchema);
-- '{}' means every default.
ALTER TABLE sites ADD COLUMN settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings));
ALTER TABLE threads ADD COLUMN settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings));

-- The sanitized rendering of `text`, made on write; NULL for rows written before this migration
-- (rendered on read).
ALTER TABLE comments ADD COLUMN html TEXT;
ALTER TABLE comments ADD COLUMN edited_at INTEGER;
-- Set when the author deletes a comment that has replies: it stays as a placeholder.
ALTER TABLE comments ADD COLUMN deleted_at INTEGER;
-- JSON array of badges ("author", "expert", "verified").
ALTER TABLE comments ADD COLUMN badges TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(badges));
-- Counters kept exact by updating them in the same batch (transaction) as each write.
ALTER TABLE comments ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0 CHECK (reply_count >= 0);
ALTER TABLE comments ADD COLUMN descendant_count INTEGER NOT NULL DEFAULT 0 CHECK (descendant_count >= 0);
ALTER TABLE comments ADD COLUMN reaction_count INTEGER NOT NULL DEFAULT 0 CHECK (reaction_count >= 0);
-- The same reactions per emoji, as a JSON object ({"👍": 3}), so a page reads counts from its rows.
ALTER TABLE comments ADD COLUMN reaction_counts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reaction_counts));
ALTER TABLE comments ADD COLUMN report_count INTEGER NOT NULL DEFAULT 0 CHECK (report_count >= 0);
-- The "top" sort key: created hours + 48 × s / (s + 5), s = 2 × replies + reactions (see
-- COMMENT_SORTS in @parley/core; the Worker's copy is rankSql in src/db/rank.ts). Stored so that
-- "top" pages are index range scans.
ALTER TABLE comments ADD COLUMN rank REAL NOT NULL DEFAULT 0;

UPDATE comments SET
  reply_count = (SELECT COUNT(*) FROM comments r WHERE r.parent_id = comments.id),
  descendant_count = CASE WHEN parent_id IS NULL
    THEN (SELECT COUNT(*) FROM comments d WHERE d.root_id = comments.id AND d.parent_id IS NOT NULL)
    ELSE 0 END,
  reaction_count = (SELECT COUNT(*) FROM reactions x WHERE x.comment_id = comments.id),
  reaction_counts = (SELECT json_group_object(emoji, n) FROM
    (SELECT emoji, COUNT(*) AS n FROM reactions x WHERE x.comment_id = comments.id GROUP BY emoji));
UPDATE comments SET rank = created_at / 3600000.0
  + 48.0 * (2 * reply_count + reaction_count) / (2 * reply_count + reaction_count + 5.0);

CREATE INDEX comments_top_rank ON comments (thread_id, rank, id) WHERE parent_id IS NULL;
-- The language filter, for each sort. The trailing parent_id (always NULL here) makes the first a
-- covering index for the per-language counts of GET thread, so they read no table rows.
CREATE INDEX comments_top_lang ON comments (thread_id, lang, created_at, id, parent_id)
  WHERE parent_id IS NULL;
CREATE INDEX comments_top_lang_rank ON comments (thread_id, lang, rank, id) WHERE parent_id IS NULL;

-- Earlier texts of edited comments (by the author now; by moderators in the moderation issue).
CREATE TABLE comment_revisions (
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  -- When this text was replaced.
  replaced_at INTEGER NOT NULL,
  editor TEXT NOT NULL CHECK (editor IN ('author', 'moderator')),
  PRIMARY KEY (comment_id, replaced_at)
) STRICT, WITHOUT ROWID;

-- One report per reader per comment; they feed the moderation queue.
CREATE TABLE reports (
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  reader_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('spam', 'abuse', 'off_topic', 'other')),
  note TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, reader_id)
) STRICT, WITHOUT ROWID;
