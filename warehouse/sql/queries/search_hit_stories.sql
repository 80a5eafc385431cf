-- Search results: the story (near-duplicate cluster) of each matching article as the views show it
-- now, with the shown copy's details and the number of articles in the story. A hit whose indexed
-- version is no longer the article's newest finds no row here. By key through the stored story
-- tables (_story_keys, _story_rows): no view over every article is computed. Parameters: article
-- ids, batch ids.
WITH hits AS (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS batch_id),
found AS (
    SELECT k.article_id, k.batch_id, k.doc_id, k.story_id
    FROM _story_keys AS k
    JOIN hits ON hits.article_id = k.article_id AND hits.batch_id = k.batch_id
)
SELECT
    f.article_id,
    f.story_id AS cluster_id,
    a.title,
    a.published_date,
    coalesce(a.canonical_url, a.url) AS url,
    a.source,
    a.sitename,
    s.copies
FROM found AS f
JOIN _articles AS a ON a.article_id = f.article_id AND a.batch_id = f.batch_id AND a.doc_id = f.doc_id
JOIN _story_rows AS s ON s.story_id = f.story_id;
