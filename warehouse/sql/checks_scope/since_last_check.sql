-- The batches a run's end checks (warehouse/sql/checks read them as `check_batches`): the run's own
-- ($1), and every batch committed after the last other run whose checks ran had finished: a crashed
-- run's, rows appended by hand. Older batches were checked when they were new; `failed_checks` (every
-- batch) is there for a whole check. Their rows are read from `checked_<table>` (warehouse/query.py, checked_scope):
-- the files that can hold them (written_since.sql).
-- So the batches are every one committed after a time (a run's own come after the last other run ended: one run
-- at a time holds the warehouse), which checks/rejections_shown_once.sql relies on.
CREATE OR REPLACE TEMP TABLE check_batches AS
SELECT batch_id FROM batches
WHERE run_id = $1
   OR committed_at > coalesce(
       (SELECT max(finished_at) FROM _runs WHERE check_violations IS NOT NULL AND run_id <> $1),
       '-infinity'::TIMESTAMPTZ
   );
