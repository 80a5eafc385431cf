-- The committed batches whose rows the stored tables do not hold yet.
CREATE TEMP TABLE new_batches AS
SELECT batch_id FROM batches
ANTI JOIN newsetl_publish.batches USING (batch_id);
