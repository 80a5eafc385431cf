-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the big table otherwise). Committed signatures of the wanted articles under one scheme. Parameter: the scheme.
SELECT s.article_id, min(s.cluster_id), min(s.signature)
FROM wanted AS w
CROSS JOIN signatures AS s ON s.article_id = w.key
JOIN batches AS b ON b.batch_id = s.batch_id
WHERE s.scheme = ?
GROUP BY s.article_id;
