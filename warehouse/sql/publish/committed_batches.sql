-- The committed batches a publish joins (a temporary table hides the view of that name for this
-- connection): the markers the stored tables hold, kept whole in the views database, and those of
-- the marker files added since the last publish (read through a temporary `_batches` over those
-- files alone; a compaction's file may hold published markers again).
CREATE TEMP TABLE batches AS
SELECT * FROM newsetl_publish.batches
UNION ALL BY NAME
(SELECT * FROM main.batches ANTI JOIN newsetl_publish.batches USING (batch_id));
