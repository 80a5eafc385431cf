-- The rows _story_rows is recomputed from: the dirty stories' keys and their articles.
CREATE TEMP TABLE _story_keys AS
SELECT * FROM main._story_keys SEMI JOIN dirty_stories USING (story_id);
CREATE OR REPLACE TEMP VIEW _articles AS
SELECT * FROM _articles__files SEMI JOIN story_articles USING (article_id);
