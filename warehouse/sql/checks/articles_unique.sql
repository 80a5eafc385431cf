-- Rows returned are violations: an article shown twice. Only articles that the checked batches wrote
-- (`check_batches`: the run's at a run's end) are looked at, so the check costs what a run wrote.
SELECT article_id, count(*) AS n FROM articles
WHERE article_id IN (SELECT article_id FROM _articles WHERE batch_id IN (SELECT batch_id FROM check_batches))
GROUP BY article_id HAVING count(*) > 1;
