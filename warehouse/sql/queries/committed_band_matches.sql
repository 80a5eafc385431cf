-- Committed articles sharing any of these LSH band keys, with the keys they share. Only signatures
-- of the same scheme compare. Parameters: the band keys, the signature scheme.
WITH wanted AS (
    SELECT unnest(?::VARCHAR[]) AS band_key
), hits AS (
    SELECT l.article_id, list(DISTINCT l.band_key ORDER BY l.band_key) AS keys
    FROM _lsh_bands AS l
    JOIN wanted USING (band_key)
    WHERE l.batch_id IN (SELECT batch_id FROM batches)
    GROUP BY l.article_id
)
SELECT s.article_id, min(s.cluster_id), any_value(s.signature), any_value(h.keys)
FROM _minhash_signatures AS s
JOIN hits AS h USING (article_id)
WHERE s.batch_id IN (SELECT batch_id FROM batches) AND s.scheme = ?
GROUP BY s.article_id
ORDER BY s.article_id;
