-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the big table otherwise). The stories of each wanted
-- line that is in two or more (warehouse/index.py, _count_stories).
SELECT c.line_hash, c.stories
FROM wanted AS w
CROSS JOIN chrome AS c ON c.line_hash = w.key;
