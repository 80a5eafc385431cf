-- One merged band run's row (band_run.sql) for each key asked of it (those its filter may hold; warehouse/index.py,
-- band_rows): its pairs, which band_rows keeps the committed ones of and bounds. The keys as asked, from one JSON
-- list (a run is keyed by them: no conversion, no temporary table, whose filling cost more than the lookup's seeks).
-- CROSS JOIN keeps the keys the outer loop. Placeholder: level. The probed merged runs are joined by UNION ALL,
-- a parameter each.
SELECT k.value AS key, r.rows
FROM json_each(?) AS k
CROSS JOIN {level} AS r ON r.band_key = k.value
