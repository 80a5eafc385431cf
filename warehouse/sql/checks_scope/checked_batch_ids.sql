-- The batches the checks read, as a list the files they can lie in are chosen by (warehouse/views.py checked_rows).
SELECT batch_id FROM check_batches ORDER BY batch_id;
