-- Committed (article, band key) pairs for the wanted band keys (as band_value stores them), from every level of
-- the band keys (bands_0 .. bands_3, warehouse/index.py). CROSS JOIN keeps `wanted` the outer loop (SQLite
-- would scan the big table otherwise); UNION drops a pair found in two levels.
SELECT o.article_id, l.band_key
FROM wanted AS w CROSS JOIN bands_0 AS l ON l.band_key = w.key
JOIN band_owners AS o ON o.owner = l.owner JOIN batches AS b ON b.batch_id = o.batch_id
UNION
SELECT o.article_id, l.band_key
FROM wanted AS w CROSS JOIN bands_1 AS l ON l.band_key = w.key
JOIN band_owners AS o ON o.owner = l.owner JOIN batches AS b ON b.batch_id = o.batch_id
UNION
SELECT o.article_id, l.band_key
FROM wanted AS w CROSS JOIN bands_2 AS l ON l.band_key = w.key
JOIN band_owners AS o ON o.owner = l.owner JOIN batches AS b ON b.batch_id = o.batch_id
UNION
SELECT o.article_id, l.band_key
FROM wanted AS w CROSS JOIN bands_3 AS l ON l.band_key = w.key
JOIN band_owners AS o ON o.owner = l.owner JOIN batches AS b ON b.batch_id = o.batch_id;
