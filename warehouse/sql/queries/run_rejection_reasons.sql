-- How many inputs a run rejected, by stage and reason, most frequent first. Parameter ($1): the run id.
-- As the `rejections` view shows a document's rejection (its newest outcome), from the run's own rows
-- (`checked_<table>`, run_articles.sql): an outcome later than one of the run's is the run's too.
WITH run_batches AS (
    SELECT batch_id, committed_at FROM batches WHERE run_id = $1
),
outcomes AS (
    SELECT doc_id, batch_id FROM checked_articles WHERE run_id = $1
    UNION ALL
    SELECT doc_id, batch_id FROM checked_rejections WHERE run_id = $1
),
latest AS (
    SELECT o.doc_id, max(b.committed_at) AS committed_at
    FROM outcomes AS o
    JOIN run_batches AS b USING (batch_id)
    GROUP BY o.doc_id
)
SELECT r.stage, r.reason, count(*)
FROM checked_rejections AS r
JOIN run_batches AS b USING (batch_id)
JOIN latest AS l ON l.doc_id = r.doc_id AND l.committed_at = b.committed_at
WHERE r.run_id = $1
GROUP BY ALL
ORDER BY 3 DESC, 1, 2;
