-- Line hashes found in at least min_stories stories of their site, for min_stories 2 or more (chrome_any.sql for 1):
-- `chrome` holds only lines of two stories or more. Parameter: min_stories.
SELECT line_hash FROM chrome WHERE stories >= ?;
