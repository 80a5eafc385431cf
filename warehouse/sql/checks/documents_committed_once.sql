-- Rows returned are violations: a document that became rows in more than one committed ingest
-- batch (a rerun must skip what committed and redo only what did not). A failed batch's
-- rejections are not an outcome (the next run tries those documents again), nor are rejections
-- of inputs that could not be read or fetched (read again and counted on every run; the
-- rejections view shows the newest, see rejections_shown_once.sql), and `reprocess` commits
-- known documents again on purpose (the views show the newest outcome). Only documents of the
-- checked batches (`check_batches`) are looked at: each of their rows that counts, and the outcomes
-- of the same documents in the other batches (`archive_outcomes`, warehouse/query.py checked_scope:
-- at a run's end the lookup index's, read by those doc ids, not a doc id column of every file).
WITH checked_outcomes AS (
    SELECT doc_id, batch_id FROM checked_articles WHERE batch_id IN (SELECT batch_id FROM check_batches)
    UNION ALL
    SELECT doc_id, batch_id FROM checked_rejections
    WHERE batch_id IN (SELECT batch_id FROM check_batches)
        AND reason <> 'batch_failed' AND stage NOT IN ('read', 'fetch')
), committed AS (
    SELECT doc_id, batch_id FROM checked_outcomes
    UNION ALL
    SELECT doc_id, batch_id FROM archive_outcomes WHERE batch_id NOT IN (SELECT batch_id FROM check_batches)
), checked AS (
    SELECT doc_id FROM checked_articles WHERE batch_id IN (SELECT batch_id FROM check_batches)
    UNION
    SELECT doc_id FROM checked_rejections WHERE batch_id IN (SELECT batch_id FROM check_batches)
)
SELECT c.doc_id, count(*) AS n FROM committed AS c JOIN batches AS b USING (batch_id)
WHERE b.purpose = 'ingest' AND c.doc_id IN (SELECT doc_id FROM checked)
GROUP BY c.doc_id HAVING count(*) > 1;
