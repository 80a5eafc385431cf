-- A level's rows and the next larger level's into a new table, in key order: both are read in key order and
-- merged (no sort), and the new B-tree is written page after page. Placeholders: {merged}, {upper}, {lower}.
INSERT OR IGNORE INTO {merged}
SELECT band_key, article_id, batch FROM {lower}
UNION ALL
SELECT band_key, article_id, batch FROM {upper}
ORDER BY 1, 2, 3;
