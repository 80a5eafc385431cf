-- Rejections of each run that started in the period, by stage/reason (the newest outcome of each input).
SELECT r.run_id, r.stage || '/' || r.reason AS reason, count(*) AS rejections
FROM rejections AS r
JOIN runs AS u USING (run_id)
WHERE ($date_from IS NULL OR u.started_at::DATE >= $date_from) AND ($date_to IS NULL OR u.started_at::DATE <= $date_to)
GROUP BY ALL
ORDER BY reason, r.run_id;
