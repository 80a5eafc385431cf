-- The runs that started in the period, oldest first, with their duration (NULL while running).
SELECT
    run_id,
    started_at,
    status,
    documents_seen,
    articles,
    rejections,
    epoch(finished_at) - epoch(started_at) AS seconds
FROM runs
WHERE ($date_from IS NULL OR started_at::DATE >= $date_from) AND ($date_to IS NULL OR started_at::DATE <= $date_to)
ORDER BY started_at, run_id;
