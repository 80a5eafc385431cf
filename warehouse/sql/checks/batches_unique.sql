-- Rows returned are violations: a batch committed twice.
SELECT batch_id, count(*) AS n FROM batches GROUP BY batch_id HAVING count(*) > 1;
