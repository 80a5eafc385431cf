-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the big table otherwise). For each wanted text hash, one committed article with that normalised text whose entities the same
-- NER model found: the lowest (article_id, batch_id), so the choice does not depend on file order.
-- Parameter: the NER model.
SELECT text_hash, article_id, batch_id FROM (
    SELECT c.text_hash, c.article_id, c.batch_id,
           row_number() OVER (PARTITION BY c.text_hash ORDER BY c.article_id, c.batch_id) AS lowest
    FROM wanted AS w
    CROSS JOIN copies AS c ON c.text_hash = w.key
    JOIN batches AS b ON b.batch_id = c.batch_id
    WHERE c.ner_model = ?
) WHERE lowest = 1;
