-- Line hashes found in at least min_stories stories of their site. Parameter: min_stories.
SELECT line_hash FROM chrome WHERE stories >= ?;
