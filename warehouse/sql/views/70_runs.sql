-- One row per run: its latest state (a run writes a row when it starts and when it ends).
CREATE VIEW runs AS
SELECT run_id, started_at, finished_at, status, sources, documents_seen, documents_skipped,
       articles, entity_mentions, figures, rejections, batches
FROM _runs
QUALIFY row_number() OVER (PARTITION BY run_id ORDER BY finished_at DESC NULLS LAST) = 1;
