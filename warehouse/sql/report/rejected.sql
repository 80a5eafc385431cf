-- What was rejected by runs that started in the period: each stage/reason with a count and one example.
SELECT
    r.stage,
    r.reason,
    count(*) AS rejections,
    min(r.source) AS example_source,
    arg_min(r.detail, r.source) AS example_detail
FROM rejections AS r
JOIN runs AS u USING (run_id)
WHERE ($date_from IS NULL OR u.started_at::DATE >= $date_from) AND ($date_to IS NULL OR u.started_at::DATE <= $date_to)
GROUP BY ALL
ORDER BY rejections DESC, r.stage, r.reason;
