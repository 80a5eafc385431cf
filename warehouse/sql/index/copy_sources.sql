-- CROSS JOIN keeps `gen_probes` the outer loop (SQLite would scan the big table otherwise): the wanted text hashes,
-- each in the generations of `copies` whose filter may hold it (warehouse/generations.py). For each wanted text hash,
-- one committed article with that normalised text whose entities the same NER model found: the lowest (article_id,
-- batch_id) over every generation, so the choice depends neither on file order nor on where the rows are.
-- Parameter: the NER model.
SELECT text_hash, article_id, batch_id FROM (
    SELECT c.text_hash, c.article_id, c.batch_id,
           row_number() OVER (PARTITION BY c.text_hash ORDER BY c.article_id, c.batch_id) AS lowest
    FROM gen_probes AS p
    CROSS JOIN copies AS c ON c.gen = p.gen AND c.text_hash = p.key
    JOIN batches AS b ON b.batch_id = c.batch_id
    WHERE c.ner_model = ?
) WHERE lowest = 1;
