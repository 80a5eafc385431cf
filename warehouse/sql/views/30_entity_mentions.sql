-- Mentions of the article versions the articles view shows.
CREATE VIEW entity_mentions AS
-- Joined by key to the versions articles shows (_article_versions), not to articles: one row each.
SELECT m.* EXCLUDE (run_id, batch_id)
FROM _entity_mentions AS m
JOIN _article_versions AS v ON v.article_id = m.article_id AND v.batch_id = m.batch_id;
