-- Runs of band keys merged into a new one (band_run.sql): each run read in key order (its pairs as `rows`), and
-- each key's pairs of every run joined into one row, written page after page in key order. Placeholders: merged
-- (the new run's table), runs (a SELECT of band_key, rows from each run, joined by UNION ALL: warehouse/index.py,
-- _merge_band_runs).
INSERT INTO {merged}
SELECT band_key, group_concat(rows, char(30)) FROM ({runs} ORDER BY 1) GROUP BY band_key;
