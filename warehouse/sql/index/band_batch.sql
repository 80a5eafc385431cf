-- The number that stands for one batch in the band levels. Parameter: batch_id.
SELECT batch FROM band_batches WHERE batch_id = ?;
