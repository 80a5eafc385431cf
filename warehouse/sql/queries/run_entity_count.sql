-- Distinct canonical entities mentioned in the articles a run committed. Parameter: the run id.
SELECT count(DISTINCT m.entity_id)
FROM entity_mentions AS m
JOIN articles AS a USING (article_id)
WHERE a.run_id = ?;
