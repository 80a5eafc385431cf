-- The committed batches among these numbers (the batches of a merged run's pairs a lookup found: band_run.sql names
-- a batch by its number in band_batches), each as text, with its id. Asked by the numbers found, not read whole: the
-- batches grow with the archive. Parameter: the numbers as a JSON list.
SELECT CAST(n.batch AS TEXT), n.batch_id
FROM json_each(?) AS k
CROSS JOIN band_batches AS n ON n.batch = k.value
JOIN batches AS b ON b.batch_id = n.batch_id;
