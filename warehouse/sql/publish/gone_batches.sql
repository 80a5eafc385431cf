-- Batches the stored tables hold that the tables no longer commit (a restore, a lost commit): the
-- stored tables are ahead of the tables and are rebuilt.
SELECT count(*) FROM newsetl_publish.batches ANTI JOIN batches USING (batch_id);
