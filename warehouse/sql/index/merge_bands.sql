-- Runs of band keys merged into a new one, in key order: each run is read in key order and SQLite merges them (no
-- sort), and the new B-tree is written page after page. Placeholders: merged (the new run's table), runs (a SELECT
-- of band_key, article_id, batch from each run, joined by UNION ALL: warehouse/index.py, _merge_band_runs).
INSERT OR IGNORE INTO {merged}
{runs}
ORDER BY 1, 2, 3;
