-- The copies of each story, one row per article. A story is a cluster of exact and near copies:
-- story_id is the articles' cluster_id. Its representative is the copy committed first (then the
-- longest, then by source), and story_mentions, story_entities and story_figures count from it
-- alone. site: the host of the canonical URL (else of the URL) without 'www.', else the site name,
-- as site_boilerplate names sites. article_date: the published date, else the UTC day the copy was
-- committed. seen_at: when the copy's batch was committed.
CREATE VIEW story_copies AS
WITH copies AS (
    SELECT a.*,
           b.committed_at AS seen_at,
           -- The host of scheme://[user@]host[:port]/..., '' when there is none. A canonical_url is the
           -- page's own URL normalised, so where there is one it speaks for both.
           regexp_extract(lower(coalesce(a.canonical_url, a.url)), '^[a-z][a-z0-9+.-]*://(?:[^@/?#]*@)?([^:/?#]*)', 1)
               AS host
    FROM articles AS a
    JOIN batches AS b USING (batch_id)
)
SELECT c.cluster_id AS story_id,
       row_number() OVER (
           PARTITION BY c.cluster_id ORDER BY c.seen_at, c.word_count DESC, c.source, c.article_id
       ) = 1 AS representative,
       coalesce(
           regexp_replace(nullif(c.host, ''), '^www\.', ''),
           nullif(regexp_replace(lower(trim(c.sitename)), '\s+', ' ', 'g'), '')
       ) AS site,
       coalesce(c.published_date, CAST(timezone('UTC', c.seen_at) AS DATE)) AS article_date,
       c.seen_at,
       c.* EXCLUDE (cluster_id, seen_at, host)
FROM copies AS c;
