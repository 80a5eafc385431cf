-- Line hashes found in at least min_stories stories of their site. A story is a near-duplicate
-- cluster as assigned at ingest, so copies count once (the site_boilerplate view shows the same
-- counts). Parameter: min_stories.
WITH stories AS (
    SELECT a.article_id, min(a.cluster_id) AS cluster_id
    FROM _articles AS a
    WHERE a.batch_id IN (SELECT batch_id FROM batches)
    GROUP BY a.article_id
)
SELECT l.line_hash
FROM _site_lines AS l
JOIN stories AS s USING (article_id)
WHERE l.batch_id IN (SELECT batch_id FROM batches)
GROUP BY l.line_hash
HAVING count(DISTINCT s.cluster_id) >= ?;
