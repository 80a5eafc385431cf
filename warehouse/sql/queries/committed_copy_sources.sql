-- For each of these text hashes, one committed article with that normalised text whose entities the
-- same NER model found: an exact copy takes over its analysis. The lowest (article_id, batch_id) is
-- taken, so the choice does not depend on file order. Only the key columns are read, never the text.
-- Parameters: the text hashes, the NER model.
WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS text_hash)
SELECT DISTINCT ON (a.text_hash) a.text_hash, a.article_id, a.batch_id
FROM _articles AS a
JOIN wanted USING (text_hash)
WHERE a.batch_id IN (SELECT batch_id FROM batches) AND a.ner_model = ?
ORDER BY a.text_hash, a.article_id, a.batch_id;
