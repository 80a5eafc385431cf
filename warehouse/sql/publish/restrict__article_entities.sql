-- The rows _article_entities is recomputed from: the dirty stories' keys, and their articles' mention
-- counts (mention_sources.sql), counted by the view's own SQL from the mentions read or taken from
-- the stored rows.
CREATE TEMP VIEW _story_keys AS SELECT * FROM _story_keys__fresh;
CREATE TEMP VIEW _entity_mentions AS
SELECT * FROM _entity_mentions__new
SEMI JOIN (SELECT article_id, batch_id FROM mention_sources WHERE counted_from = 'new') USING (article_id, batch_id)
UNION ALL
SELECT * FROM _entity_mentions__reread
SEMI JOIN (SELECT article_id, batch_id FROM mention_sources WHERE counted_from = 'reread') USING (article_id, batch_id);
CREATE TEMP TABLE _mention_counts AS
SELECT article_id, batch_id, entity_id, mentions FROM main._mention_counts
UNION ALL
SELECT article_id, batch_id, entity_id, mentions
FROM main._article_entities
-- A version counted from the stored rows is of a dirty story (one not dirty kept its story), so its rows
-- are among the dirty stories', found by their numbers first.
WHERE story_no IN (SELECT n.no FROM numbers AS n SEMI JOIN dirty_stories AS d ON d.story_id = n.key)
  AND (article_id, batch_id) IN (SELECT (article_id, batch_id) FROM mention_sources WHERE counted_from = 'stored');
