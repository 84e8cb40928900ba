-- Migration number: 0006 	 2026-11-29T08:00:00.000Z

-- Poll model v2 (issue 4): single or multiple choice, open and close times, results visibility,
-- locked votes, hidden options. A reader's vote becomes a ballot (one per reader per poll) holding
-- one vote row per chosen option. Every existing vote is carried over as a one-option ballot.

ALTER TABLE polls ADD COLUMN kind TEXT NOT NULL DEFAULT 'single' CHECK (kind IN ('single', 'multiple'));
ALTER TABLE polls ADD COLUMN max_choices INTEGER NOT NULL DEFAULT 1 CHECK (max_choices >= 1);
-- Milliseconds since the epoch, UTC; NULL leaves that side open.
ALTER TABLE polls ADD COLUMN opens_at INTEGER;
ALTER TABLE polls ADD COLUMN closes_at INTEGER;
ALTER TABLE polls ADD COLUMN results_visibility TEXT NOT NULL DEFAULT 'always'
  CHECK (results_visibility IN ('always', 'after_vote', 'after_close'));
ALTER TABLE polls ADD COLUMN allow_vote_change INTEGER NOT NULL DEFAULT 1 CHECK (allow_vote_change IN (0, 1));
-- Ballots cast; kept exact by the triggers below.
ALTER TABLE polls ADD COLUMN voter_count INTEGER NOT NULL DEFAULT 0 CHECK (voter_count >= 0);
ALTER TABLE polls ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
-- A random token written by each admin edit. An edit's batch only touches options while the token
-- is its own, so two edits made from the same state cannot interleave (the second gets 409).
ALTER TABLE polls ADD COLUMN edit_token TEXT;
UPDATE polls SET updated_at = created_at;
-- The admin list, newest first per site.
CREATE INDEX polls_by_site ON polls (site_id, id);

-- Hidden options are not shown to readers nor votable, and keep their votes (options that have
-- votes cannot be deleted).
ALTER TABLE poll_options ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
-- Votes for this option; kept exact by the triggers below, so reading results never counts rows.
ALTER TABLE poll_options ADD COLUMN vote_count INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0);

-- The old one-row-per-reader table makes way for ballots + votes.
DROP INDEX votes_by_option;
ALTER TABLE votes RENAME TO votes_v1;

-- One ballot per reader per poll, enforced by the database: PUT vote upserts on it.
CREATE TABLE ballots (
  id INTEGER PRIMARY KEY,
  poll_id INTEGER NOT NULL REFERENCES polls (id),
  reader_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- A random token written by the request that last changed the ballot: the later statements of
  -- that request's batch act only while the token is theirs (see src/db/ballots.ts).
  write_token TEXT,
  UNIQUE (poll_id, reader_id),
  -- Target of the votes foreign key below, which keeps every vote inside its ballot's poll.
  UNIQUE (poll_id, id)
) STRICT;

-- One row per chosen option of a ballot.
CREATE TABLE votes (
  ballot_id INTEGER NOT NULL,
  poll_id INTEGER NOT NULL,
  option_id INTEGER NOT NULL,
  PRIMARY KEY (ballot_id, option_id),
  FOREIGN KEY (poll_id, ballot_id) REFERENCES ballots (poll_id, id),
  FOREIGN KEY (poll_id, option_id) REFERENCES poll_options (poll_id, id)
) STRICT, WITHOUT ROWID;
-- "Does this option have votes?" before deleting it, and the foreign key check that backs it.
CREATE INDEX votes_by_option ON votes (poll_id, option_id);

INSERT INTO ballots (poll_id, reader_id, created_at, updated_at)
  SELECT poll_id, reader_id, created_at, updated_at FROM votes_v1;
INSERT INTO votes (ballot_id, poll_id, option_id)
  SELECT b.id, v.poll_id, v.option_id
  FROM votes_v1 v JOIN ballots b ON b.poll_id = v.poll_id AND b.reader_id = v.reader_id;
DROP TABLE votes_v1;

UPDATE poll_options SET vote_count = (SELECT COUNT(*) FROM votes v WHERE v.option_id = poll_options.id);
UPDATE polls SET voter_count = (SELECT COUNT(*) FROM ballots b WHERE b.poll_id = polls.id);

-- Counters follow the rows inside the same transaction, whoever writes them.
CREATE TRIGGER votes_count_insert AFTER INSERT ON votes BEGIN
  UPDATE poll_options SET vote_count = vote_count + 1 WHERE id = NEW.option_id;
END;
CREATE TRIGGER votes_count_delete AFTER DELETE ON votes BEGIN
  UPDATE poll_options SET vote_count = vote_count - 1 WHERE id = OLD.option_id;
END;
-- Changing a vote deletes and inserts rows, so the counters above are all there is to keep exact.
CREATE TRIGGER votes_no_update BEFORE UPDATE ON votes BEGIN
  SELECT RAISE(ABORT, 'votes are replaced, never updated');
END;
CREATE TRIGGER ballots_count_insert AFTER INSERT ON ballots BEGIN
  UPDATE polls SET voter_count = voter_count + 1 WHERE id = NEW.poll_id;
END;
CREATE TRIGGER ballots_count_delete AFTER DELETE ON ballots BEGIN
  UPDATE polls SET voter_count = voter_count - 1 WHERE id = OLD.poll_id;
END;
