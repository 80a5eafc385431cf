-- After the dirty articles are numbered (`numbers`, warehouse/views.py KEY_NUMBERS): their stored
-- versions, before their rows are recomputed, found by the articles' numbers (an integer column, not
-- every stored article_id), read once for the statements below. The stories they are in so far and
-- their documents are numbered by them (no look-up).
CREATE TEMP TABLE dirty_versions AS
SELECT *
FROM _article_versions
WHERE article_no IN (SELECT n.no FROM numbers AS n SEMI JOIN dirty_articles AS d ON d.article_id = n.key);
INSERT INTO numbers
SELECT DISTINCT v.key, v.no
FROM (SELECT cluster_id, story_no FROM dirty_versions UNION ALL SELECT doc_id, doc_no FROM dirty_versions) AS v(key, no)
ANTI JOIN numbers AS n USING (key);
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
