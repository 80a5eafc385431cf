-- The new batches are now held by the stored tables (after new_batches.sql, in the same transaction).
INSERT INTO newsetl_publish.batches BY NAME SELECT * FROM batches SEMI JOIN new_batches USING (batch_id);
