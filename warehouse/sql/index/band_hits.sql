-- One band level's committed (band key, article, batches that wrote it) for the keys `probes` holds for it (those
-- its filter may hold; warehouse/index.py, band_hits), the key as asked: per key only the ?1 articles with the
-- smallest ids in this level. A story's copies share most keys, and fetching every member would make a batch's
-- cost grow with the archive's clusters. One walk per key: the level is keyed (band_key, article_id, batch), so
-- grouping the key's rows by article takes them in order and stops at the ?1-th committed article, each with the
-- batches that wrote it (an article committed twice is one article with two batches; a second walk for the
-- ?1-th id, as a bound on the first, cost as much again at 100,000 articles). SQLite has no LATERAL join, so the
-- key's articles come back as one JSON array [[article_id, [batch_id, ...]], ...]. The ?1 smallest over all
-- levels are among those each level gives; band_hits keeps them. Placeholder: level. The levels that hold rows
-- are joined by UNION ALL (band_hits_sql).
SELECT w.asked AS key, (
    SELECT json_group_array(json_array(found.article_id, json(found.batch_ids)))
    FROM (
        SELECT l.article_id, json_group_array(b.batch_id) AS batch_ids
        FROM {level} AS l
        JOIN band_batches AS n ON n.batch = l.batch
        JOIN batches AS b ON b.batch_id = n.batch_id
        WHERE l.band_key = w.key
        GROUP BY l.article_id
        ORDER BY l.article_id
        LIMIT ?1
    ) AS found
) AS articles
FROM probes AS w
WHERE w.level = '{level}'
