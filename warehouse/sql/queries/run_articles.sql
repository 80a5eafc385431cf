-- The article versions a run committed that the views show (as `_article_versions` chooses them), into a temporary
-- table the run's numbers read (run_*.sql). Parameter ($1): the run id. Read from the run's own rows
-- (`checked_<table>`, warehouse/query.py checked_views: at a run's end the files its batches can lie in), not
-- through the `articles` view, which joins `_article_versions`, a row per article of the archive, and whose mentions
-- and figures views read every file to find the run's. The run is the last to have written: a later version of
-- one of its articles, or a later rejection of its document, which would hide its row, is of the run's batches too.
-- So of the run's versions of an article, the newest whose document no later batch of the run rejected shows.
CREATE OR REPLACE TEMP TABLE run_articles AS
WITH versions AS (
    SELECT a.article_id, a.doc_id, a.batch_id, b.committed_at
    FROM checked_articles AS a
    JOIN batches AS b USING (batch_id)
    WHERE a.run_id = $1 AND b.run_id = $1
),
rejected AS (
    -- Each of the run's articles' documents' latest rejection by the run.
    SELECT r.doc_id, max(b.committed_at) AS committed_at
    FROM checked_rejections AS r
    JOIN batches AS b USING (batch_id)
    WHERE r.run_id = $1 AND b.run_id = $1 AND r.doc_id IN (SELECT doc_id FROM versions)
    GROUP BY r.doc_id
)
SELECT v.article_id, v.doc_id, v.batch_id
FROM versions AS v
LEFT JOIN rejected AS r USING (doc_id)
WHERE r.committed_at IS NULL OR r.committed_at <= v.committed_at
QUALIFY row_number() OVER (PARTITION BY v.article_id ORDER BY v.committed_at DESC, v.doc_id) = 1;
