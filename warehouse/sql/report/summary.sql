-- The report's headline numbers for the period: stories, articles (copies), entities, first and last day, and the
-- newest commit the views show.
SELECT
    count(*) AS stories,
    coalesce(sum(copies), 0) AS articles,
    (SELECT count(DISTINCT entity_id) FROM report_story_entities) AS entities,
    min(day) AS first_day,
    max(day) AS last_day,
    (SELECT max(committed_at) FROM batches) AS as_of
FROM report_stories;
