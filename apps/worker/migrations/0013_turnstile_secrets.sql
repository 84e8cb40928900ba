-- Migration number: 0013 	 2026-11-29T11:40:00.000Z

-- Cloudflare Turnstile (docs/decisions/0017-rate-limits-and-bot-checks.md): each site's secret key,
-- in a table of its own so no query of `sites` can return it by accident. It is write-only in the
-- admin API: only the siteverify call reads it.
CREATE TABLE turnstile_secrets (
  site_id TEXT PRIMARY KEY NOT NULL REFERENCES sites (id),
  secret TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
