-- New site lines of committed batches, with their article's smallest committed cluster over every generation of
-- article_clusters. Reads the temporary table new_lines (line_hash, article_id, batch_id) and `gen_probes` (the
-- lines' article ids in the generations whose filter may hold them; warehouse/generations.py).
SELECT DISTINCT n.line_hash, c.cluster_id
FROM new_lines AS n
JOIN batches AS b ON b.batch_id = n.batch_id
JOIN (
    SELECT p.key AS article_id, min(a.cluster_id) AS cluster_id
    FROM gen_probes AS p
    CROSS JOIN article_clusters AS a ON a.gen = p.gen AND a.article_id = p.key
    GROUP BY p.key
) AS c ON c.article_id = n.article_id;
