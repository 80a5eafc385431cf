-- The new batches' articles and rejections, read from the files added since the last publish
-- (`__new`, warehouse/views.py).
CREATE TEMP TABLE new_articles AS
SELECT * FROM _articles__new SEMI JOIN new_batches USING (batch_id);
CREATE TEMP TABLE new_rejections AS
SELECT * FROM _rejections__new SEMI JOIN new_batches USING (batch_id);
