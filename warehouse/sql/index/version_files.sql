-- CROSS JOIN keeps `wanted_versions` the outer loop (SQLite would scan the big table otherwise). The Parquet files
-- and row groups holding the entity mentions and figures of the wanted article versions (the batch that wrote
-- each and its article id), per version and table.
SELECT v.article_id, v.batch_id, v.tbl, v.file, v.row_group
FROM wanted_versions AS w
CROSS JOIN version_files AS v ON v.batch_id = w.batch_id AND v.article_id = w.article_id;
