-- The rows _story_keys is recomputed from: the dirty stories' shown articles.
CREATE TEMP VIEW _article_versions AS SELECT * FROM story_versions;
