-- One level's part of band_hits.sql: its committed (band key, article) pairs for the wanted keys, walked in
-- (band_key, article_id) order up to the level's own cutoff, its ?1-th smallest committed id (none: every one).
-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the level otherwise). Placeholder: level.
SELECT w.key, l.article_id
FROM wanted AS w
CROSS JOIN {level} AS l
    ON l.band_key = w.key
    AND l.article_id <= coalesce(
        (
            SELECT DISTINCT m.article_id
            FROM {level} AS m
            JOIN band_batches AS mn ON mn.batch = m.batch
            JOIN batches AS mc ON mc.batch_id = mn.batch_id
            WHERE m.band_key = w.key
            ORDER BY m.article_id
            LIMIT 1 OFFSET ?1 - 1
        ),
        char(1114111)
    )
JOIN band_batches AS n ON n.batch = l.batch
JOIN batches AS b ON b.batch_id = n.batch_id
