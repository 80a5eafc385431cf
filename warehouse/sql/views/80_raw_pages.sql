-- Fetched pages kept for re-extraction (without their bytes: those stay in the table), newest fetch per URL.
CREATE VIEW raw_pages AS
-- doc_id after fetched_at and the lineage last, in the order this view has always had; what it
-- leaves out, and why: warehouse/views.py VIEW_COLUMNS.
SELECT r.* EXCLUDE (doc_id, content_language, title, published_date, content, run_id, batch_id),
       r.doc_id, octet_length(r.content) AS bytes, r.run_id, r.batch_id
FROM _raw_pages AS r
JOIN batches AS b USING (batch_id)
QUALIFY row_number() OVER (PARTITION BY r.url ORDER BY b.committed_at DESC, r.fetched_at DESC) = 1;
