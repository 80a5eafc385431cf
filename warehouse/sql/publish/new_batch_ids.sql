-- The ids new_batches.sql found.
SELECT batch_id FROM new_batches;
