-- Migration number: 0003 	 2026-11-29T03:22:01.670Z

CREATE TABLE polls (
  id INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id),
  key TEXT NOT NULL,
  -- The thread the poll is shown with, if any; a poll can also be embedded on its own.
  thread_id INTEGER REFERENCES threads (id),
  question TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (site_id, key)
) STRICT;

CREATE INDEX polls_by_thread ON polls (thread_id) WHERE thread_id IS NOT NULL;

-- Exposed on the wire as OptionId "o_<id>".
CREATE TABLE poll_options (
  id INTEGER PRIMARY KEY,
  poll_id INTEGER NOT NULL REFERENCES polls (id),
  label TEXT NOT NULL,
  position INTEGER NOT NULL,
  UNIQUE (poll_id, position),
  -- Target of the votes foreign key below, which keeps every vote inside its own poll.
  UNIQUE (poll_id, id)
) STRICT;

CREATE TABLE votes (
  poll_id INTEGER NOT NULL REFERENCES polls (id),
  reader_id TEXT NOT NULL,
  option_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- One vote per reader per poll, enforced by the database; PUT vote upserts on it.
  UNIQUE (poll_id, reader_id),
  FOREIGN KEY (poll_id, option_id) REFERENCES poll_options (poll_id, id)
) STRICT;

-- Tallies: COUNT(*) per option of one poll reads only this index.
CREATE INDEX votes_by_option ON votes (poll_id, option_id);
