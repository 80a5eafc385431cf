-- Runs of band keys merged into a new one (band_run.sql): the runs read in key order and merged by SQLite (no sort),
-- each key as asked (a hex key stored as its bytes, band_value, as its lowercase hex digits: the same order) and
-- its pairs; a key's pairs of every run joined into its one row as they come (a GROUP BY would sort them all
-- again in a temporary B-tree as large as the run). Written page after page in key order. Placeholders: merged (the
-- new run's table), runs (a SELECT of band_key, rows from each run, joined by UNION ALL: warehouse/index.py,
-- _merge_band_runs).
INSERT INTO {merged}
SELECT CASE WHEN typeof(band_key) = 'blob' THEN lower(hex(band_key)) ELSE band_key END, rows
FROM ({runs} ORDER BY 1) WHERE true
ON CONFLICT (band_key) DO UPDATE SET rows = rows || char(30) || excluded.rows;
