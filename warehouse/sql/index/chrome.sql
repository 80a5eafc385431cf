-- Line hashes found in at least min_stories stories of their site (min_stories 2 or more: `chrome` counts no line of
-- one story; chrome_any.sql is the query for 1). Parameter: min_stories.
SELECT line_hash FROM chrome WHERE stories >= ?;
