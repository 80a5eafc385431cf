-- Figures of the article versions the articles view shows.
CREATE VIEW figures AS
SELECT f.* EXCLUDE (run_id, batch_id)
FROM _figures AS f
JOIN articles AS a ON a.article_id = f.article_id AND a.batch_id = f.batch_id;
