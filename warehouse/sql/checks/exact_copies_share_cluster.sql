-- Rows returned are violations: articles with the same text in different near-duplicate clusters (texts of the
-- checked batches, `check_batches`, against every article). A comparison with the archive: the articles of those
-- texts are found by the text_hash column of every file, and only their shown versions (_article_versions: each
-- article's version and cluster, as the articles view shows them) are compared, not the articles view's rows.
SELECT text_hash, count(DISTINCT cluster_id) AS clusters FROM _article_versions
WHERE text_hash IN (SELECT text_hash FROM checked_articles WHERE batch_id IN (SELECT batch_id FROM check_batches))
GROUP BY text_hash HAVING count(DISTINCT cluster_id) > 1;
