-- The rows _story_rows is recomputed from: the dirty stories' keys (those just recomputed,
-- `_story_keys__fresh`) and their articles' versions.
CREATE TEMP VIEW _story_keys AS SELECT * FROM _story_keys__fresh;
CREATE TEMP VIEW _article_versions AS SELECT * FROM story_versions;
