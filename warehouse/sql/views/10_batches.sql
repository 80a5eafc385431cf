-- Committed batches: a batch's rows are visible only once its marker row exists.
CREATE VIEW batches AS
SELECT batch_id, run_id, documents, articles, rejections, committed_at, coalesce(purpose, 'ingest') AS purpose
FROM _batches;
