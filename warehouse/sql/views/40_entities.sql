-- One row per canonical entity that some visible article mentions.
CREATE VIEW entities AS
WITH names AS (
    SELECT e.entity_id, min(COLUMNS(e.* EXCLUDE (entity_id, run_id, batch_id)))
    FROM _entities AS e
    JOIN batches AS b USING (batch_id)
    GROUP BY e.entity_id
)
-- country_code (schema 2) after mention_count, where the view has always shown it.
SELECT n.* EXCLUDE (country_code), count(*) AS mention_count, n.country_code
FROM names AS n
JOIN entity_mentions AS m USING (entity_id)
GROUP BY ALL;
