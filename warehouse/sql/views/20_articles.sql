-- The site of an article: the host of its canonical URL (else of its URL) without 'www.', else its site
-- name, lower case with spaces collapsed. A canonical_url is the page's own URL normalised, so where
-- there is one it speaks for both. Idempotent on a site (a publish passes a stored site as sitename).
CREATE MACRO site_of(canonical_url, url, sitename) AS coalesce(
    regexp_replace(
        nullif(regexp_extract(lower(coalesce(canonical_url, url)), '^[a-z][a-z0-9+.-]*://(?:[^@/?#]*@)?([^:/?#]*)', 1), ''),
        '^www\.', ''
    ),
    nullif(regexp_replace(lower(trim(sitename)), '\s+', ' ', 'g'), '')
);

-- The version of each article the views show, with its cluster: one row per article (keys, and the few
-- columns the story tables are computed from, so that views and macros which need no text join
-- mentions, figures and stories by these keys without reading the articles' other columns, and a
-- publish recomputes a story from these rows and the new batches' rows alone). Of several committed
-- versions (the page changed), the newest wins; a document rejected in a later batch is no longer an
-- article. own_cluster_id: the cluster the shown version took at ingest; ingest_cluster_id: the smallest
-- any committed version of the article took (what article_clusters names a cluster by).
CREATE VIEW _article_versions AS
WITH rejected AS (
    -- Each rejected document's latest rejection.
    SELECT r.doc_id, max(rb.committed_at) AS committed_at
    FROM _rejections AS r
    JOIN batches AS rb USING (batch_id)
    GROUP BY r.doc_id
),
versions AS (
    SELECT a.article_id, a.doc_id, a.batch_id, b.committed_at, a.cluster_id,
           min(a.cluster_id) OVER (PARTITION BY a.article_id) AS ingest_cluster_id,
           a.published_date, a.word_count, a.source, a.text_hash, site_of(a.canonical_url, a.url, a.sitename) AS site
    FROM _articles AS a
    JOIN batches AS b USING (batch_id)
)
SELECT a.article_id, a.doc_id, a.batch_id, a.committed_at, coalesce(c.cluster_id, a.cluster_id) AS cluster_id,
       a.cluster_id AS own_cluster_id, a.ingest_cluster_id,
       a.published_date, a.word_count, a.source, a.text_hash, a.site
FROM versions AS a
LEFT JOIN article_clusters AS c USING (article_id)
LEFT JOIN rejected AS r ON r.doc_id = a.doc_id
WHERE r.committed_at IS NULL OR r.committed_at <= a.committed_at
QUALIFY row_number() OVER (PARTITION BY a.article_id ORDER BY a.committed_at DESC, a.doc_id) = 1;

-- Articles with committed rows none of which the views show (each version's document rejected later):
-- a publish cannot recompute them from _article_versions, so it reads their rows again.
CREATE VIEW _hidden_articles AS
SELECT DISTINCT a.article_id
FROM _articles AS a
JOIN batches USING (batch_id)
ANTI JOIN _article_versions USING (article_id);

-- One row per article: of several committed versions (the page changed), the newest wins.
-- cluster_id groups near copies (article_clusters); an article with no copy is its own cluster.
-- A document rejected in a later batch (`newsetl reprocess` with a stricter extractor) is no
-- longer an article: its newest outcome wins, as in the rejections view.
CREATE VIEW articles AS
SELECT a.* REPLACE (v.cluster_id AS cluster_id)
FROM _articles AS a
JOIN _article_versions AS v ON v.article_id = a.article_id AND v.batch_id = a.batch_id AND v.doc_id = a.doc_id;
