-- Each entity once per story of the period (story_entities), from report_stories.
CREATE OR REPLACE TEMP TABLE report_story_entities AS
SELECT e.story_id AS cluster_id, e.entity_id
FROM story_entities AS e
SEMI JOIN report_stories AS s ON s.cluster_id = e.story_id;
