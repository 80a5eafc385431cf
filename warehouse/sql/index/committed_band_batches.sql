-- The number that stands for each committed batch in the band runs, with its id: a merged run's pairs (band_run.sql)
-- name their batch by it, and only committed batches count.
SELECT n.batch, n.batch_id
FROM band_batches AS n
JOIN batches AS b ON b.batch_id = n.batch_id;
