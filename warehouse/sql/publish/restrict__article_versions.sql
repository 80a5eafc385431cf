-- The rows _article_versions is recomputed from (its SQL reads these names): the dirty articles' rows
-- and the rejections of their documents; the clusters read the same articles (every member of the
-- components they are in).
CREATE OR REPLACE TEMP VIEW _articles AS
SELECT * FROM _articles__files SEMI JOIN dirty_articles USING (article_id);
CREATE OR REPLACE TEMP VIEW _rejections AS
SELECT * FROM _rejections__files
WHERE doc_id IN (SELECT doc_id FROM _articles__files SEMI JOIN dirty_articles USING (article_id));
