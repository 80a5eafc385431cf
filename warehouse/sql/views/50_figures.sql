-- Figures of the article versions the articles view shows.
CREATE VIEW figures AS
-- Joined by key to the versions articles shows (_article_versions), not to articles: one row each.
SELECT f.* EXCLUDE (run_id, batch_id)
FROM _figures AS f
JOIN _article_versions AS v ON v.article_id = f.article_id AND v.batch_id = f.batch_id;
