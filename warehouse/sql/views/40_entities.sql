-- One row per canonical entity that some visible article mentions.
CREATE VIEW entities AS
WITH names AS (
    SELECT e.entity_id, min(e.name) AS name, min(e.label) AS label, min(e.country_code) AS country_code
    FROM _entities AS e
    JOIN batches AS b USING (batch_id)
    GROUP BY e.entity_id
)
SELECT n.entity_id, n.name, n.label, count(*) AS mention_count, n.country_code
FROM names AS n
JOIN entity_mentions AS m USING (entity_id)
GROUP BY n.entity_id, n.name, n.label, n.country_code;
