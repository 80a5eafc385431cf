-- Search results: the story (near-duplicate cluster) of each matching article as the views show it
-- now, with the shown copy's details and the number of articles in the story. A hit whose indexed
-- version is no longer the article's newest finds no row here. Parameters: article ids, batch ids.
WITH hits AS (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS batch_id),
found AS (SELECT a.* FROM articles AS a JOIN hits USING (article_id, batch_id))
SELECT
    f.article_id,
    f.cluster_id,
    f.title,
    f.published_date,
    coalesce(f.canonical_url, f.url) AS url,
    f.source,
    f.sitename,
    (SELECT count(*) FROM articles AS c WHERE c.cluster_id = f.cluster_id) AS copies
FROM found AS f;
