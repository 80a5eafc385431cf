-- The articles whose stored rows a publish recomputes: those with rows in the new batches, those
-- whose shown version a new rejection hides, and every member of a component one of them is in or a
-- new link changed (a cluster is named and counted from all its members). Then the stories they are
-- in now (before their rows are recomputed: the stories they leave). The new batches' rows are read
-- from the files added since the last publish (`__new`, warehouse/views.py).
CREATE TEMP TABLE new_articles AS
SELECT * FROM _articles__new SEMI JOIN new_batches USING (batch_id);
CREATE TEMP TABLE new_rejections AS
SELECT * FROM _rejections__new SEMI JOIN new_batches USING (batch_id);
CREATE TEMP TABLE dirty_articles AS
WITH touched AS (
    SELECT article_id FROM new_articles
    UNION
    SELECT v.article_id FROM _article_versions AS v SEMI JOIN new_rejections USING (doc_id)
),
roots AS (
    SELECT c.root FROM _link_components AS c SEMI JOIN touched USING (article_id)
    UNION
    SELECT new_root FROM root_moves
)
SELECT article_id FROM touched
UNION
SELECT c.article_id FROM _link_components AS c SEMI JOIN roots USING (root);
