-- Rows returned are violations: the same mention shown twice (articles the checked batches,
-- `check_batches`, wrote).
SELECT article_id, char_start, char_end, count(*) AS n FROM entity_mentions
WHERE article_id IN (SELECT article_id FROM _articles WHERE batch_id IN (SELECT batch_id FROM check_batches))
GROUP BY article_id, char_start, char_end HAVING count(*) > 1;
