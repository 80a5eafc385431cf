-- The new batches are now held by the stored tables (after new_batches.sql, in the same transaction).
INSERT INTO newsetl_publish.batches SELECT batch_id FROM new_batches;
