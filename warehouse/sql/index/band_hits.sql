-- Committed (article, band key) pairs for the wanted band keys (as band_value stores them), from every level of
-- the band keys (bands_0 .. bands_3, warehouse/index.py): per key only the articles with the smallest ids over
-- all levels. A story's copies share most keys, and fetching every member would make a batch's cost grow with
-- the archive's clusters. Parameter ?1: how many committed articles per key.
-- Each level is walked in (band_key, article_id) order and stops at its own cutoff, its ?1-th smallest committed
-- id (CROSS JOIN keeps `wanted` the outer loop; SQLite would scan the level otherwise): the ?1 smallest over all
-- levels are among the at most 4 x ?1 found, and the ranking keeps them. UNION drops a pair found in two levels.
SELECT article_id, key FROM (
    SELECT key, article_id, row_number() OVER (PARTITION BY key ORDER BY article_id) AS rank
    FROM (
    SELECT w.key, l.article_id
    FROM wanted AS w
    CROSS JOIN bands_0 AS l
        ON l.band_key = w.key
        AND l.article_id <= coalesce(
            (
                SELECT DISTINCT m.article_id
                FROM bands_0 AS m
                JOIN band_batches AS mn ON mn.batch = m.batch JOIN batches AS mc ON mc.batch_id = mn.batch_id
                WHERE m.band_key = w.key
                ORDER BY m.article_id
                LIMIT 1 OFFSET ?1 - 1
            ),
            char(1114111)
        )
    JOIN band_batches AS n ON n.batch = l.batch JOIN batches AS b ON b.batch_id = n.batch_id
    UNION
    SELECT w.key, l.article_id
    FROM wanted AS w
    CROSS JOIN bands_1 AS l
        ON l.band_key = w.key
        AND l.article_id <= coalesce(
            (
                SELECT DISTINCT m.article_id
                FROM bands_1 AS m
                JOIN band_batches AS mn ON mn.batch = m.batch JOIN batches AS mc ON mc.batch_id = mn.batch_id
                WHERE m.band_key = w.key
                ORDER BY m.article_id
                LIMIT 1 OFFSET ?1 - 1
            ),
            char(1114111)
        )
    JOIN band_batches AS n ON n.batch = l.batch JOIN batches AS b ON b.batch_id = n.batch_id
    UNION
    SELECT w.key, l.article_id
    FROM wanted AS w
    CROSS JOIN bands_2 AS l
        ON l.band_key = w.key
        AND l.article_id <= coalesce(
            (
                SELECT DISTINCT m.article_id
                FROM bands_2 AS m
                JOIN band_batches AS mn ON mn.batch = m.batch JOIN batches AS mc ON mc.batch_id = mn.batch_id
                WHERE m.band_key = w.key
                ORDER BY m.article_id
                LIMIT 1 OFFSET ?1 - 1
            ),
            char(1114111)
        )
    JOIN band_batches AS n ON n.batch = l.batch JOIN batches AS b ON b.batch_id = n.batch_id
    UNION
    SELECT w.key, l.article_id
    FROM wanted AS w
    CROSS JOIN bands_3 AS l
        ON l.band_key = w.key
        AND l.article_id <= coalesce(
            (
                SELECT DISTINCT m.article_id
                FROM bands_3 AS m
                JOIN band_batches AS mn ON mn.batch = m.batch JOIN batches AS mc ON mc.batch_id = mn.batch_id
                WHERE m.band_key = w.key
                ORDER BY m.article_id
                LIMIT 1 OFFSET ?1 - 1
            ),
            char(1114111)
        )
    JOIN band_batches AS n ON n.batch = l.batch JOIN batches AS b ON b.batch_id = n.batch_id
    )
)
WHERE rank <= ?1;
