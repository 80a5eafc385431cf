-- The rows _story_keys is recomputed from: the dirty stories' shown articles.
CREATE TEMP TABLE _article_versions AS
SELECT * FROM main._article_versions SEMI JOIN story_articles USING (article_id);
