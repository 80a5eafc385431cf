-- Mentions of the article versions the articles view shows.
CREATE VIEW entity_mentions AS
SELECT m.article_id, m.entity_id, m.surface, m.label, m.char_start, m.char_end
FROM _entity_mentions AS m
JOIN articles AS a ON a.article_id = m.article_id AND a.batch_id = m.batch_id;
