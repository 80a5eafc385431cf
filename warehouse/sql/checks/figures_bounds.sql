-- Rows returned are violations: a figure whose bounds are out of order.
SELECT article_id, figure_id, value, value_low, value_high FROM figures
WHERE value_low > value_high OR value < value_low OR value > value_high;
