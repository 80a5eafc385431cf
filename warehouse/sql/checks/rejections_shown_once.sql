-- Rows returned are violations: a document shown twice in `rejections` (an input rejected on every run must show
-- only its newest rejection). Documents the checked batches (`check_batches`) rejected are looked at, as the view
-- chooses (the rejections of a document's newest outcome), from the checked batches' rows alone: they are every
-- batch committed since a time (warehouse/sql/checks_scope), so a document they rejected has its newest outcome
-- among them, and no older batch's rejection is shown beside it.
WITH checked AS (
    SELECT batch_id, committed_at FROM batches WHERE batch_id IN (SELECT batch_id FROM check_batches)
), outcomes AS (
    SELECT doc_id, batch_id FROM checked_articles WHERE batch_id IN (SELECT batch_id FROM check_batches)
    UNION ALL
    SELECT doc_id, batch_id FROM checked_rejections WHERE batch_id IN (SELECT batch_id FROM check_batches)
), latest AS (
    SELECT o.doc_id, max(c.committed_at) AS committed_at FROM outcomes AS o JOIN checked AS c USING (batch_id)
    GROUP BY o.doc_id
)
SELECT r.doc_id, count(*) AS n
FROM checked_rejections AS r
JOIN checked AS c USING (batch_id)
JOIN latest AS l ON l.doc_id = r.doc_id AND l.committed_at = c.committed_at
GROUP BY r.doc_id HAVING count(*) > 1;
