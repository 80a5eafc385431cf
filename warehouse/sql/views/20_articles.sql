-- The version of each article the views show, with its cluster: one row per article (keys only, so
-- that views and macros which need no text join mentions, figures and stories by these keys
-- without reading the articles' other columns). Of several committed versions (the page changed),
-- the newest wins; a document rejected in a later batch is no longer an article.
CREATE VIEW _article_versions AS
WITH rejected AS (
    -- Each rejected document's latest rejection.
    SELECT r.doc_id, max(rb.committed_at) AS committed_at
    FROM _rejections AS r
    JOIN batches AS rb USING (batch_id)
    GROUP BY r.doc_id
)
SELECT a.article_id, a.doc_id, a.batch_id, b.committed_at, coalesce(c.cluster_id, a.cluster_id) AS cluster_id
FROM _articles AS a
JOIN batches AS b USING (batch_id)
LEFT JOIN article_clusters AS c USING (article_id)
LEFT JOIN rejected AS r ON r.doc_id = a.doc_id
WHERE r.committed_at IS NULL OR r.committed_at <= b.committed_at
QUALIFY row_number() OVER (PARTITION BY a.article_id ORDER BY b.committed_at DESC, a.doc_id) = 1;

-- One row per article: of several committed versions (the page changed), the newest wins.
-- cluster_id groups near copies (article_clusters); an article with no copy is its own cluster.
-- A document rejected in a later batch (`newsetl reprocess` with a stricter extractor) is no
-- longer an article: its newest outcome wins, as in the rejections view.
CREATE VIEW articles AS
SELECT a.* REPLACE (v.cluster_id AS cluster_id)
FROM _articles AS a
JOIN _article_versions AS v ON v.article_id = a.article_id AND v.batch_id = a.batch_id AND v.doc_id = a.doc_id;
