-- Figures by kind and object, each figure once per story (as story_figures: the representative
-- copy's, found by the representative's keys in report_stories), the $limit most frequent.
SELECT kind, coalesce(nullif(lower(coalesce(object, '')), ''), '(no object)') AS object, count(*) AS figures
FROM _figures AS f
SEMI JOIN report_stories AS s ON s.article_id = f.article_id AND s.batch_id = f.batch_id
GROUP BY ALL
ORDER BY figures DESC, kind, object
LIMIT $limit;
