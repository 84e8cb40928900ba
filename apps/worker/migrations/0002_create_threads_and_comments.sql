-- Migration number: 0002 	 2026-11-29T03:22:00.791Z

-- A thread is a page of a site. It is created by its first comment (or by the seed / poll:add).
CREATE TABLE threads (
  id INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id),
  key TEXT NOT NULL,
  title TEXT,
  -- Comments including replies; kept exact by updating it in the same batch as each insert.
  comment_count INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
  created_at INTEGER NOT NULL,
  UNIQUE (site_id, key)
) STRICT;

CREATE TABLE comments (
  id TEXT PRIMARY KEY NOT NULL,
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  site_id TEXT NOT NULL REFERENCES sites (id),
  parent_id TEXT REFERENCES comments (id),
  -- The top-level ancestor (= id for a top-level comment): one index lookup loads a whole subtree.
  root_id TEXT NOT NULL,
  depth INTEGER NOT NULL DEFAULT 0 CHECK (depth >= 0),
  reader_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  text TEXT NOT NULL,
  lang TEXT,
  idempotency_key TEXT,
  -- Milliseconds since the epoch, UTC.
  created_at INTEGER NOT NULL,
  CHECK ((parent_id IS NULL AND root_id = id AND depth = 0) OR (parent_id IS NOT NULL AND depth > 0)),
  -- A retried POST with the same Idempotency-Key cannot create a second comment.
  UNIQUE (reader_id, idempotency_key)
) STRICT;

-- Keyset pages of top-level comments, newest or oldest first: (created_at, id) is the cursor.
CREATE INDEX comments_top_level ON comments (thread_id, created_at, id) WHERE parent_id IS NULL;
-- All replies under the top-level comments of one page, oldest first.
CREATE INDEX comments_by_root ON comments (root_id, created_at, id) WHERE parent_id IS NOT NULL;
-- Direct reply counts.
CREATE INDEX comments_by_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;

-- One reaction per reader per comment. Read-only in the API for now; the demo seed fills it.
CREATE TABLE reactions (
  comment_id TEXT NOT NULL REFERENCES comments (id),
  reader_id TEXT NOT NULL,
  emoji TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, reader_id)
) STRICT, WITHOUT ROWID;
