-- Committed batches: a batch's rows are visible only once its marker row exists.
CREATE VIEW batches AS
SELECT batch_id, run_id, documents, articles, rejections, committed_at
FROM _batches;
