-- Search index: every committed batch, to compare with the batches the index holds.
SELECT batch_id FROM batches;
