-- One row per article: of several committed versions (the page changed), the newest wins.
-- cluster_id groups near copies (article_clusters); an article with no copy is its own cluster.
-- A document rejected in a later batch (`newsetl reprocess` with a stricter extractor) is no
-- longer an article: its newest outcome wins, as in the rejections view.
CREATE VIEW articles AS
SELECT a.* REPLACE (coalesce(c.cluster_id, a.cluster_id) AS cluster_id)
FROM _articles AS a
JOIN batches AS b USING (batch_id)
LEFT JOIN article_clusters AS c USING (article_id)
WHERE NOT EXISTS (
    SELECT 1 FROM _rejections AS r JOIN batches AS rb USING (batch_id)
    WHERE r.doc_id = a.doc_id AND rb.committed_at > b.committed_at
)
QUALIFY row_number() OVER (PARTITION BY a.article_id ORDER BY b.committed_at DESC, a.doc_id) = 1;
