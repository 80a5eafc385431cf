-- One row per story (a cluster of exact and near copies, story_copies): how many copies and
-- distinct texts it has, the sites that carried it, story_date (its earliest copy's article_date:
-- the day timelines put it on), when the archive first and last committed a copy, the earliest
-- and latest published dates of its copies, then its representative article's columns.
CREATE VIEW stories AS
-- One pass over story_copies (which computes the articles view): the representative's columns are
-- those of its one row with representative true, NULLs kept (arg_max_null); a query that does not
-- select them (the text) does not read them.
SELECT story_id,
       count(*) AS copies,
       count(DISTINCT text_hash) AS texts,
       coalesce(list(DISTINCT site ORDER BY site) FILTER (WHERE site IS NOT NULL), []) AS sites,
       min(article_date) AS story_date,
       min(seen_at) AS first_seen,
       max(seen_at) AS last_seen,
       min(published_date) AS first_published,
       max(published_date) AS last_published,
       arg_max_null(COLUMNS(c.* EXCLUDE (story_id, representative, site, article_date, seen_at)), representative)
FROM story_copies AS c
GROUP BY story_id;
