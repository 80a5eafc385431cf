-- Each article a committed duplicate link names, with the root of its connected component (the
-- smallest article_id in it): the recursion over every link, stored at publish (warehouse/views.py
-- STORED_VIEWS) so that a publish joins only the components a new link touches.
CREATE VIEW _link_components AS
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
-- Connected components by label propagation: each linked article starts as its own root and takes
-- the smallest root of its neighbours, one step along the links at a time. A step yields only the
-- articles whose root got smaller (USING KEY keeps one row per article), so the work is the links
-- times the longest path, not every member paired with every member as a transitive closure is.
component(article_id, root) USING KEY (article_id) AS (
    SELECT DISTINCT a, a FROM edges
    UNION
    SELECT e.a, min(changed.root)
    FROM component AS changed
    JOIN edges AS e ON e.b = changed.article_id
    JOIN recurring.component AS now ON now.article_id = e.a
    GROUP BY e.a, now.root
    HAVING min(changed.root) < now.root
)
SELECT article_id, root FROM component;

-- Near-duplicate clusters: articles connected by committed duplicate links, one row per linked
-- article. A cluster is named by the smallest cluster_id any member took at ingest, which is the
-- id of its first copy (later copies join it, never rename it); when a new copy bridges two
-- clusters both take the smaller id. Connected components do not depend on the order copies came in.
CREATE VIEW article_clusters AS
WITH stored AS (
    SELECT x.article_id, min(x.cluster_id) AS cluster_id
    FROM _articles AS x
    JOIN batches USING (batch_id)
    SEMI JOIN _link_components AS c ON c.article_id = x.article_id
    GROUP BY x.article_id
),
-- Only members with a committed article row name and count a cluster.
named AS (
    SELECT c.root, min(s.cluster_id) AS cluster_id, count(*) AS cluster_size
    FROM _link_components AS c
    JOIN stored AS s USING (article_id)
    GROUP BY c.root
)
SELECT c.article_id, n.cluster_id, n.cluster_size
FROM _link_components AS c
JOIN named AS n USING (root);
