-- The report's stories in the period, from the `stories` view (each story once, dated by its
-- story_date), with the first of its sites (plain-text files have none). A temporary table: the
-- other report queries read it, and it is computed once.
CREATE OR REPLACE TEMP TABLE report_stories AS
SELECT story_id AS cluster_id,
       story_date AS day,
       coalesce(sites[1], 'files (no site)') AS site,
       copies
FROM stories
WHERE ($date_from IS NULL OR story_date >= $date_from) AND ($date_to IS NULL OR story_date <= $date_to);
