-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the big table otherwise). Committed (article, band key) pairs for the wanted band keys.
SELECT DISTINCT l.article_id, l.band_key
FROM wanted AS w
CROSS JOIN bands AS l ON l.band_key = w.key
JOIN batches AS b ON b.batch_id = l.batch_id;
