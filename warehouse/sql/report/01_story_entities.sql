-- Each entity once per story of the period (whichever copies mention it), from report_stories.
CREATE OR REPLACE TEMP TABLE report_story_entities AS
SELECT DISTINCT a.cluster_id, m.entity_id
FROM entity_mentions AS m
JOIN articles AS a USING (article_id)
SEMI JOIN report_stories AS s ON s.cluster_id = a.cluster_id;
