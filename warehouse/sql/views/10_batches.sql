-- Committed batches: a batch's rows are visible only once its marker row exists.
CREATE VIEW batches AS
-- Batches written before schema 5 have no purpose: they were ingest batches.
SELECT batch_id, run_id, * EXCLUDE (batch_id, run_id) REPLACE (coalesce(purpose, 'ingest') AS purpose)
FROM _batches;
