-- The $limit entities in most stories, and their stories per period ($unit: day, week or month).
WITH top AS (
    SELECT entity_id, count(*) AS stories
    FROM report_story_entities
    GROUP BY entity_id
    ORDER BY stories DESC, entity_id
    LIMIT $limit
)
SELECT
    e.name || ' (' || e.label || ')' AS entity,
    date_trunc($unit, s.day)::DATE AS period,
    count(*) AS stories,
    any_value(top.stories) AS total
FROM top
JOIN report_story_entities AS se USING (entity_id)
JOIN report_stories AS s USING (cluster_id)
JOIN entities AS e USING (entity_id)
GROUP BY ALL
ORDER BY total DESC, entity, period;
