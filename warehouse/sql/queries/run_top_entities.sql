-- The entities most mentioned in the articles a run committed. Parameters: the run id, how many.
SELECT e.name, e.label, count(*) AS mentions
FROM entity_mentions AS m
JOIN articles AS a USING (article_id)
JOIN entities AS e USING (entity_id)
WHERE a.run_id = ?
GROUP BY ALL
ORDER BY mentions DESC, e.name
LIMIT ?;
