-- Migration number: 0015 	 2026-11-29T13:00:00.000Z

-- A reader's data, found by reader id: their export (GET …/readers/me/data) and their erasure read
-- these instead of scanning whole tables (docs/decisions/0019-reader-data-and-retention.md).
-- comments_by_reader (0008) already serves comments.
CREATE INDEX reactions_by_reader ON reactions (reader_id);
CREATE INDEX reports_by_reader ON reports (reader_id);
CREATE INDEX ballots_by_reader ON ballots (reader_id);
CREATE INDEX appeals_by_reader ON appeals (site_id, reader_id);

-- The retention clean-up (src/scheduled.ts) clears data older than the site's retention period, a
-- bounded batch at a time, oldest first.
CREATE INDEX comments_retained ON comments (site_id, created_at)
  WHERE network_hash IS NOT NULL OR idempotency_key IS NOT NULL;
CREATE INDEX reports_with_note ON reports (created_at) WHERE note IS NOT NULL;
CREATE INDEX notices_decided ON notices (site_id, decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX appeals_decided ON appeals (site_id, decided_at) WHERE decided_at IS NOT NULL;

-- Rows one erasure batch notes before it changes anything: the trees it touches, the comments the
-- reader reacted to or reported, and what happens to each of the reader's comments. Written and
-- emptied again inside that one batch (one transaction), so no one else ever sees a row here.
CREATE TABLE erasure_scratch (
  erasure TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('root', 'reacted', 'reported', 'drop', 'blank')),
  id TEXT NOT NULL,
  PRIMARY KEY (erasure, kind, id)
) STRICT, WITHOUT ROWID;
