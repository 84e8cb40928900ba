-- Migration number: 0001 	 2026-11-29T07:00:00.000Z

-- The least a comments table can be: what the baseline lists and inserts, with the index that
-- makes the listing a range scan.
CREATE TABLE comments (
  id TEXT PRIMARY KEY NOT NULL,
  thread_id INTEGER NOT NULL,
  author_name TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX comments_by_thread ON comments (thread_id, created_at, id);
