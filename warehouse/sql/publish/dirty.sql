-- The articles whose stored rows a publish recomputes: those with rows in the new batches, those
-- whose shown version a new rejection hides, and every member of a component one of them is in or a
-- new link changed (a cluster is named and counted from all its members). Then the stories they are
-- in now (before their rows are recomputed: the stories they leave).
CREATE TEMP TABLE dirty_articles AS
WITH touched AS (
    SELECT article_id FROM _articles SEMI JOIN new_batches USING (batch_id)
    UNION
    SELECT v.article_id
    FROM _article_versions AS v
    SEMI JOIN (SELECT doc_id FROM _rejections SEMI JOIN new_batches USING (batch_id)) AS r USING (doc_id)
),
roots AS (
    SELECT c.root FROM _link_components AS c SEMI JOIN touched USING (article_id)
    UNION
    SELECT new_root FROM root_moves
)
SELECT article_id FROM touched
UNION
SELECT c.article_id FROM _link_components AS c SEMI JOIN roots USING (root);
CREATE TEMP TABLE dirty_stories AS
SELECT DISTINCT cluster_id AS story_id FROM _article_versions SEMI JOIN dirty_articles USING (article_id);
