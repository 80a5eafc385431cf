-- Where the mention counts of each dirty story's shown article versions come from: a version of the
-- new batches is counted from their files, a version shown before from the stored rows
-- (_article_entities, which hold its count per entity), any other (an older version showing again)
-- from every file.
CREATE TEMP TABLE mention_sources AS
SELECT k.article_id, k.batch_id,
       CASE
           WHEN k.batch_id IN (SELECT batch_id FROM new_batches) THEN 'new'
           WHEN k.article_id NOT IN (SELECT article_id FROM dirty_articles) OR p.article_id IS NOT NULL THEN 'stored'
           ELSE 'reread'
       END AS counted_from
FROM _story_keys__fresh AS k
LEFT JOIN previous_versions AS p USING (article_id, batch_id);
