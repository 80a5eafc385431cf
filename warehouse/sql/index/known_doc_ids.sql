-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the big table otherwise). Which wanted doc ids became an article or a rejection in a committed batch; rejections of a
-- failed batch and of the retried stages do not count. Parameters: the batch_failed reason, the
-- retried stages as a JSON array.
SELECT DISTINCT o.doc_id
FROM wanted AS w
CROSS JOIN outcomes AS o ON o.doc_id = w.key
JOIN batches AS b ON b.batch_id = o.batch_id
WHERE o.kind = 'article' OR (o.reason <> ? AND o.stage NOT IN (SELECT value FROM json_each(?)));
