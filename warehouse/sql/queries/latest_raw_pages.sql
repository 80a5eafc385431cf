-- The newest committed fetch of each of these URLs that has one. Parameter: the URLs.
WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS url)
SELECT r.*
FROM _raw_pages AS r
JOIN wanted USING (url)
JOIN batches AS b USING (batch_id)
QUALIFY row_number() OVER (PARTITION BY r.url ORDER BY b.committed_at DESC, r.fetched_at DESC) = 1;
