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
-- The dirty articles' stored versions, before their rows are recomputed: the stored table is read
-- once for the statements below (each read of it is a scan of every stored article).
CREATE TEMP TABLE dirty_versions AS
SELECT * FROM _article_versions SEMI JOIN dirty_articles USING (article_id);
CREATE TEMP TABLE dirty_stories AS
SELECT DISTINCT cluster_id AS story_id FROM dirty_versions;
-- The versions the dirty articles showed so far: their mention counts are stored (_article_entities).
CREATE TEMP TABLE previous_versions AS
SELECT article_id, batch_id FROM dirty_versions;
-- The dirty articles whose stored version cannot stand for all their earlier rows, read again from
-- every file: a new rejection hides the shown version (an older one may show again), an older version
-- took a smaller cluster at ingest than the shown one, or none of their versions is shown.
CREATE TEMP TABLE reread_articles AS
SELECT v.article_id
FROM dirty_versions AS v
WHERE v.ingest_cluster_id <> v.own_cluster_id OR v.doc_id IN (SELECT doc_id FROM new_rejections)
UNION
SELECT article_id FROM _hidden_articles SEMI JOIN dirty_articles USING (article_id);
