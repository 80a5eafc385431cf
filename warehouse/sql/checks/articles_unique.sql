-- Rows returned are violations: an article shown twice.
SELECT article_id, count(*) AS n FROM articles GROUP BY article_id HAVING count(*) > 1;
