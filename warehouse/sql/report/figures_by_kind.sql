-- Figures by kind and object, each figure once per story (the same value, unit and object in two copies,
-- or twice in one article, counts once): the $limit most frequent.
WITH story_figures AS (
    SELECT DISTINCT a.cluster_id, f.kind, lower(coalesce(f.object, '')) AS object, f.unit, f.value, f.value_low, f.value_high
    FROM figures AS f
    JOIN articles AS a USING (article_id)
    SEMI JOIN report_stories AS s ON s.cluster_id = a.cluster_id
)
SELECT kind, coalesce(nullif(object, ''), '(no object)') AS object, count(*) AS figures
FROM story_figures
GROUP BY ALL
ORDER BY figures DESC, kind, object
LIMIT $limit;
