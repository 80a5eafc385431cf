-- The report's stories in the period: one row per near-duplicate cluster (articles.cluster_id), dated by
-- its earliest published date (else the day its first copy was committed), with the site of its first
-- copy that has one (host of the canonical URL, else of the URL, else the site name; plain-text files
-- have none). Until the views `stories` / `story_mentions` exist, the report counts stories here; this
-- file and 01_story_entities.sql are the only ones to switch. A temporary table: the other report
-- queries read it, and it is computed once.
CREATE OR REPLACE TEMP TABLE report_stories AS
WITH copies AS (
    SELECT
        a.cluster_id,
        a.article_id,
        coalesce(a.published_date, b.committed_at::DATE) AS day,
        coalesce(
            nullif(regexp_extract(coalesce(a.canonical_url, a.url, ''), '^[a-zA-Z]+://(?:www\.)?([^/:?#]+)', 1), ''),
            a.sitename
        ) AS site,
        b.committed_at
    FROM articles AS a
    JOIN batches AS b USING (batch_id)
),
stories AS (
    SELECT
        cluster_id,
        min(day) AS day,
        arg_min(site, (site IS NULL, committed_at, article_id)) AS site,
        count(*) AS copies
    FROM copies
    GROUP BY cluster_id
)
SELECT cluster_id, day, coalesce(site, 'files (no site)') AS site, copies
FROM stories
WHERE ($date_from IS NULL OR day >= $date_from) AND ($date_to IS NULL OR day <= $date_to);
