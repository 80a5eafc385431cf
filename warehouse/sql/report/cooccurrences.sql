-- The $limit strongest pairs of entities by the number of stories mentioning both. Pairs are formed
-- among the 200 entities in most stories, which keeps the pairing fast on a large archive: a pair left
-- out is in no more stories than the 200th entity.
WITH top AS (
    SELECT entity_id
    FROM report_story_entities
    GROUP BY entity_id
    ORDER BY count(*) DESC, entity_id
    LIMIT 200
),
mentions AS (
    SELECT cluster_id, entity_id FROM report_story_entities SEMI JOIN top USING (entity_id)
),
pairs AS (
    SELECT x.entity_id AS first_id, y.entity_id AS second_id, count(*) AS stories
    FROM mentions AS x
    JOIN mentions AS y ON x.cluster_id = y.cluster_id AND x.entity_id < y.entity_id
    GROUP BY ALL
)
SELECT a.name AS first, b.name AS second, p.stories
FROM pairs AS p
JOIN entities AS a ON a.entity_id = p.first_id
JOIN entities AS b ON b.entity_id = p.second_id
ORDER BY p.stories DESC, first, second
LIMIT $limit;
