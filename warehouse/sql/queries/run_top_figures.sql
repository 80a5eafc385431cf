-- The largest figures in the articles a run committed (`run_articles`, run_articles.sql), from the run's own files.
-- Parameter: how many.
SELECT f.surface, f.object, f.kind
FROM checked_figures AS f
SEMI JOIN run_articles AS a USING (article_id, batch_id)
ORDER BY coalesce(f.value, f.value_high) DESC NULLS LAST, f.surface
LIMIT ?;
