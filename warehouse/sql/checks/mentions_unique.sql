-- Rows returned are violations: a mention (an article's span) a checked batch (`check_batches`) wrote twice. The
-- entity_mentions view shows the rows of one version of each article, one batch's: so a mention shown twice is a
-- mention its batch wrote twice, which this finds when that batch is checked (from its rows, not through the view).
SELECT article_id, char_start, char_end, count(*) AS n FROM checked_entity_mentions
WHERE batch_id IN (SELECT batch_id FROM check_batches)
GROUP BY batch_id, article_id, char_start, char_end HAVING count(*) > 1;
