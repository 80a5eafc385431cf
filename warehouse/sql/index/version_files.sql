-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the big table otherwise). The Parquet files and row groups holding the entity mentions and figures of the wanted articles, per version
-- (article_id and the batch that wrote it) and table.
SELECT v.article_id, v.batch_id, v.tbl, v.file, v.row_group
FROM wanted AS w
CROSS JOIN version_files AS v ON v.article_id = w.key;
