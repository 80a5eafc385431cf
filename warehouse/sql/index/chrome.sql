-- Line hashes found in at least min_stories stories of their site, for min_stories 2 or more (chrome_any.sql for 1):
-- `stories >= 2` lets SQLite read the partial index chrome_by_stories. Parameter: min_stories.
SELECT line_hash FROM chrome WHERE stories >= ? AND stories >= 2;
