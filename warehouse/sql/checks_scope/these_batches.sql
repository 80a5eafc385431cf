-- check_batches as a group of the checked batches ($1, their ids): a run's end checks GROUPED_CHECKS a group at a
-- time (warehouse/query.py failed_checks_on).
CREATE OR REPLACE TEMP TABLE check_batches AS SELECT unnest($1::VARCHAR[]) AS batch_id;
