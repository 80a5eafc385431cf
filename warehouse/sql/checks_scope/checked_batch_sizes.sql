-- The checked batches (`check_batches`) in order, each with the documents its marker says it wrote rows of (articles
-- and rejections): what a run's end groups them by for the checks that read a group at a time (warehouse/query.py,
-- GROUPED_CHECKS). A batch committed twice counts its markers' documents together.
SELECT batch_id, sum(articles + rejections)::BIGINT AS documents FROM batches
WHERE batch_id IN (SELECT batch_id FROM check_batches)
GROUP BY batch_id ORDER BY batch_id;
