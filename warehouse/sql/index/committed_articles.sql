-- New articles of committed batches. Reads the temporary table new_articles (article_id, cluster_id, batch_id).
SELECT n.article_id, min(n.cluster_id)
FROM new_articles AS n
JOIN batches AS b ON b.batch_id = n.batch_id
GROUP BY n.article_id;
