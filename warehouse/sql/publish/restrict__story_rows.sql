-- The rows _story_rows is recomputed from: the dirty stories' keys and their articles' versions.
CREATE TEMP TABLE _story_keys AS
SELECT * FROM main._story_keys SEMI JOIN dirty_stories USING (story_id);
CREATE TEMP TABLE _article_versions AS
SELECT * FROM main._article_versions SEMI JOIN story_articles USING (article_id);
