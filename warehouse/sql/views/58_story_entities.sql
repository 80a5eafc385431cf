-- Each entity once per story, with how often the story's representative copy mentions it: what
-- "in how many stories" questions (an entity over time, who appears with whom) count.
CREATE VIEW story_entities AS
SELECT story_id, article_id, entity_id, count(*) AS mentions
FROM story_mentions
GROUP BY story_id, article_id, entity_id;
