-- Which of these documents already became an article or a rejection in a committed batch. A
-- document of a batch that failed as a whole is not done: the next run tries it again; nor is an
-- input that could not be read or fetched (no verdict on a document: it is read again each run).
-- Parameters: the doc ids, the batch_failed reason, the stages whose rejections are retried.
WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS doc_id)
SELECT a.doc_id
FROM _articles AS a
JOIN wanted USING (doc_id)
WHERE a.batch_id IN (SELECT batch_id FROM batches)
UNION
SELECT r.doc_id
FROM _rejections AS r
JOIN wanted USING (doc_id)
WHERE r.batch_id IN (SELECT batch_id FROM batches) AND r.reason <> ? AND NOT list_contains(?::VARCHAR[], r.stage);
