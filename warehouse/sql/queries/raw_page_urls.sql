-- Every URL with fetched bytes in a committed batch, in a stable order.
SELECT DISTINCT url
FROM _raw_pages
WHERE batch_id IN (SELECT batch_id FROM batches)
ORDER BY url;
