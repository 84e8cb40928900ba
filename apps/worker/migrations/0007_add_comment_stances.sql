-- Migration number: 0007 	 2026-11-29T10:00:00.000Z

-- A comment's stance (issue 4): the option its author had voted for in the thread's stance poll
-- (its first single-choice poll) when posting, if they chose to show it. A snapshot: later vote
-- changes leave it alone. The option row also names the poll (poll_options.poll_id). See
-- docs/decisions/0007-stance-and-balanced-sort.md.
ALTER TABLE comments ADD COLUMN stance_option_id INTEGER REFERENCES poll_options (id);

-- The stance filter, newest or oldest first.
CREATE INDEX comments_top_stance ON comments (thread_id, stance_option_id, created_at, id)
  WHERE parent_id IS NULL;
-- The stance filter by "top", each stance group of the balanced sort, and the per-stance counts of
-- GET thread. The trailing parent_id (always NULL here) lets the balanced sort's candidates and
-- the counts read the index alone, as comments_top_lang does for the language counts.
CREATE INDEX comments_top_stance_rank ON comments (thread_id, stance_option_id, rank, id, parent_id)
  WHERE parent_id IS NULL;
-- Comments showing an option as their stance, replies included: deleting an option checks it,
-- and so does the foreign key.
CREATE INDEX comments_by_stance ON comments (stance_option_id) WHERE stance_option_id IS NOT NULL;
