-- Rows returned are violations: articles with the same text in different near-duplicate clusters.
SELECT text_hash, count(DISTINCT cluster_id) AS clusters FROM articles GROUP BY text_hash HAVING count(DISTINCT cluster_id) > 1;
