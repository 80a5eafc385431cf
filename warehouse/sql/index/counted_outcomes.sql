-- CROSS JOIN keeps `gen_probes` the outer loop (known_doc_ids.sql): each committed batch in which a wanted doc id became
-- an article, or a rejection other than a failed batch's and the retried stages' (the outcomes that count for the SQL
-- check documents_committed_once.sql, which leaves reprocess batches alone itself). One row a (document, batch).
-- Parameters: the batch_failed reason, the retried stages as a JSON array.
SELECT DISTINCT o.doc_id, o.batch_id
FROM gen_probes AS p
CROSS JOIN outcomes AS o ON o.gen = p.gen AND o.doc_id = p.key
JOIN batches AS b ON b.batch_id = o.batch_id
WHERE o.kind = 'article' OR (o.reason <> ? AND o.stage NOT IN (SELECT value FROM json_each(?)));
