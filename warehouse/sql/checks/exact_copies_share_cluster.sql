-- Rows returned are violations: articles with the same text in different near-duplicate clusters
-- (texts of the checked batches, `check_batches`, against every article).
SELECT text_hash, count(DISTINCT cluster_id) AS clusters FROM articles
WHERE text_hash IN (SELECT text_hash FROM _articles WHERE batch_id IN (SELECT batch_id FROM check_batches))
GROUP BY text_hash HAVING count(DISTINCT cluster_id) > 1;
