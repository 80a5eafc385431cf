-- The articles whose stored rows a publish recomputes: those with rows in the new batches, those
-- whose shown version a new rejection hides (found by the document's number: new_rows.sql numbered
-- them, warehouse/views.py KEY_NUMBERS), and every member of a component one of them is in or a new
-- link changed (a cluster is named and counted from all its members).
CREATE TEMP TABLE dirty_articles AS
WITH touched AS (
    SELECT article_id FROM new_articles
    UNION
    SELECT v.article_id
    FROM _article_versions AS v
    WHERE v.doc_no IN (SELECT n.no FROM numbers AS n SEMI JOIN new_rejections AS r ON r.doc_id = n.key)
),
roots AS (
    SELECT c.root FROM _link_components AS c SEMI JOIN touched USING (article_id)
    UNION
    SELECT new_root FROM root_moves
)
SELECT article_id FROM touched
UNION
SELECT c.article_id FROM _link_components AS c SEMI JOIN roots USING (root);
