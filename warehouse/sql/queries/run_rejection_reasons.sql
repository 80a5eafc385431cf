-- How many inputs a run rejected, by stage and reason, most frequent first. Parameter: the run id.
SELECT stage, reason, count(*)
FROM rejections
WHERE run_id = ?
GROUP BY ALL
ORDER BY 3 DESC, 1, 2;
