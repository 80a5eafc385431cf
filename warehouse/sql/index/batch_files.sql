-- CROSS JOIN keeps `wanted` the outer loop (SQLite would scan the big table otherwise). The Parquet files and row
-- groups holding the entity mentions and figures that the wanted batches wrote, per table: an article version's rows
-- are among its batch's (warehouse/lookups.py reads those row groups and keeps the version's rows).
SELECT f.batch_id, f.tbl, f.file, f.row_group
FROM wanted AS w
CROSS JOIN batch_files AS f ON f.batch_id = w.key;
