-- The largest figures in the articles a run committed. Parameters: the run id, how many.
SELECT f.surface, f.object, f.kind
FROM figures AS f
JOIN articles AS a USING (article_id)
WHERE a.run_id = ?
ORDER BY coalesce(f.value, f.value_high) DESC NULLS LAST, f.surface
LIMIT ?;
