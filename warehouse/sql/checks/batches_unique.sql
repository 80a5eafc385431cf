-- Rows returned are violations: a batch committed twice (of the checked batches, `check_batches`).
SELECT batch_id, count(*) AS n FROM batches
WHERE batch_id IN (SELECT batch_id FROM check_batches)
GROUP BY batch_id HAVING count(*) > 1;
