-- CROSS JOIN keeps `gen_probes` the outer loop (SQLite would scan the big table otherwise): the wanted doc ids, each
-- in the generations of `outcomes` whose filter may hold it (warehouse/generations.py). Which wanted doc ids became an
-- article or a rejection in a committed batch; rejections of a failed batch and of the retried stages do not count,
-- except those of the retried stages that a batch of this run wrote (its batch ids start with the run's prefix).
-- Parameters: the batch_failed reason, the retried stages as a JSON array, the run's prefix three times ('' for none).
SELECT DISTINCT o.doc_id
FROM gen_probes AS p
CROSS JOIN outcomes AS o ON o.gen = p.gen AND o.doc_id = p.key
JOIN batches AS b ON b.batch_id = o.batch_id
WHERE o.kind = 'article'
    OR (
        o.reason <> ?
        AND (o.stage NOT IN (SELECT value FROM json_each(?)) OR (? <> '' AND substr(o.batch_id, 1, length(?)) = ?))
    );
