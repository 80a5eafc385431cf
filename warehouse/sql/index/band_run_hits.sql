-- One merged band run's row (band_run.sql) for each key `probes` holds for it (those its filter may hold;
-- warehouse/index.py, band_hits), the key as asked: its pairs, which band_hits keeps the committed ones of and
-- bounds. CROSS JOIN keeps `probes` the outer loop. Placeholder: level. The merged runs that hold rows are joined
-- by UNION ALL (band_hits).
SELECT w.asked AS key, r.rows
FROM probes AS w
CROSS JOIN {level} AS r ON r.band_key = w.key
WHERE w.level = '{level}'
