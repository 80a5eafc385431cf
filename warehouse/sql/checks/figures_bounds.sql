-- Rows returned are violations: a figure whose bounds are out of order (figures the checked batches,
-- `check_batches`, wrote).
SELECT article_id, figure_id, value, value_low, value_high FROM checked_figures
WHERE batch_id IN (SELECT batch_id FROM check_batches)
    AND (value_low > value_high OR value < value_low OR value > value_high);
