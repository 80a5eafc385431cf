-- How each surface form was resolved: one row per (surface as written, entity), so every
-- merge ("the US", "America" -> United States; "Kirby" -> John Kirby) can be explained.
CREATE VIEW entity_aliases AS
SELECT m.surface, m.entity_id, e.name, e.label, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM entity_mentions AS m
JOIN entities AS e USING (entity_id)
GROUP BY m.surface, m.entity_id, e.name, e.label;
