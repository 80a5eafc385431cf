-- The batches a whole check (`newsetl check`, `failed_checks`) reads: every committed one.
CREATE OR REPLACE TEMP TABLE check_batches AS SELECT batch_id FROM batches;
