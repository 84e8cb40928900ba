-- Migration number: 0001 	 2026-11-29T03:21:56.853Z

-- One row per publisher site. Every other table is scoped to a site (multi-tenant from day one).
CREATE TABLE sites (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  -- JSON array of origins ("https://news.example") allowed to call the API from a browser.
  allowed_origins TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(allowed_origins)),
  created_at INTEGER NOT NULL
) STRICT;

-- Anonymous reader identities. The signed token proves the id; this row records that we issued it.
CREATE TABLE readers (
  id TEXT PRIMARY KEY NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites (id),
  created_at INTEGER NOT NULL
) STRICT;
