-- Rows returned are violations: a document shown twice in `rejections` (an input rejected on
-- every run must show only its newest rejection). Documents the checked batches (`check_batches`)
-- rejected are looked at.
SELECT doc_id, count(*) AS n FROM rejections
WHERE doc_id IN (SELECT doc_id FROM _rejections WHERE batch_id IN (SELECT batch_id FROM check_batches))
GROUP BY doc_id HAVING count(*) > 1;
