-- Migration number: 0008 	 2026-11-29T09:00:00.000Z

-- Moderation state of each comment (docs/decisions/0008-moderation-pipeline.md):
--   published  everyone sees it;
--   pending    held for review: only its author sees it, marked "awaiting review";
--   removed    removed by a moderator: a tombstone with the statement of reasons (unless the site
--              turns tombstones off), the text only for its author;
--   spam       rejected as spam: nobody but its author sees it;
--   shadow     written under a shadow ban: its author sees it as published, nobody else does.
-- The counters (thread comment_count, reply_count, descendant_count) count published comments only.
ALTER TABLE comments ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
  CHECK (status IN ('published', 'pending', 'removed', 'spam', 'shadow'));
-- The pipeline's verdict: JSON {"score": 1.5, "reasons": [{"signal": "links", "detail": "…"}]}.
ALTER TABLE comments ADD COLUMN moderation TEXT NOT NULL DEFAULT '{}'
  CHECK (json_valid(moderation));
-- When a moderator last decided on it: reports do not hide a reviewed comment again.
ALTER TABLE comments ADD COLUMN reviewed_at INTEGER;
-- The statement of reasons of a removal (DSA art. 17): JSON {"reason", "statement", "at"}.
ALTER TABLE comments ADD COLUMN removal TEXT CHECK (removal IS NULL OR json_valid(removal));
ALTER TABLE comments ADD COLUMN pinned_at INTEGER;
-- HMAC of the poster's network under a key derived from a Worker secret, for bans by network. Never
-- the address itself; cleared with the rest of a reader's data.
ALTER TABLE comments ADD COLUMN network_hash TEXT;

-- The moderation queue: held and removed comments, reported ones, and everything recent, per site.
CREATE INDEX comments_by_status ON comments (site_id, status, created_at) WHERE status <> 'published';
CREATE INDEX comments_reported ON comments (site_id, created_at) WHERE report_count > 0;
CREATE INDEX comments_by_site ON comments (site_id, created_at);
-- A reader's comments (bans, first-time-reader and posting-speed signals, GDPR requests).
CREATE INDEX comments_by_reader ON comments (site_id, reader_id, created_at);
CREATE INDEX comments_pinned ON comments (thread_id, pinned_at) WHERE pinned_at IS NOT NULL;
-- The per-language counts of GET thread count published comments; status keeps the index covering.
DROP INDEX comments_top_lang;
CREATE INDEX comments_top_lang ON comments (thread_id, lang, created_at, id, parent_id, status)
  WHERE parent_id IS NULL;

-- Per-site API keys. Only a SHA-256 of the secret part is stored; the key is shown once.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('moderator', 'admin')),
  secret_hash TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
) STRICT;
CREATE INDEX api_keys_by_site ON api_keys (site_id, created_at);

-- Every admin action: who (key id, or "owner" for the ADMIN_TOKEN), what, on what, when, why.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id),
  actor TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  reason TEXT,
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_log_by_site ON audit_log (site_id, id);
CREATE INDEX audit_log_by_target ON audit_log (site_id, target_type, target_id, id);

-- Bans by reader id or by network hash (comments.network_hash). expires_at NULL: for good.
CREATE TABLE bans (
  id TEXT PRIMARY KEY NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites (id),
  kind TEXT NOT NULL CHECK (kind IN ('reader', 'network')),
  subject TEXT NOT NULL,
  shadow INTEGER NOT NULL DEFAULT 0 CHECK (shadow IN (0, 1)),
  reason TEXT NOT NULL,
  comment_id TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  lifted_at INTEGER
) STRICT;
CREATE INDEX bans_by_subject ON bans (site_id, kind, subject);
CREATE INDEX bans_by_site ON bans (site_id, created_at);

-- EU Digital Services Act notices (art. 16): anyone may flag a comment as illegal content.
CREATE TABLE notices (
  id TEXT PRIMARY KEY NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites (id),
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  law TEXT NOT NULL,
  explanation TEXT NOT NULL,
  reporter_name TEXT NOT NULL,
  reporter_email TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'actioned', 'dismissed')),
  decision TEXT,
  created_at INTEGER NOT NULL,
  decided_at INTEGER
) STRICT;
CREATE INDEX notices_by_site ON notices (site_id, status, created_at);

-- The author's appeal against a removal (DSA art. 20). One per comment.
CREATE TABLE appeals (
  comment_id TEXT PRIMARY KEY NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  site_id TEXT NOT NULL REFERENCES sites (id),
  reader_id TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'reversed')),
  decision TEXT,
  created_at INTEGER NOT NULL,
  decided_at INTEGER
) STRICT;
CREATE INDEX appeals_by_site ON appeals (site_id, status, created_at);

-- Experts a site puts readers' questions to, and their answers under readers' comments.
CREATE TABLE experts (
  id TEXT PRIMARY KEY NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites (id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  organisation TEXT NOT NULL,
  photo_url TEXT,
  created_at INTEGER NOT NULL,
  archived_at INTEGER
) STRICT;
CREATE INDEX experts_by_site ON experts (site_id, name);

CREATE TABLE expert_responses (
  id TEXT PRIMARY KEY NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites (id),
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  expert_id TEXT NOT NULL REFERENCES experts (id),
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('published', 'pending')),
  invitation_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX expert_responses_by_comment ON expert_responses (comment_id, created_at);
CREATE INDEX expert_responses_by_thread ON expert_responses (thread_id, status, created_at);

-- Signed, expiring links that let an expert answer one comment without an account. The link carries
-- the id and an HMAC; the row lets a moderator revoke it and the console list unanswered ones.
CREATE TABLE expert_invitations (
  id TEXT PRIMARY KEY NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites (id),
  comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  expert_id TEXT NOT NULL REFERENCES experts (id),
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  answered_at INTEGER,
  revoked_at INTEGER
) STRICT;
CREATE INDEX expert_invitations_by_site ON expert_invitations (site_id, created_at);
