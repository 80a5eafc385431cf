-- Inputs that did not become articles, from committed batches.
CREATE VIEW rejections AS
SELECT r.doc_id, r.source, r.stage, r.reason, r.detail, r.run_id
FROM _rejections AS r
JOIN batches AS b USING (batch_id);
