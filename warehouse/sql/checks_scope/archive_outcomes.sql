-- Every outcome that counts for documents_committed_once.sql (an article, or a rejection other than a failed batch's
-- and the retried stages', transforms/batches.py RETRIED_STAGES) in every batch, read from the tables: a doc id column
-- of every file. What a whole check reads, and a run's end when the lookup index cannot answer (warehouse/query.py
-- checked_scope); the check keeps the documents it checks, in the other batches.
CREATE OR REPLACE TEMP VIEW archive_outcomes AS
SELECT doc_id, batch_id FROM _articles
UNION ALL
SELECT doc_id, batch_id FROM _rejections WHERE reason <> 'batch_failed' AND stage NOT IN ('read', 'fetch');
