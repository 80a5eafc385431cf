-- The run's own committed batches, in order: what the run's numbers read (warehouse/report.py, `run_scope`).
SELECT batch_id FROM batches WHERE run_id = ? ORDER BY batch_id
