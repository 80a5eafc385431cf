-- The entity mentions of these committed article versions (article_id and the batch that wrote it).
-- Parameters: the article ids, their batch ids (same length, in pairs).
WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS batch_id)
SELECT m.* EXCLUDE (run_id)
FROM _entity_mentions AS m
JOIN wanted USING (article_id, batch_id)
ORDER BY m.article_id, m.batch_id, m.char_start, m.char_end, m.entity_id;
