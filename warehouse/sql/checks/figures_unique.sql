-- Rows returned are violations: the same figure shown twice.
SELECT article_id, figure_id, count(*) AS n FROM figures GROUP BY article_id, figure_id HAVING count(*) > 1;
