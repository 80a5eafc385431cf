-- Inputs that did not become articles, from committed batches. A document processed again later
-- (`newsetl reprocess`) shows only its newest outcome: an old rejection does not linger.
CREATE VIEW rejections AS
WITH outcomes AS (
    SELECT doc_id, batch_id FROM _articles
    UNION ALL
    SELECT doc_id, batch_id FROM _rejections
), latest AS (
    SELECT o.doc_id, max(b.committed_at) AS committed_at
    FROM outcomes AS o JOIN batches AS b USING (batch_id)
    GROUP BY o.doc_id
)
SELECT r.* EXCLUDE (batch_id)
FROM _rejections AS r
JOIN batches AS b USING (batch_id)
JOIN latest AS l ON l.doc_id = r.doc_id AND l.committed_at = b.committed_at;
