-- Runs whose latest row says running, and the given run ids that have no row at all, with what
-- their committed batches hold; a run with no row has no start time (NULL).
-- Parameter: the run ids to include when they have no row.
WITH latest AS (
    SELECT run_id, started_at, sources, documents_seen, status
    FROM _runs
    QUALIFY row_number() OVER (PARTITION BY run_id ORDER BY finished_at DESC NULLS LAST) = 1
), also AS (
    SELECT unnest(?::VARCHAR[]) AS run_id
), cut_short AS (
    SELECT run_id FROM latest WHERE status = 'running'
    UNION
    SELECT run_id FROM also WHERE run_id NOT IN (SELECT run_id FROM latest)
), committed AS (
    SELECT run_id, sum(articles) AS articles, sum(rejections) AS rejections, count(*) AS batches
    FROM batches
    GROUP BY run_id
)
SELECT c.run_id, l.started_at, coalesce(l.sources, 0) AS sources, coalesce(l.documents_seen, 0) AS documents_seen,
       coalesce(k.articles, 0) AS articles, coalesce(k.rejections, 0) AS rejections,
       coalesce(k.batches, 0) AS batches
FROM cut_short AS c
LEFT JOIN latest AS l USING (run_id)
LEFT JOIN committed AS k USING (run_id)
ORDER BY c.run_id;
