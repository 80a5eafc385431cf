-- Mentions of the article versions the articles view shows.
CREATE VIEW entity_mentions AS
SELECT m.* EXCLUDE (run_id, batch_id)
FROM _entity_mentions AS m
JOIN articles AS a ON a.article_id = m.article_id AND a.batch_id = m.batch_id;
