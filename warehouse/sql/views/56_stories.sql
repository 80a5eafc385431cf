-- The story's own columns and its representative's keys, without the articles' other columns: one
-- group over the story's copies (as story_copies shows them, from the keys and _article_versions'
-- columns, no article read), stored at publish (warehouse/views.py STORED_VIEWS), so neither
-- `stories` nor the report groups every copy again.
CREATE VIEW _story_rows AS
SELECT story_id,
       count(*) AS copies,
       count(DISTINCT text_hash) AS texts,
       coalesce(list(DISTINCT site ORDER BY site) FILTER (WHERE site IS NOT NULL), []) AS sites,
       min(article_date) AS story_date,
       min(seen_at) AS first_seen,
       max(seen_at) AS last_seen,
       min(published_date) AS first_published,
       max(published_date) AS last_published,
       -- Exactly one copy of a story is its representative (_story_keys).
       any_value(article_id) FILTER (WHERE representative) AS representative_article_id,
       any_value(batch_id) FILTER (WHERE representative) AS representative_batch_id,
       any_value(doc_id) FILTER (WHERE representative) AS representative_doc_id
FROM _story_keys AS k
JOIN _article_versions AS v USING (article_id, batch_id, doc_id)
GROUP BY story_id;

-- One row per story (a cluster of exact and near copies, story_copies): how many copies and
-- distinct texts it has, the sites that carried it, story_date (its earliest copy's article_date:
-- the day timelines put it on), when the archive first and last committed a copy, the earliest
-- and latest published dates of its copies, then its representative article's columns.
CREATE VIEW stories AS
-- The representative's columns, NULLs kept, joined by key: a query that does not select them (the
-- text) reads only the stored rows and the keys. The stored rows' columns are named, as _story_rows
-- gives them: the stored table carries its key's number too (warehouse/views.py KEY_NUMBERS).
SELECT s.story_id, s.copies, s.texts, s.sites, s.story_date, s.first_seen, s.last_seen, s.first_published,
       s.last_published,
       a.* EXCLUDE (cluster_id)
FROM _story_rows AS s
JOIN _articles AS a
    ON a.article_id = s.representative_article_id
    AND a.batch_id = s.representative_batch_id
    AND a.doc_id = s.representative_doc_id;
