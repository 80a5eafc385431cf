-- Each entity once per article the views show, with its story and how often the article mentions
-- it: the rows entity timelines (by stories and by articles), co-occurrences and the report count,
-- a group over every mention done once, stored at publish (warehouse/views.py STORED_VIEWS).
-- Counted by key first, then joined (one _story_keys row per article version): a join of every mention
-- grouped by the story's columns as well costs more. A publish counts only the mentions of new article
-- versions and takes the others' counts from the stored rows (warehouse/sql/publish).
CREATE VIEW _mention_counts AS
SELECT article_id, batch_id, entity_id, count(*) AS mentions
FROM _entity_mentions
GROUP BY article_id, batch_id, entity_id;

CREATE VIEW _article_entities AS
SELECT m.entity_id, k.story_id, k.representative, k.article_date, k.story_date, m.article_id, m.batch_id, m.mentions
FROM _mention_counts AS m
JOIN _story_keys AS k ON k.article_id = m.article_id AND k.batch_id = m.batch_id;

-- Each entity once per story, with how often the story's representative copy mentions it: what
-- "in how many stories" questions (an entity over time, who appears with whom) count.
CREATE VIEW story_entities AS
SELECT story_id, article_id, entity_id, mentions
FROM _article_entities
WHERE representative;

-- Each entity's canonical columns (name, label, ...), from committed batches, as the entities view
-- names them but without counting its mentions: what the report joins names from.
CREATE VIEW _entity_names AS
SELECT e.entity_id, min(COLUMNS(e.* EXCLUDE (entity_id, run_id, batch_id)))
FROM _entities AS e
JOIN batches USING (batch_id)
GROUP BY e.entity_id;
