-- Rows returned are violations: a document that became rows in more than one committed ingest
-- batch (a rerun must skip what committed and redo only what did not). A failed batch's
-- rejections are not an outcome (the next run tries those documents again), nor are rejections
-- of inputs that could not be read or fetched (read again and counted on every run; the
-- rejections view shows the newest, see rejections_shown_once.sql), and `reprocess` commits
-- known documents again on purpose (the views show the newest outcome). Only documents of the
-- checked batches (`check_batches`) are looked at, against every batch.
WITH committed AS (
    SELECT a.doc_id, a.batch_id FROM _articles AS a JOIN batches AS b USING (batch_id)
    WHERE b.purpose = 'ingest'
    UNION ALL
    SELECT r.doc_id, r.batch_id FROM _rejections AS r JOIN batches AS b USING (batch_id)
    WHERE b.purpose = 'ingest' AND r.reason <> 'batch_failed' AND r.stage NOT IN ('read', 'fetch')
), checked AS (
    SELECT doc_id FROM checked_articles WHERE batch_id IN (SELECT batch_id FROM check_batches)
    UNION
    SELECT doc_id FROM checked_rejections WHERE batch_id IN (SELECT batch_id FROM check_batches)
)
SELECT doc_id, count(*) AS n FROM committed
WHERE doc_id IN (SELECT doc_id FROM checked)
GROUP BY doc_id HAVING count(*) > 1;
