-- New site lines of committed batches, with their article's smallest committed cluster. Reads the
-- temporary table new_lines (line_hash, article_id, batch_id).
SELECT DISTINCT n.line_hash, c.cluster_id
FROM new_lines AS n
JOIN batches AS b ON b.batch_id = n.batch_id
JOIN article_clusters AS c ON c.article_id = n.article_id;
