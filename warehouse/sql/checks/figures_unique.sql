-- Rows returned are violations: a figure a checked batch (`check_batches`) wrote twice for an article. The
-- figures view shows the rows of one version of each article, one batch's: so a figure shown twice is a figure its
-- batch wrote twice, which this finds when that batch is checked (from its rows, not through the view).
SELECT article_id, figure_id, count(*) AS n FROM checked_figures
WHERE batch_id IN (SELECT batch_id FROM check_batches)
GROUP BY batch_id, article_id, figure_id HAVING count(*) > 1;
