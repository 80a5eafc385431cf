-- The rows _article_entities is recomputed from: the dirty stories' keys and their articles' mentions.
CREATE TEMP TABLE _story_keys AS
SELECT * FROM main._story_keys SEMI JOIN dirty_stories USING (story_id);
CREATE OR REPLACE TEMP VIEW _entity_mentions AS
SELECT * FROM _entity_mentions__files SEMI JOIN story_articles USING (article_id);
