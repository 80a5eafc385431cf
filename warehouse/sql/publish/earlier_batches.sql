-- New batches committed before a batch the stored tables hold (a clock set back): a publish takes the
-- rejections older than a new article version to have been seen already, so it rebuilds instead.
SELECT count(*)
FROM batches
ANTI JOIN newsetl_publish.batches USING (batch_id)
WHERE committed_at < (SELECT max(committed_at) FROM batches SEMI JOIN newsetl_publish.batches USING (batch_id));
