-- One band level's committed (band key, article, batch that wrote it) rows for the keys `probes` holds for it (those its filter
-- may hold; warehouse/index.py, band_hits), the key as asked: per key only the ?1 articles with the smallest
-- ids in this level. A story's copies share most keys, and fetching every member would make a batch's cost
-- grow with the archive's clusters: the walk of a key goes in (band_key, article_id) order up to the level's
-- ?1-th smallest committed id (none: every one). The ?1 smallest over all levels are among those each level
-- gives; band_hits keeps them. CROSS JOIN keeps `probes` the outer loop (SQLite would scan the level
-- otherwise). Placeholder: level. The levels that hold rows are joined by UNION ALL (band_hits_sql).
SELECT w.asked AS key, l.article_id, n.batch_id
FROM probes AS w
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
WHERE w.level = '{level}'
