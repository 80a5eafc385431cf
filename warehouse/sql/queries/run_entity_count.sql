-- Distinct canonical entities mentioned in the articles a run committed (`run_articles`, run_articles.sql): the
-- mentions of the versions shown, from the run's own files. No parameter.
SELECT count(DISTINCT m.entity_id)
FROM checked_entity_mentions AS m
SEMI JOIN run_articles AS a USING (article_id, batch_id);
