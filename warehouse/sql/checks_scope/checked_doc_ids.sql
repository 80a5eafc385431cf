-- The documents of the checked batches (`check_batches`, their rows in `checked_<table>`), whose outcomes in the other
-- batches documents_committed_once.sql compares with: asked of the lookup index by these ids (warehouse/query.py).
SELECT doc_id FROM checked_articles WHERE batch_id IN (SELECT batch_id FROM check_batches)
UNION
SELECT doc_id FROM checked_rejections WHERE batch_id IN (SELECT batch_id FROM check_batches)
ORDER BY doc_id;
