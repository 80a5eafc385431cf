-- Near-duplicate clusters: articles connected by committed duplicate links, one row per linked
-- article. A cluster is named by the smallest cluster_id any member took at ingest, which is the
-- id of its first copy (later copies join it, never rename it); when a new copy bridges two
-- clusters both take the smaller id. Connected components do not depend on the order copies came in.
CREATE VIEW article_clusters AS
WITH RECURSIVE
links AS (
    SELECT l.article_id AS a, l.duplicate_of AS b
    FROM _duplicate_links AS l
    JOIN batches USING (batch_id)
),
edges AS (
    SELECT a, b FROM links
    UNION
    SELECT b, a FROM links
),
reach(article_id, member) AS (
    SELECT DISTINCT a, a FROM edges
    UNION
    SELECT r.article_id, e.b FROM reach AS r JOIN edges AS e ON e.a = r.member
),
stored AS (
    SELECT x.article_id, min(x.cluster_id) AS cluster_id
    FROM _articles AS x
    JOIN batches USING (batch_id)
    GROUP BY x.article_id
)
SELECT r.article_id, min(s.cluster_id) AS cluster_id, count(DISTINCT r.member) AS cluster_size
FROM reach AS r
JOIN stored AS s ON s.article_id = r.member
GROUP BY r.article_id;
