-- The earliest time a file holding rows of the checked batches (`check_batches`) can have been written: the start of
-- the earliest run they belong to (a run writes its `runs` row when it starts, before any batch's rows; a compaction
-- that merges them writes later still). NULL, every file, when one of them has no run row (rows written by hand).
SELECT CASE WHEN count(*) = count(r.started_at) THEN min(r.started_at) END
FROM (SELECT DISTINCT run_id FROM batches WHERE batch_id IN (SELECT batch_id FROM check_batches)) AS b
LEFT JOIN (SELECT run_id, min(started_at) AS started_at FROM _runs GROUP BY run_id) AS r USING (run_id);
