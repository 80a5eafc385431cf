-- Each shown article's story, by keys only: what story_copies adds to an article without its text and
-- other columns, so the story views and the ready questions join mentions, figures and stories to it
-- without reading articles (the columns it needs are _article_versions'). story_date: the earliest
-- article_date of the story's copies.
CREATE VIEW _story_keys AS
WITH copies AS (
    SELECT article_id, doc_id, batch_id, cluster_id AS story_id, committed_at AS seen_at,
           coalesce(published_date, CAST(timezone('UTC', committed_at) AS DATE)) AS article_date, word_count, source
    FROM _article_versions
)
SELECT story_id,
       row_number() OVER (PARTITION BY story_id ORDER BY seen_at, word_count DESC, source, article_id) = 1
           AS representative,
       article_date,
       min(article_date) OVER (PARTITION BY story_id) AS story_date,
       seen_at,
       article_id,
       doc_id,
       batch_id
FROM copies;

-- The copies of each story, one row per article. A story is a cluster of exact and near copies:
-- story_id is the articles' cluster_id. Its representative is the copy committed first (then the
-- longest, then by source), and story_mentions, story_entities and story_figures count from it
-- alone. site: the host of the canonical URL (else of the URL) without 'www.', else the site name,
-- as site_boilerplate names sites. article_date: the published date, else the UTC day the copy was
-- committed. seen_at: when the copy's batch was committed.
CREATE VIEW story_copies AS
WITH copies AS (
    SELECT k.story_id, k.representative, k.article_date, k.seen_at, a.*,
           site_of(a.canonical_url, a.url, a.sitename) AS site
    FROM _story_keys AS k
    JOIN _articles AS a ON a.article_id = k.article_id AND a.batch_id = k.batch_id AND a.doc_id = k.doc_id
)
SELECT c.story_id,
       c.representative,
       c.site,
       c.article_date,
       c.seen_at,
       c.* EXCLUDE (story_id, representative, site, article_date, seen_at, cluster_id)
FROM copies AS c;
