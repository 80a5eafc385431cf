-- Search index: the articles these newly committed batches may have changed: those they wrote a
-- version of, and those whose document they rejected (reprocess with a stricter extractor), which
-- may have left the articles view. Parameter: the batch ids.
WITH fresh AS (SELECT unnest(?::VARCHAR[]) AS batch_id)
SELECT a.article_id FROM _articles AS a JOIN fresh USING (batch_id)
UNION
SELECT a.article_id
FROM _articles AS a
JOIN _rejections AS r USING (doc_id)
JOIN fresh ON fresh.batch_id = r.batch_id;
