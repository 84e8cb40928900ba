-- Migration number: 0009 	 2026-11-29T10:00:00.000Z

-- The console's thread list: a site's threads newest first (the id grows with creation), paged by
-- id. UNIQUE (site_id, key) serves lookups by key but not this order.
CREATE INDEX threads_by_site ON threads (site_id, id);
