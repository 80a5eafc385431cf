-- Rows returned are violations: the same mention shown twice.
SELECT article_id, char_start, char_end, count(*) AS n FROM entity_mentions
GROUP BY article_id, char_start, char_end HAVING count(*) > 1;
