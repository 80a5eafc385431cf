-- Rows returned are violations: an article a checked batch (`check_batches`: the run's at a run's end) wrote
-- twice. A batch writes an article once (transforms/batches.py, split_results: a second document of it is
-- rejected), and the articles view shows one version of each article, the rows of one batch: so an article shown
-- twice is an article its batch wrote twice, which this finds when that batch is checked. Read from the checked
-- batches' rows, not through the view, which is built over every article of the archive.
SELECT article_id, count(*) AS n FROM checked_articles
WHERE batch_id IN (SELECT batch_id FROM check_batches)
GROUP BY batch_id, article_id HAVING count(*) > 1;
