-- Search index: what the index holds of each of these articles, as the articles view shows it now
-- (an article absent here has left the view: its index entry is deleted). Parameter: the article ids.
WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS article_id)
SELECT
    a.article_id,
    a.batch_id,
    coalesce(a.title, '') AS title,
    a.text,
    a.published_date,
    coalesce(a.canonical_url, a.url) AS url,
    (SELECT list(DISTINCT m.entity_id) FROM _entity_mentions AS m
     WHERE m.article_id = a.article_id AND m.batch_id = a.batch_id) AS entity_ids
FROM articles AS a
JOIN wanted USING (article_id);
