-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the big table otherwise). Committed (article, band key) pairs for the wanted band keys.
-- Per key only the articles with the smallest ids, up to the one the cutoff names: a story's copies share
-- most keys, and fetching every member would make a batch's cost grow with the archive's clusters.
-- Parameter: how many committed articles per key (the cutoff is the last of them; none: every one).
-- Both steps walk the (band_key, article_id) B-tree in order and stop at the cutoff.
SELECT DISTINCT l.article_id, l.band_key
FROM wanted AS w
CROSS JOIN bands AS l
    ON l.band_key = w.key
    AND l.article_id <= coalesce(
        (
            SELECT DISTINCT m.article_id
            FROM bands AS m
            JOIN batches AS c ON c.batch_id = m.batch_id
            WHERE m.band_key = w.key
            ORDER BY m.article_id
            LIMIT 1 OFFSET ?1 - 1
        ),
        char(1114111)
    )
JOIN batches AS b ON b.batch_id = l.batch_id;
