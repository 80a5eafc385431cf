-- Figures by kind and object, each figure once per story (story_figures: the representative copy's),
-- the $limit most frequent.
SELECT kind, coalesce(nullif(lower(coalesce(object, '')), ''), '(no object)') AS object, count(*) AS figures
FROM story_figures AS f
SEMI JOIN report_stories AS s ON s.cluster_id = f.story_id
GROUP BY ALL
ORDER BY figures DESC, kind, object
LIMIT $limit;
