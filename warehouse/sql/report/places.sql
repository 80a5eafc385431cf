-- Places with coordinates (entities.latitude, entities.longitude) and the stories of the period that
-- mention them, most first. Run only when the entities view has both columns.
SELECT e.name, e.longitude, e.latitude, count(*) AS stories
FROM report_story_entities AS se
JOIN entities AS e USING (entity_id)
WHERE e.latitude IS NOT NULL AND e.longitude IS NOT NULL
GROUP BY ALL
ORDER BY stories DESC, e.name
LIMIT $limit;
