-- Migration number: 0005 	 2026-11-29T06:40:00.000Z

-- Fixed-window counters for rate limits, one row per site × action × scope × subject. Rows are
-- short-lived: expires_at lets the daily clean-up delete stale ones with an index range.
CREATE TABLE rate_counters (
  key TEXT PRIMARY KEY NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX rate_counters_by_expiry ON rate_counters (expires_at);

-- One random salt per UTC day for hashing network addresses. Once a day's row is deleted, nobody,
-- the operator included, can link that day's hashes back to an address.
CREATE TABLE network_salts (
  day TEXT PRIMARY KEY NOT NULL,
  salt TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
