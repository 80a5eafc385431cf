-- Why a line was dropped as site chrome: each short line seen in more than one story of a site,
-- with the number of articles and of stories (near-duplicate clusters as assigned at ingest)
-- it appeared in. Lines with stories >= the boilerplate min_stories setting are dropped from
-- the site's later articles.
CREATE VIEW site_boilerplate AS
WITH stories AS (
    SELECT x.article_id, min(x.cluster_id) AS cluster_id
    FROM _articles AS x
    JOIN batches USING (batch_id)
    GROUP BY x.article_id
)
SELECT l.site, min(l.line) AS line, l.line_hash, count(DISTINCT l.article_id) AS articles,
       count(DISTINCT s.cluster_id) AS stories
FROM _site_lines AS l
JOIN batches USING (batch_id)
JOIN stories AS s USING (article_id)
GROUP BY l.site, l.line_hash
HAVING count(DISTINCT s.cluster_id) > 1;
