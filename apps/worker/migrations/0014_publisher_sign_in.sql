-- Migration number: 0014 	 2026-11-29T12:00:00.000Z

-- Publisher sign-in (docs/decisions/0018-publisher-sign-in.md). The site's HS256 secret, in a table
-- of its own so no query of `sites` can return it by accident. The admin API never reads it back.
CREATE TABLE sso_secrets (
  site_id TEXT PRIMARY KEY NOT NULL REFERENCES sites (id),
  secret TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- One reader per publisher user and site: every device that signs the same user in gets this
-- reader id, so bans, one ballot per poll and erasure requests all work on it. `name` is the name
-- of the newest token seen (`name_issued_at`, the token's iat in ms), used for new comments.
CREATE TABLE sso_users (
  site_id TEXT NOT NULL REFERENCES sites (id),
  subject TEXT NOT NULL,
  reader_id TEXT NOT NULL UNIQUE REFERENCES readers (id),
  name TEXT NOT NULL,
  avatar_url TEXT,
  name_issued_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, subject)
) STRICT;

-- The jti of every publisher token exchanged, until it expires: a second exchange is a replay.
CREATE TABLE sso_token_uses (
  site_id TEXT NOT NULL,
  jti TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, jti)
) STRICT;
-- The opportunistic purge of expired rows.
CREATE INDEX sso_token_uses_by_expiry ON sso_token_uses (expires_at);
