-- The figures of these committed article versions (article_id and the batch that wrote it).
-- Parameters: the article ids, their batch ids (same length, in pairs).
WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS batch_id)
SELECT f.* EXCLUDE (run_id)
FROM _figures AS f
JOIN wanted USING (article_id, batch_id)
ORDER BY f.article_id, f.batch_id, f.char_start, f.char_end, f.figure_id;
