-- Fetched pages kept for re-extraction (without their bytes: those stay in the table), newest fetch per URL.
CREATE VIEW raw_pages AS
SELECT r.url, r.final_url, r.status, r.content_type, r.etag, r.last_modified, r.fetched_at, r.doc_id,
       octet_length(r.content) AS bytes, r.run_id, r.batch_id
FROM _raw_pages AS r
JOIN batches AS b USING (batch_id)
QUALIFY row_number() OVER (PARTITION BY r.url ORDER BY b.committed_at DESC, r.fetched_at DESC) = 1;
