-- Rows returned are violations: the same figure shown twice (articles the checked batches,
-- `check_batches`, wrote).
SELECT article_id, figure_id, count(*) AS n FROM figures
WHERE article_id IN (SELECT article_id FROM _articles WHERE batch_id IN (SELECT batch_id FROM check_batches))
GROUP BY article_id, figure_id HAVING count(*) > 1;
