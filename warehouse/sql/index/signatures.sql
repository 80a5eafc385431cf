-- CROSS JOIN keeps `wanted_versions` the outer loop (SQLite would scan the big table otherwise). Committed
-- signatures of the wanted article versions (batch, article: those whose band keys a lookup found) under one scheme,
-- one row per article. Parameter: the scheme.
SELECT s.article_id, min(s.cluster_id), min(s.signature)
FROM wanted_versions AS w
CROSS JOIN signatures AS s ON s.batch_id = w.batch_id AND s.article_id = w.article_id
JOIN batches AS b ON b.batch_id = s.batch_id
WHERE s.scheme = ?
GROUP BY s.article_id;
