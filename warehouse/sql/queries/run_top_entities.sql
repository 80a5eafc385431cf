-- The entities most mentioned in the articles a run committed (`run_articles`, run_articles.sql), their mentions
-- counted from the run's own files. Parameter: how many.
-- The run's mentions are counted by entity first, and names read for those entities only: joined with the `entities`
-- view, the run's end counted every mention of the archive (that view's mention_count) to name the run's ten: the
-- largest step of the flow process's memory at the end of a 3,000-page run (docs/benchmarks.md, round 30). A name and
-- label shared by two entities count together, as they did.
WITH run_mentions AS (
    SELECT m.entity_id, count(*) AS mentions
    FROM checked_entity_mentions AS m
    SEMI JOIN run_articles AS a USING (article_id, batch_id)
    GROUP BY m.entity_id
), names AS (
    -- As the `entities` view names an entity: each column's least value over the committed batches' rows (every
    -- file's: an entity a copy of an earlier article mentions was committed with that article, and the name an id
    -- stands for may differ between batches, by case or a country's display name).
    SELECT e.entity_id, min(e.name) AS name, min(e.label) AS label
    FROM _entities AS e
    JOIN batches AS b USING (batch_id)
    WHERE e.entity_id IN (SELECT entity_id FROM run_mentions)
    GROUP BY e.entity_id
)
SELECT n.name, n.label, sum(r.mentions)::BIGINT AS mentions
FROM run_mentions AS r
JOIN names AS n USING (entity_id)
GROUP BY ALL
ORDER BY mentions DESC, n.name
LIMIT ?;
